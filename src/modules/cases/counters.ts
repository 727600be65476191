import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { prepared } from '../../db/prepared.js';

/**
 * The next number of a named sequence, without gaps: the increment happens inside the caller's
 * transaction, so a rolled-back case or document gives its number back. Concurrent writers on
 * PostgreSQL wait on the counter's row.
 */
const bump = prepared((db, name: string) => db.insertInto('counters').values({ name, value: sql.lit(1) })
  .onConflict((oc) => oc.column('name').doUpdateSet((eb) => ({ value: eb('counters.value', '+', sql.lit(1)) })))
  .returning('value'));

export async function nextNumber(db: Kysely<Database>, name: string): Promise<number> {
  const [r] = await bump(db, name);
  return Number(r!.value);
}
