import type { Insertable, Kysely, Selectable } from 'kysely';
import type { Database } from '../../db/schema.js';
import type {
  InspInspectorTable,
  InspItemTable,
  InspSettingsTable,
  InspViolationTable,
} from '../../db/schema-inspections.js';

type Q = Kysely<Database>;
export type ItemRow = Selectable<InspItemTable>;
export type ViolationRow = Selectable<InspViolationTable>;
export type InspectorRow = Selectable<InspInspectorTable>;
export type SettingsRow = Selectable<InspSettingsTable>;
type PublishedTable = 'insp_items' | 'insp_violations';

export const findSettings = (db: Q) =>
  db.selectFrom('insp_settings').selectAll().where('id', '=', 'city').executeTakeFirstOrThrow();

export const updateSettings = (db: Q, changes: Partial<Omit<SettingsRow, 'id'>>) =>
  db.updateTable('insp_settings').set(changes).where('id', '=', 'city').execute();

/** The version now in force of a code in a department, if any, and the highest number used. */
export async function currentVersion(db: Q, table: PublishedTable, departmentId: string, code: string) {
  const rows = await db
    .selectFrom(table)
    .select(['id', 'version_no', 'status'])
    .where('department_id', '=', departmentId)
    .where('code', '=', code)
    .orderBy('version_no', 'desc')
    .execute();
  return { latestNo: rows[0]?.version_no ?? 0, published: rows.find((r) => r.status === 'published') };
}

export const setStatus = (db: Q, table: PublishedTable, id: string, status: string) =>
  db.updateTable(table).set({ status }).where('id', '=', id).execute();

export const insertItem = (db: Q, row: Insertable<InspItemTable>) =>
  db.insertInto('insp_items').values(row).execute();
export const insertViolation = (db: Q, row: Insertable<InspViolationTable>) =>
  db.insertInto('insp_violations').values(row).execute();

export const findItem = (db: Q, id: string) =>
  db.selectFrom('insp_items').selectAll().where('id', '=', id).executeTakeFirst();
export const findViolation = (db: Q, id: string) =>
  db.selectFrom('insp_violations').selectAll().where('id', '=', id).executeTakeFirst();

export const findItems = (db: Q, ids: string[]) =>
  ids.length ? db.selectFrom('insp_items').selectAll().where('id', 'in', ids).execute() : Promise.resolve([]);

/** What a department publishes now (every department's when none is named), by code. */
export function listPublished<T extends PublishedTable>(db: Q, table: T, departmentId?: string) {
  let q = db
    .selectFrom(table as 'insp_items')
    .innerJoin('departments', 'departments.id', `${table as 'insp_items'}.department_id`)
    .selectAll(table as 'insp_items')
    .select('departments.name as department_name')
    .where(`${table as 'insp_items'}.status`, '=', 'published');
  if (departmentId) q = q.where(`${table as 'insp_items'}.department_id`, '=', departmentId);
  return q
    .orderBy(`${table as 'insp_items'}.department_id`)
    .orderBy(`${table as 'insp_items'}.code`)
    .execute();
}

export const findInspectorByCertificate = (db: Q, certificateNo: string) =>
  db.selectFrom('insp_inspectors').selectAll().where('certificate_no', '=', certificateNo).executeTakeFirst();
export const findInspectorOfUser = (db: Q, userId: string) =>
  db.selectFrom('insp_inspectors').selectAll().where('user_id', '=', userId).executeTakeFirst();
export const findInspectors = (db: Q, ids: string[]) =>
  ids.length
    ? db.selectFrom('insp_inspectors').selectAll().where('id', 'in', ids).execute()
    : Promise.resolve([]);
export const insertInspector = (db: Q, row: Insertable<InspInspectorTable>) =>
  db.insertInto('insp_inspectors').values(row).execute();
export const updateInspector = (db: Q, id: string, changes: Partial<InspectorRow>) =>
  db.updateTable('insp_inspectors').set(changes).where('id', '=', id).execute();

export function listInspectors(db: Q, departmentId?: string) {
  let q = db
    .selectFrom('insp_inspectors')
    .innerJoin('departments', 'departments.id', 'insp_inspectors.department_id')
    .selectAll('insp_inspectors')
    .select('departments.name as department_name')
    .where('insp_inspectors.active', '=', 1);
  if (departmentId) q = q.where('insp_inspectors.department_id', '=', departmentId);
  return q.orderBy('insp_inspectors.department_id').orderBy('insp_inspectors.name').execute();
}

/** The departments that set their own annual cap, with their names. */
export const listDepartmentCaps = (db: Q) =>
  db
    .selectFrom('insp_department_caps')
    .innerJoin('departments', 'departments.id', 'insp_department_caps.department_id')
    .select(['insp_department_caps.department_id', 'insp_department_caps.cap', 'departments.name'])
    .orderBy('insp_department_caps.department_id')
    .execute();

/** A department's own annual cap, if it set one (primary key). */
export const findDepartmentCap = (db: Q, departmentId: string) =>
  db
    .selectFrom('insp_department_caps')
    .select('cap')
    .where('department_id', '=', departmentId)
    .executeTakeFirst();

export const findDepartmentIds = (db: Q, ids: string[]) =>
  ids.length
    ? db.selectFrom('departments').select('id').where('id', 'in', ids).execute()
    : Promise.resolve([]);

/** Sets a department's own cap, or (null) returns it to the city's. */
export async function setDepartmentCap(db: Q, departmentId: string, cap: number | null, nowIso: string) {
  if (cap === null) {
    await db.deleteFrom('insp_department_caps').where('department_id', '=', departmentId).execute();
    return;
  }
  await db
    .insertInto('insp_department_caps')
    .values({ department_id: departmentId, cap, updated_at: nowIso })
    .onConflict((oc) => oc.column('department_id').doUpdateSet({ cap, updated_at: nowIso }))
    .execute();
}
