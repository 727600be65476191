import type { Insertable, Kysely, Selectable, Updateable } from 'kysely';
import type { Database } from '../../db/schema.js';
import type {
  FeeReviewCatalogueVersionTable,
  FeeReviewLineTable,
  FeeReviewRoundTable,
} from '../../db/schema-conduct.js';

type Q = Kysely<Database>;
export type RoundRow = Selectable<FeeReviewRoundTable>;
export type LineRow = Selectable<FeeReviewLineTable>;

export const insertRound = (db: Q, row: Insertable<FeeReviewRoundTable>) =>
  db.insertInto('feereview_rounds').values(row).execute();
export const insertLines = async (db: Q, rows: Insertable<FeeReviewLineTable>[]) => {
  if (rows.length) await db.insertInto('feereview_lines').values(rows).execute();
};
export const findRound = (db: Q, id: string) =>
  db.selectFrom('feereview_rounds').selectAll().where('id', '=', id).executeTakeFirst();
export const findLine = (db: Q, id: string) =>
  db.selectFrom('feereview_lines').selectAll().where('id', '=', id).executeTakeFirst();
export const listRounds = (db: Q) =>
  db.selectFrom('feereview_rounds').selectAll().orderBy('created_at', 'desc').limit(100).execute();
export const linesOf = (db: Q, roundId: string, departmentId?: string) => {
  let q = db.selectFrom('feereview_lines').selectAll().where('round_id', '=', roundId);
  if (departmentId) q = q.where('department_id', '=', departmentId);
  return q.orderBy('fee_code').execute();
};

export async function updateLine(
  db: Q,
  id: string,
  version: number,
  changes: Updateable<FeeReviewLineTable>,
) {
  const r = await db
    .updateTable('feereview_lines')
    .set({ ...changes, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Published fee entries, all or by code: what a round sends out for review. */
export const publishedFees = (db: Q, codes?: string[]) => {
  let q = db.selectFrom('fee_entries').selectAll().where('status', '=', 'published');
  if (codes?.length) q = q.where('code', 'in', codes);
  return q.orderBy('code').execute();
};

/** A fee still under review in an open round (a fee is reviewed in one round at a time). */
export const openLinesFor = (db: Q, codes: string[]) =>
  codes.length
    ? db
        .selectFrom('feereview_lines')
        .innerJoin('feereview_rounds', 'feereview_rounds.id', 'feereview_lines.round_id')
        .select(['feereview_lines.fee_code'])
        .where('feereview_lines.fee_code', 'in', codes)
        .where('feereview_lines.state', 'in', ['pending', 'proposed', 'returned'])
        .execute()
    : Promise.resolve([]);

/** What the fee's lines collected in a year (paid, forms not cancelled), with each line's quantity. */
export const collectedLines = (db: Q, feeCode: string, fromIso: string, toIso: string) =>
  db
    .selectFrom('fee_form_lines')
    .innerJoin('fee_forms', 'fee_forms.id', 'fee_form_lines.form_id')
    .select(['fee_form_lines.paid_fen', 'fee_form_lines.quantity', 'fee_form_lines.refunded_fen'])
    .where('fee_form_lines.fee_code', '=', feeCode)
    .where('fee_forms.issued_at', '>=', fromIso)
    .where('fee_forms.issued_at', '<', toIso)
    .execute();

/** Approved reductions and abolitions whose date has come and that the catalogue does not show yet. */
export const dueChanges = (db: Q, today: string, limit: number) =>
  db
    .selectFrom('feereview_lines')
    .selectAll()
    .where('state', '=', 'approved')
    .where('proposal', 'in', ['reduce', 'abolish'])
    .where('effective_date', '<=', today)
    .where('applied_at', 'is', null)
    .orderBy('effective_date')
    .limit(limit);

export const publicChanges = (db: Q) =>
  db
    .selectFrom('feereview_lines')
    .selectAll()
    .where('state', '=', 'approved')
    .where('proposal', 'in', ['reduce', 'abolish'])
    .orderBy('effective_date', 'desc')
    .limit(500)
    .execute();

export const departmentNames = async (db: Q, ids: string[]) =>
  new Map(
    (ids.length
      ? await db
          .selectFrom('departments')
          .select(['id', 'name'])
          .where('id', 'in', [...new Set(ids)])
          .execute()
      : []
    ).map((d) => [d.id, d.name]),
  );

export const catalogueVersionRows = (db: Q) =>
  db
    .selectFrom('feereview_catalogue_versions')
    .selectAll()
    .orderBy('version_no', 'desc')
    .limit(100)
    .execute();

export const feeEntry = (db: Q, code: string) =>
  db.selectFrom('fee_entries').selectAll().where('code', '=', code).executeTakeFirst();

/** The catalogue entry as a change leaves it: withdrawn, or at its new standard; a new entry version. */
export const changeFeeEntry = (
  db: Q,
  id: string,
  version: number,
  changes: { status: 'withdrawn' } | { standard: string; rule: string },
  at: string,
) =>
  db
    .updateTable('fee_entries')
    .set({ ...changes, updated_at: at, version: version + 1 })
    .where('id', '=', id)
    .execute();

export const markApplied = (db: Q, id: string, at: string) =>
  db.updateTable('feereview_lines').set({ applied_at: at }).where('id', '=', id).execute();

export async function nextCatalogueVersion(db: Q): Promise<number> {
  const last = await db
    .selectFrom('feereview_catalogue_versions')
    .select((eb) => eb.fn.max('version_no').as('n'))
    .executeTakeFirst();
  return Number(last?.n ?? 0) + 1;
}

export const catalogueSnapshot = (db: Q) =>
  db
    .selectFrom('fee_entries')
    .select(['code', 'name', 'standard', 'rule', 'status'])
    .orderBy('code')
    .execute();

export const insertCatalogueVersion = (db: Q, row: Insertable<FeeReviewCatalogueVersionTable>) =>
  db.insertInto('feereview_catalogue_versions').values(row).execute();
