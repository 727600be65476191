import type { Kysely } from 'kysely';
import { columnTypes } from '../column-types.js';

/**
 * 容缺 promises kept: a deferred material keeps its promised deadline after it arrives, and the time
 * it arrived, so that a promise can be judged kept or broken; the assessment gains three counters.
 * Materials promised before this migration get both from their cases' event chains (the acceptance
 * with shortfall names the materials and the deadline; each supply names what arrived, and when).
 * The cursor is cleared, so the next refresh builds every aggregate afresh with the new counters.
 */
const COUNTERS = ['shortfall_promises', 'shortfall_kept', 'shortfall_broken'];

interface Rows {
  assessment_cursor: { name: string; at: string | null };
  case_materials: {
    case_id: string;
    name: string;
    promised_until: string | null;
    supplied_at: string | null;
  };
  case_events: { case_id: string; seq: number; kind: string; at: string | Date; data: string };
}

export async function up(db: Kysely<unknown>): Promise<void> {
  const t = columnTypes(db);
  await db.schema.alterTable('case_materials').addColumn('promised_until', 'text').execute();
  await db.schema.alterTable('case_materials').addColumn('supplied_at', t.timestamp).execute();
  for (const counter of COUNTERS)
    await db.schema
      .alterTable('assessment_aggregates')
      .addColumn(counter, 'bigint', (c) => c.notNull().defaultTo(0))
      .execute();

  const q = db as Kysely<Rows>;
  const events = await q
    .selectFrom('case_events')
    .select(['case_id', 'seq', 'kind', 'at', 'data'])
    .where('kind', 'in', ['accept_with_shortfall', 'provide_deferred'])
    .orderBy('case_id')
    .orderBy('seq')
    .execute();
  for (const e of events) {
    const data = JSON.parse(e.data) as { deferred?: string[]; deadline?: string; supplied?: string[] };
    if (e.kind === 'accept_with_shortfall' && data.deadline && data.deferred?.length)
      await q
        .updateTable('case_materials')
        .set({ promised_until: data.deadline })
        .where('case_id', '=', e.case_id)
        .where('name', 'in', data.deferred)
        .execute();
    if (e.kind === 'provide_deferred' && data.supplied?.length)
      await q
        .updateTable('case_materials')
        .set({ supplied_at: e.at instanceof Date ? e.at.toISOString() : e.at })
        .where('case_id', '=', e.case_id)
        .where('name', 'in', data.supplied)
        .where('promised_until', 'is not', null)
        .where('supplied_at', 'is', null)
        .execute();
  }
  await q.updateTable('assessment_cursor').set({ at: null }).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const counter of COUNTERS)
    await db.schema.alterTable('assessment_aggregates').dropColumn(counter).execute();
  await db.schema.alterTable('case_materials').dropColumn('supplied_at').execute();
  await db.schema.alterTable('case_materials').dropColumn('promised_until').execute();
  await (db as Kysely<Rows>).updateTable('assessment_cursor').set({ at: null }).execute();
}
