import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { prepared } from '../../db/prepared.js';

/**
 * The next number of a named sequence, without gaps: the increment happens inside the caller's
 * transaction, so a rolled-back case or document gives its number back. Concurrent writers on
 * PostgreSQL wait on the counter's row.
 */
const bump = prepared((db, name: string) =>
  db
    .updateTable('counters')
    .set((eb) => ({ value: eb('value', '+', sql.lit(1)) }))
    .where('name', '=', name)
    .returning('value'),
);
const first = prepared((db, name: string) =>
  db
    .insertInto('counters')
    .values({ name, value: sql.lit(1) })
    .onConflict((oc) =>
      oc.column('name').doUpdateSet((eb) => ({ value: eb('counters.value', '+', sql.lit(1)) })),
    )
    .returning('value'),
);

export async function nextNumber(db: Kysely<Database>, name: string): Promise<number> {
  // A sequence exists after its first number: a plain update is then all it takes (an upsert
  // tries the insert and its unique index first, every time).
  const bumped = await bump(db, name);
  const [r] = bumped.length ? bumped : await first(db, name);
  return Number(r!.value);
}
