import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { DiscVillageTermTable } from '../../db/schema-disclosure.js';
import type { Cadence } from './periods.js';
import type { Term } from './terms.js';

type Q = Kysely<Database> | Transaction<Database>;

const toTerm = (r: Pick<DiscVillageTermTable, 'starts_on' | 'cadence' | 'due_days'>): Term => ({
  startsOn: r.starts_on,
  cadence: r.cadence as Cadence,
  dueDays: r.due_days,
});

/** The terms of every village (or one), each village's in order of their start. */
export async function termsByVillage(db: Q, villageId?: string): Promise<Map<string, Term[]>> {
  let q = db.selectFrom('disc_village_terms').select(['village_id', 'starts_on', 'cadence', 'due_days']);
  if (villageId) q = q.where('village_id', '=', villageId);
  const out = new Map<string, Term[]>();
  for (const r of await q.orderBy('village_id').orderBy('starts_on').execute())
    out.set(r.village_id, [...(out.get(r.village_id) ?? []), toTerm(r)]);
  return out;
}

export async function termsOf(db: Q, villageId: string): Promise<Term[]> {
  return (await termsByVillage(db, villageId)).get(villageId) ?? [];
}

/** Sets a term from its start on: the village's terms starting then or later give way to it. */
export async function putTerm(db: Q, villageId: string, term: Term, at: string, by: string | null) {
  await db
    .deleteFrom('disc_village_terms')
    .where('village_id', '=', villageId)
    .where('starts_on', '>=', term.startsOn)
    .execute();
  await db
    .insertInto('disc_village_terms')
    .values({
      village_id: villageId,
      starts_on: term.startsOn,
      cadence: term.cadence,
      due_days: term.dueDays,
      set_at: at,
      set_by: by,
    })
    .execute();
}
