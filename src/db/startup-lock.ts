import { sql } from 'kysely';
import { dialectOf } from './column-types.js';
import type { Db } from './open-database.js';

/**
 * Runs `work` while holding a PostgreSQL advisory lock of this schema, so instances started at once
 * on one database bring the schema up to date and load first-start data one after another: the
 * second finds the first one's work done instead of racing it into a unique-key violation. The lock
 * is a session's: it is held on a connection of its own, and let go with it should the process die.
 * One process starts the work on an SQLite file (HTTP_WORKERS forks only after it), so there it
 * simply runs.
 */
export async function withStartupLock<T>(db: Db, work: () => Promise<T>): Promise<T> {
  if (dialectOf(db) !== 'postgres') return work();
  return db.connection().execute(async (conn) => {
    const key = sql`hashtextextended('onewindow startup ' || current_schema(), 0)`;
    await sql`select pg_advisory_lock(${key})`.execute(conn);
    try {
      return await work();
    } finally {
      await sql`select pg_advisory_unlock(${key})`.execute(conn);
    }
  });
}
