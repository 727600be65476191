import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';

/**
 * The next number of a named sequence, without gaps: the increment happens inside the caller's
 * transaction, so a rolled-back case or document gives its number back. Concurrent writers on
 * PostgreSQL wait on the counter's row.
 */
export async function nextNumber(db: Kysely<Database>, name: string): Promise<number> {
  const r = await db.insertInto('counters').values({ name, value: 1 })
    .onConflict((oc) => oc.column('name').doUpdateSet((eb) => ({ value: eb('counters.value', '+', 1) })))
    .returning('value').executeTakeFirstOrThrow();
  return Number(r.value);
}
