import type { Insertable, Kysely, Selectable, Updateable } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { InspEnterpriseTable, InspInspectionTable, InspScanTable } from '../../db/schema-inspections.js';

type Q = Kysely<Database>;
export type EnterpriseRow = Selectable<InspEnterpriseTable>;
export type InspectionRow = Selectable<InspInspectionTable>;
/** States that count against caps and plans: everything but a cancelled registration. */
const LIVE = ['registered', 'started', 'ended', 'concluded'];

export const findEnterpriseByCredit = (db: Q, creditCode: string) =>
  db.selectFrom('insp_enterprises').selectAll().where('credit_code', '=', creditCode).executeTakeFirst();
export const findEnterpriseByCode = (db: Q, code: string) =>
  db.selectFrom('insp_enterprises').selectAll().where('code', '=', code).executeTakeFirst();
export const findEnterprise = (db: Q, id: string) =>
  db.selectFrom('insp_enterprises').selectAll().where('id', '=', id).executeTakeFirst();
export const insertEnterprise = (db: Q, row: Insertable<InspEnterpriseTable>) =>
  db.insertInto('insp_enterprises').values(row).execute();

export const insertInspection = (db: Q, row: Insertable<InspInspectionTable>) =>
  db.insertInto('insp_inspections').values(row).execute();
export const findInspection = (db: Q, id: string) =>
  db.selectFrom('insp_inspections').selectAll().where('id', '=', id).executeTakeFirst();

