import type { Kysely } from 'kysely';

/**
 * Performance assessment: the counters of two measures on enterprise inspections (registered and
 * within caps; penalties within their standards). The cursor is cleared, so the next refresh builds
 * every aggregate afresh with the new sources and counters.
 */
const COUNTERS = [
  'insp_attempts',
  'insp_regular',
  'insp_irregular',
  'penalties',
  'penalties_within',
  'penalties_outside',
];

interface CursorRows {
  assessment_cursor: { name: string; at: string | null };
}

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const counter of COUNTERS)
    await db.schema
      .alterTable('assessment_aggregates')
      .addColumn(counter, 'bigint', (c) => c.notNull().defaultTo(0))
      .execute();
  await (db as Kysely<CursorRows>).updateTable('assessment_cursor').set({ at: null }).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const counter of COUNTERS)
    await db.schema.alterTable('assessment_aggregates').dropColumn(counter).execute();
  await (db as Kysely<CursorRows>).updateTable('assessment_cursor').set({ at: null }).execute();
}
