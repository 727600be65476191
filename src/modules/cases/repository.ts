import { sql, type Kysely, type Selectable } from 'kysely';
import type { CaseTable, CaseTaskTable, Database } from '../../db/schema.js';
import { prepared } from '../../db/prepared.js';

type Q = Kysely<Database>;
export type CaseRow = Selectable<CaseTable>;
export type TaskRow = Selectable<CaseTaskTable>;

export const findCase = (db: Q, id: string) =>
  db.selectFrom('cases').selectAll().where('id', '=', id).executeTakeFirst();
export const findCaseByReceipt = (db: Q, receiptNo: string) =>
  db.selectFrom('cases').selectAll().where('receipt_no', '=', receiptNo).executeTakeFirst();
export const tasksOf = (db: Q, caseId: string) =>
  db
    .selectFrom('case_tasks')
    .selectAll()
    .where('case_id', '=', caseId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
export const materialsOf = (db: Q, caseId: string) =>
  db
    .selectFrom('case_materials')
    .selectAll()
    .where('case_id', '=', caseId)
    .orderBy('item_id')
    .orderBy('name')
    .execute();
export const itemsOf = (db: Q, caseId: string) =>
  db.selectFrom('case_items').selectAll().where('case_id', '=', caseId).execute();
export const documentsOf = (db: Q, caseId: string) =>
  db
    .selectFrom('documents')
    .select(['id', 'kind', 'number', 'issued_at', 'sha256', 'state', 'content_sha256'])
    .where('case_id', '=', caseId)
    .orderBy('issued_at')
    .execute();
export const noticesOf = (db: Q, caseId: string) =>
  db.selectFrom('supplement_notices').selectAll().where('case_id', '=', caseId).orderBy('seq').execute();
export const recordsOf = (db: Q, caseId: string) =>
  db.selectFrom('case_records').selectAll().where('case_id', '=', caseId).orderBy('created_at').execute();
export const eventsOfCase = (db: Q, caseId: string) =>
  db.selectFrom('case_events').selectAll().where('case_id', '=', caseId).orderBy('seq').execute();

export async function departmentIdsOf(db: Q, c: CaseRow): Promise<string[]> {
  const rows = await db
    .selectFrom('case_items')
    .select('department_id')
    .where('case_id', '=', c.id)
    .execute();
  return [...new Set([c.lead_department_id, ...rows.map((r) => r.department_id)])];
}

/** Received cases whose Art. 32 clock has turned red: the law has accepted them (deem-accept.ts). */
export const receivedPastAcceptance = (db: Q, limit: number) =>
  db
    .selectFrom('cases')
    .innerJoin('clocks as k', 'k.id', 'cases.acceptance_clock_id')
    .select(['cases.id'])
    .where('cases.state', '=', 'received')
    .where('k.colour', '=', 'red')
    .limit(limit)
    .execute();

/** The items of a case with what acceptance needs of their versions: a task and a clock each. */
export const itemsUnderReview = (db: Q, caseId: string) =>
  db
    .selectFrom('case_items')
    .innerJoin('item_versions as v', 'v.id', 'case_items.item_version_id')
    .select(['case_items.item_id', 'case_items.department_id', 'v.committed_days', 'v.name'])
    .where('case_items.case_id', '=', caseId)
    .execute();

/** The versions' data of a case's items (their result names go into the decision). */
export const itemVersionData = (db: Q, caseId: string) =>
  db
    .selectFrom('case_items')
    .innerJoin('item_versions as v', 'v.id', 'case_items.item_version_id')
    .select(['v.data'])
    .where('case_items.case_id', '=', caseId)
    .execute();

/** The item a material asked for beyond the item's list is filed under: the case's first. */
export const firstItemIdOf = async (db: Q, caseId: string): Promise<string> =>
  (
    await db
      .selectFrom('case_items')
      .select('item_id')
      .where('case_id', '=', caseId)
      .executeTakeFirstOrThrow()
  ).item_id;

/** What a public tracking lookup reads: the stored snapshot, the check code, and whether the case has payment forms. */
export const findTracked = prepared((db, receiptNo: string) =>
  db
    .selectFrom('cases')
    .select((eb) => [
      'id',
      'check_code',
      'state',
      'tracking',
      eb
        .selectFrom('fee_forms')
        .select((f) => f.fn.countAll<number>().as('n'))
        .whereRef('fee_forms.case_id', '=', 'cases.id')
        .as('forms'),
    ])
    .where('receipt_no', '=', receiptNo),
);

/** What a rating of the case needs (ratings: the online and phone channels), read on the read connection. */
export const findRatedMatter = prepared((db, receiptNo: string) =>
  db
    .selectFrom('cases')
    .select((eb) => [
      'id',
      'receipt_no',
      'check_code',
      'state',
      'lead_department_id',
      'applicant_user_id',
      'applicant_name',
      'applicant_phone',
      'window',
      eb
        .selectFrom('case_items')
        .select('case_items.item_id')
        .whereRef('case_items.case_id', '=', 'cases.id')
        .orderBy('case_items.role')
        .limit(sql.lit(1))
        .as('item_id'),
    ])
    .where('receipt_no', '=', receiptNo),
);

// ---- reads for the case view, the case lists and the downloads ----

/** The items of a case with the name and number of the version it was applied under. */
export const caseItemsWithVersions = (db: Q, caseId: string) =>
  db
    .selectFrom('case_items')
    .innerJoin('item_versions as v', 'v.id', 'case_items.item_version_id')
    .select(['case_items.item_id', 'case_items.department_id', 'case_items.role', 'v.name', 'v.version_no'])
    .where('case_items.case_id', '=', caseId)
    .execute();
export const departmentRefs = (db: Q) =>
  db.selectFrom('departments').select(['id', 'code', 'name']).execute();
export const clocksByIds = async (db: Q, ids: string[]) =>
  ids.length ? db.selectFrom('clocks').selectAll().where('id', 'in', ids).execute() : [];

/** Whose cases a list may show: an applicant's own, a department's, or (neither) all. */
export interface CaseScope {
  applicantUserId?: string | null;
  departmentId?: string | null;
}
export async function findCasePage(
  db: Q,
  scope: CaseScope,
  f: { state?: string; q?: string; limit: number; offset: number },
) {
  let q = db.selectFrom('cases');
  if (scope.applicantUserId !== undefined) q = q.where('applicant_user_id', '=', scope.applicantUserId);
  if (scope.departmentId !== undefined) {
    const departmentId = scope.departmentId;
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('case_items')
          .select('case_items.case_id')
          .whereRef('case_items.case_id', '=', 'cases.id')
          .where('case_items.department_id', '=', departmentId),
      ),
    );
  }
  const text = f.q;
  if (text) q = q.where((eb) => eb.or([eb('receipt_no', '=', text), eb('title', 'like', `%${text}%`)]));
  // Counted before the state filter: the queue shows how many wait in every state.
  const unfiltered = q;
  // One state, or several separated by commas (the window's "everything open").
  const states = (f.state ?? '').split(',').filter(Boolean);
  if (states.length) q = q.where('state', 'in', states);
  const [rows, total, counts] = await Promise.all([
    q
      .leftJoin('clocks as ka', 'ka.id', 'cases.acceptance_clock_id')
      .leftJoin('clocks as kc', 'kc.id', 'cases.case_clock_id')
      .leftJoin('clocks as kd', 'kd.id', 'cases.delivery_clock_id')
      .select([
        'cases.id',
        'cases.receipt_no',
        'cases.title',
        'cases.state',
        'cases.channel',
        'cases.applicant_name',
        'cases.created_at',
        'cases.submitted_at',
        'cases.decision',
        'cases.version',
        'cases.lead_department_id',
        'ka.status as acceptance_status',
        'ka.due_date as acceptance_due',
        'ka.colour as acceptance_colour',
        'kc.status as case_status',
        'kc.due_date as case_due',
        'kc.colour as case_colour',
        'kd.status as delivery_status',
        'kd.due_date as delivery_due',
        'kd.colour as delivery_colour',
      ])
      .orderBy('cases.created_at', 'desc')
      .orderBy('cases.id', 'desc')
      .limit(f.limit)
      .offset(f.offset)
      .execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    unfiltered
      .select(['state', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy('state')
      .execute(),
  ]);
  return {
    rows,
    total: Number(total.n),
    counts: Object.fromEntries(counts.map((c) => [c.state, Number(c.n)])) as Record<string, number>,
  };
}
export type CaseListRow = Awaited<ReturnType<typeof findCasePage>>['rows'][number];

/** A department's open review tasks (or those in one state), the closest deadline first. */
export async function findWorkPage(
  db: Q,
  departmentId: string,
  f: { state?: string; limit: number; offset: number },
) {
  let q = db
    .selectFrom('case_tasks as t')
    .innerJoin('cases as c', 'c.id', 't.case_id')
    .leftJoin('clocks as k', 'k.id', 't.clock_id')
    // The department's row names its own item (the version applied for), not the bundle's title.
    .leftJoin('case_items as ci', (j) =>
      j.onRef('ci.case_id', '=', 't.case_id').onRef('ci.item_id', '=', 't.item_id'),
    )
    .leftJoin('item_versions as iv', 'iv.id', 'ci.item_version_id')
    .where('t.department_id', '=', departmentId);
  q = f.state ? q.where('t.state', '=', f.state) : q.where('t.state', '!=', 'decided');
  const [rows, total] = await Promise.all([
    q
      .select([
        't.id as task_id',
        't.state as task_state',
        'c.id as case_id',
        'c.receipt_no',
        'c.title',
        'iv.name as item_name',
        'c.state',
        'c.version',
        'k.due_date',
        'k.colour',
        'k.status as clock_status',
      ])
      .select((eb) =>
        eb
          .exists(
            eb
              .selectFrom('case_records as r')
              .select('r.id')
              .whereRef('r.task_id', '=', 't.id')
              .where('r.kind', '=', 'extension_request')
              .where('r.status', '=', 'pending'),
          )
          .as('pending_extension'),
      )
      .orderBy('k.due_date')
      .orderBy('t.id')
      .limit(f.limit)
      .offset(f.offset)
      .execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n) };
}
export type WorkRow = Awaited<ReturnType<typeof findWorkPage>>['rows'][number];

export const findFile = (db: Q, id: string) =>
  db.selectFrom('files').selectAll().where('id', '=', id).executeTakeFirst();
export const findCaseDocument = (db: Q, caseId: string, documentId: string) =>
  db
    .selectFrom('documents')
    .selectAll()
    .where('id', '=', documentId)
    .where('case_id', '=', caseId)
    .executeTakeFirst();
