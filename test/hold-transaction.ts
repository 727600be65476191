import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../src/db/schema.js';

/**
 * Opens a transaction on `db`, runs `first` in it, and keeps it open (its connection, and on SQLite
 * the write lock, held) until `release()`. Resolves once `first` has run; `done` is the commit.
 */
export async function holdTransaction(
  db: Kysely<Database>,
  first: (trx: Transaction<Database>) => Promise<unknown> = async () => {},
): Promise<{ release: () => void; done: Promise<void> }> {
  let release!: () => void;
  const held = new Promise<void>((r) => {
    release = r;
  });
  let entered!: () => void;
  const inside = new Promise<void>((r) => {
    entered = r;
  });
  const done = db.transaction().execute(async (trx) => {
    await first(trx);
    entered();
    await held;
  });
  // A transaction that fails before it is held ends the wait with its error.
  await Promise.race([inside, done]);
  return { release, done };
}
