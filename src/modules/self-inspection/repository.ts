import type { Insertable, Kysely, Selectable, Updateable } from 'kysely';
import type { Database } from '../../db/schema.js';
import type {
  SelfInspectionCampaignTable,
  SelfInspectionProblemTable,
  SelfInspectionReportTable,
} from '../../db/schema-conduct.js';

type Q = Kysely<Database>;
export type CampaignRow = Selectable<SelfInspectionCampaignTable>;
export type ReportRow = Selectable<SelfInspectionReportTable>;
export type ProblemRow = Selectable<SelfInspectionProblemTable>;

export const insertCampaign = (db: Q, row: Insertable<SelfInspectionCampaignTable>) =>
  db.insertInto('selfinspection_campaigns').values(row).execute();
export const insertReports = (db: Q, rows: Insertable<SelfInspectionReportTable>[]) =>
  db.insertInto('selfinspection_reports').values(rows).execute();
export const insertProblems = async (db: Q, rows: Insertable<SelfInspectionProblemTable>[]) => {
  if (rows.length) await db.insertInto('selfinspection_problems').values(rows).execute();
};

export const findCampaign = (db: Q, id: string) =>
  db.selectFrom('selfinspection_campaigns').selectAll().where('id', '=', id).executeTakeFirst();
export const findReport = (db: Q, id: string) =>
  db.selectFrom('selfinspection_reports').selectAll().where('id', '=', id).executeTakeFirst();
export const findProblem = (db: Q, id: string) =>
  db.selectFrom('selfinspection_problems').selectAll().where('id', '=', id).executeTakeFirst();

async function versioned<T extends keyof Database>(
  db: Q,
  table: T & ('selfinspection_campaigns' | 'selfinspection_reports' | 'selfinspection_problems'),
  id: string,
  version: number,
  changes: Record<string, unknown>,
): Promise<boolean> {
  const r = await db
    .updateTable(table as 'selfinspection_reports')
    .set({ ...(changes as Updateable<SelfInspectionReportTable>), version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}
export const updateCampaign = (db: Q, id: string, v: number, c: Updateable<SelfInspectionCampaignTable>) =>
  versioned(db, 'selfinspection_campaigns', id, v, c);
export const updateReport = (db: Q, id: string, v: number, c: Updateable<SelfInspectionReportTable>) =>
  versioned(db, 'selfinspection_reports', id, v, c);
export const updateProblem = (db: Q, id: string, v: number, c: Updateable<SelfInspectionProblemTable>) =>
  versioned(db, 'selfinspection_problems', id, v, c);

export const listCampaignRows = (db: Q, departmentId?: string) => {
  let q = db.selectFrom('selfinspection_campaigns').selectAll();
  if (departmentId)
    q = q.where('id', 'in', (eb) =>
      eb.selectFrom('selfinspection_reports').select('campaign_id').where('department_id', '=', departmentId),
    );
  return q.orderBy('created_at', 'desc').limit(200).execute();
};
export const publishedCampaignRows = (db: Q) =>
  db
    .selectFrom('selfinspection_campaigns')
    .selectAll()
    .where('state', '=', 'published')
    .orderBy('published_at', 'desc')
    .limit(200)
    .execute();

export const reportsOf = (db: Q, campaignId: string, departmentId?: string) => {
  let q = db.selectFrom('selfinspection_reports').selectAll().where('campaign_id', '=', campaignId);
  if (departmentId) q = q.where('department_id', '=', departmentId);
  return q.orderBy('department_id').execute();
};
export const problemsOf = (db: Q, campaignId: string, departmentId?: string) => {
  let q = db.selectFrom('selfinspection_problems').selectAll().where('campaign_id', '=', campaignId);
  if (departmentId) q = q.where('department_id', '=', departmentId);
  return q.orderBy('created_at').execute();
};

export const departmentsByIds = (db: Q, ids: string[]) =>
  ids.length
    ? db.selectFrom('departments').select(['id', 'code', 'name']).where('id', 'in', ids).execute()
    : [];

/** Due dates and colours of the campaign's clocks (the clock module keeps them). */
export const clockDue = async (db: Q, ids: (string | null)[]) => {
  const real = ids.filter((i): i is string => !!i);
  if (!real.length) return new Map<string, { due: string; colour: string; status: string }>();
  const rows = await db
    .selectFrom('clocks')
    .select(['id', 'due_date', 'colour', 'status'])
    .where('id', 'in', real)
    .execute();
  return new Map(rows.map((r) => [r.id, { due: r.due_date, colour: r.colour, status: r.status }]));
};