/** Changes an inspection only at the version it was read at; false when someone changed it first. */
export async function updateInspection(
  db: Q,
  id: string,
  version: number,
  changes: Updateable<InspInspectionTable>,
) {
  const r = await db
    .updateTable('insp_inspections')
    .set({ ...changes, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** This year's inspections of an enterprise, by its department and in total (the caps; index insp_inspections_cap_idx). */
export async function yearCounts(db: Q, enterpriseId: string, year: number, departmentId: string) {
  const rows = await db
    .selectFrom('insp_inspections')
    .select(['department_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('enterprise_id', '=', enterpriseId)
    .where('year', '=', year)
    .where('state', 'in', LIVE)
    .groupBy('department_id')
    .execute();
  return {
    department: Number(rows.find((r) => r.department_id === departmentId)?.n ?? 0),
    total: rows.reduce((s, r) => s + Number(r.n), 0),
  };
}

/** An enterprise's inspections planned between two days (index insp_inspections_day_idx). */
export const plannedBetween = (db: Q, enterpriseId: string, from: string, to: string) =>
  db
    .selectFrom('insp_inspections')
    .innerJoin('departments', 'departments.id', 'insp_inspections.department_id')
    .select([
      'insp_inspections.id',
      'insp_inspections.number',
      'insp_inspections.department_id',
      'departments.name as department_name',
      'insp_inspections.planned_date',
      'insp_inspections.state',
      'insp_inspections.joint_group',
    ])
    .where('insp_inspections.enterprise_id', '=', enterpriseId)
    .where('insp_inspections.planned_date', '>=', from)
    .where('insp_inspections.planned_date', '<=', to)
    .where('insp_inspections.state', 'in', LIVE)
    .orderBy('insp_inspections.planned_date')
    .execute();

/** Whether the department inspected the enterprise for one of these items since a day (repeated inspections). */
export async function itemInspectedSince(
  db: Q,
  excludeId: string,
  enterpriseId: string,
  itemCodes: string[],
  departmentId: string,
  since: string,
) {
  const r = await db
    .selectFrom('insp_inspections')
    .innerJoin('insp_inspection_items', 'insp_inspection_items.inspection_id', 'insp_inspections.id')
    .select('insp_inspection_items.item_code')
    .where('insp_inspections.enterprise_id', '=', enterpriseId)
    .where('insp_inspections.planned_date', '>=', since)
    .where('insp_inspections.id', '!=', excludeId)
    .where('insp_inspections.department_id', '=', departmentId)
    .where('insp_inspections.state', 'in', LIVE)
    .where('insp_inspection_items.item_code', 'in', itemCodes)
    .limit(1)
    .executeTakeFirst();
  return r?.item_code ?? null;
}

export const insertLinks = async (
  db: Q,
  inspectionId: string,
  items: { id: string; code: string }[],
  inspectorIds: string[],
) => {
  await db
    .insertInto('insp_inspection_items')
    .values(items.map((i) => ({ inspection_id: inspectionId, item_id: i.id, item_code: i.code })))
    .execute();
  await db
    .insertInto('insp_inspection_inspectors')
    .values(inspectorIds.map((inspector_id) => ({ inspection_id: inspectionId, inspector_id })))
    .execute();
};

export const insertScan = (db: Q, row: Insertable<InspScanTable>) =>
  db.insertInto('insp_scans').values(row).execute();

export const insertComplaintLink = (db: Q, inspectionId: string, ticketNo: string, at: string) =>
  db
    .insertInto('insp_complaints')
    .values({ inspection_id: inspectionId, ticket_no: ticketNo, created_at: at })
    .execute();

/** The items and inspectors of some inspections, for presenting them. */
export async function linksOf(db: Q, ids: string[]) {
  if (!ids.length) return { items: [], inspectors: [] };
  const [items, inspectors] = await Promise.all([
    db
      .selectFrom('insp_inspection_items')
      .innerJoin('insp_items', 'insp_items.id', 'insp_inspection_items.item_id')
      .select([
        'insp_inspection_items.inspection_id',
        'insp_items.id',
        'insp_items.code',
        'insp_items.version_no',
        'insp_items.name',
        'insp_items.basis',
      ])
      .where('insp_inspection_items.inspection_id', 'in', ids)
      .execute(),
    db
      .selectFrom('insp_inspection_inspectors')
      .innerJoin('insp_inspectors', 'insp_inspectors.id', 'insp_inspection_inspectors.inspector_id')
      .select([
        'insp_inspection_inspectors.inspection_id',
        'insp_inspectors.id',
        'insp_inspectors.user_id',
        'insp_inspectors.name',
        'insp_inspectors.certificate_no',
        'insp_inspectors.valid_to',
      ])
      .where('insp_inspection_inspectors.inspection_id', 'in', ids)
      .execute(),
  ]);
  return { items, inspectors };
}

export interface InspectionFilter {
  departmentId?: string;
  enterpriseId?: string;
  from?: string;
  to?: string;
  state?: string;
  limit: number;
  offset: number;
}

export async function listInspections(db: Q, f: InspectionFilter) {
  let q = db
    .selectFrom('insp_inspections')
    .innerJoin('insp_enterprises', 'insp_enterprises.id', 'insp_inspections.enterprise_id')
    .innerJoin('departments', 'departments.id', 'insp_inspections.department_id');
  if (f.departmentId) q = q.where('insp_inspections.department_id', '=', f.departmentId);
  if (f.enterpriseId) q = q.where('insp_inspections.enterprise_id', '=', f.enterpriseId);
  if (f.from) q = q.where('insp_inspections.planned_date', '>=', f.from);
  if (f.to) q = q.where('insp_inspections.planned_date', '<=', f.to);
  if (f.state) q = q.where('insp_inspections.state', '=', f.state);
  const [rows, total] = await Promise.all([
    q
      .selectAll('insp_inspections')
      .select([
        'insp_enterprises.name as enterprise_name',
        'insp_enterprises.credit_code',
        'departments.name as department_name',
      ])
      .orderBy('insp_inspections.planned_date', 'desc')
      .orderBy('insp_inspections.id', 'desc')
      .limit(f.limit)
      .offset(f.offset)
      .execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n) };
}
export type InspectionListRow = Awaited<ReturnType<typeof listInspections>>['rows'][number];

/** The applicant accounts of an enterprise (by its credit code): where its advance notices go. */
export const enterpriseAccounts = (db: Q, creditCode: string) =>
  db
    .selectFrom('users')
    .select('id')
    .where('credit_code', '=', creditCode)
    .where('role', '=', 'applicant')
    .execute();

/**
 * The inspection the scan at the door starts: this enterprise, this day, this department, with this
 * inspector on it, registered or already started (index insp_inspections_day_idx, then the pair key).
 */
export const todaysInspectionOf = (
  db: Q,
  enterpriseId: string,
  day: string,
  departmentId: string,
  inspectorId: string,
) =>
  db
    .selectFrom('insp_inspections')
    .innerJoin(
      'insp_inspection_inspectors',
      'insp_inspection_inspectors.inspection_id',
      'insp_inspections.id',
    )
    .select(['insp_inspections.id', 'insp_inspections.state'])
    .where('insp_inspections.enterprise_id', '=', enterpriseId)
    .where('insp_inspections.planned_date', '=', day)
    .where('insp_inspections.department_id', '=', departmentId)
    .where('insp_inspections.state', 'in', ['registered', 'started'])
    .where('insp_inspection_inspectors.inspector_id', '=', inspectorId)
    .orderBy('insp_inspections.state', 'desc')
    .executeTakeFirst();

/** An inspection with the names it is shown with. */
export const findInspectionView = (db: Q, id: string) =>
  db
    .selectFrom('insp_inspections')
    .innerJoin('insp_enterprises', 'insp_enterprises.id', 'insp_inspections.enterprise_id')
    .innerJoin('departments', 'departments.id', 'insp_inspections.department_id')
    .selectAll('insp_inspections')
    .select([
      'insp_enterprises.name as enterprise_name',
      'insp_enterprises.credit_code',
      'departments.name as department_name',
    ])
    .where('insp_inspections.id', '=', id)
    .executeTakeFirst();

/** Registrations an enterprise may verify at its door: from yesterday on, not yet concluded. */
export const openRegistrations = (db: Q, enterpriseId: string, fromDay: string) =>
  db
    .selectFrom('insp_inspections')
    .innerJoin('departments', 'departments.id', 'insp_inspections.department_id')
    .selectAll('insp_inspections')
    .select('departments.name as department_name')
    .where('insp_inspections.enterprise_id', '=', enterpriseId)
    .where('insp_inspections.planned_date', '>=', fromDay)
    .where('insp_inspections.state', 'in', ['registered', 'started', 'ended'])
    .orderBy('insp_inspections.planned_date')
    .limit(50)
    .execute();
