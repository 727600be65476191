import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';

type Q = Kysely<Database>;

export const findReview = (db: Q, quarter: string) =>
  db.selectFrom('item_commitment_reviews').selectAll().where('quarter', '=', quarter).executeTakeFirst();

/** The quarter's row, pending, unless an instance has written it already. */
export const ensureReview = (db: Q, quarter: string, nowIso: string) =>
  db
    .insertInto('item_commitment_reviews')
    .values({ quarter, state: 'pending', items: 0, not_kept: 0, created_at: nowIso, reviewed_at: null })
    .onConflict((oc) => oc.column('quarter').doNothing())
    .execute();

/** Claims the pending quarter (on PostgreSQL skipping one another instance holds); undefined if none. */
export function claimReview(db: Q, quarter: string, pg: boolean) {
  let q = db
    .selectFrom('item_commitment_reviews')
    .selectAll()
    .where('quarter', '=', quarter)
    .where('state', '=', 'pending');
  if (pg) q = q.forUpdate().skipLocked();
  return q.executeTakeFirst();
}

export const finishReview = (db: Q, quarter: string, items: number, notKept: number, nowIso: string) =>
  db
    .updateTable('item_commitment_reviews')
    .set({ state: 'done', items, not_kept: notKept, reviewed_at: nowIso })
    .where('quarter', '=', quarter)
    .execute();

/** Items with a case decided (its case clock stopped) between two instants, and their department. */
export const itemsDecidedBetween = (db: Q, fromIso: string, toIso: string) =>
  db
    .selectFrom('clocks')
    .select(['item_id', 'department_id'])
    .distinct()
    .where('subject_type', '=', 'case')
    .where('status', '=', 'stopped')
    .where('item_id', 'is not', null)
    .where('stopped_at', '>=', fromIso)
    .where('stopped_at', '<', toIso)
    .orderBy('item_id')
    .execute();

/** When the published service catalogue last changed: its latest published version. */
export const catalogueUpdatedAt = (db: Q) =>
  db
    .selectFrom('item_versions')
    .select(sql<string | null>`max(published_at)`.as('at'))
    .where('published_at', 'is not', null)
    .executeTakeFirst();

/** When the fee catalogue last changed. */
export const feesUpdatedAt = (db: Q) =>
  db
    .selectFrom('fee_entries')
    .select(sql<string | null>`max(updated_at)`.as('at'))
    .executeTakeFirst();
