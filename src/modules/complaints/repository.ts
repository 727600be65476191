import type { Insertable, Kysely, Selectable, Updateable } from 'kysely';
import type { Database } from '../../db/schema.js';
import type {
  ComplaintAttachmentTable,
  ComplaintCategoryTable,
  ComplaintTable,
} from '../../db/schema-complaints.js';

export type ComplaintRow = Selectable<ComplaintTable>;
export type CategoryRow = Selectable<ComplaintCategoryTable>;
export type AttachmentRow = Selectable<ComplaintAttachmentTable>;
type Db = Kysely<Database>;

export const findComplaint = (db: Db, id: string) =>
  db.selectFrom('complaints').selectAll().where('id', '=', id).executeTakeFirst();

export const findByTicketNo = (db: Db, ticketNo: string) =>
  db.selectFrom('complaints').selectAll().where('ticket_no', '=', ticketNo).executeTakeFirst();

export const insertComplaint = (db: Db, row: Insertable<ComplaintTable>) =>
  db.insertInto('complaints').values(row).execute();

/** Updates a ticket at the version it was read at; false when someone else changed it first. */
export async function updateComplaint(
  db: Db,
  id: string,
  version: number,
  changes: Updateable<ComplaintTable>,
): Promise<boolean> {
  const r = await db
    .updateTable('complaints')
    .set({ ...changes, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export const listCategoryRows = (db: Db) =>
  db.selectFrom('complaint_categories').selectAll().orderBy('sort').execute();

export const findCategory = (db: Db, code: string) =>
  db.selectFrom('complaint_categories').selectAll().where('code', '=', code).executeTakeFirst();

export const updateCategoryLimits = (
  db: Db,
  code: string,
  v: { limit_days: number; urgent_limit_days: number; active: number },
) => db.updateTable('complaint_categories').set(v).where('code', '=', code).execute();

export const insertAttachments = async (db: Db, rows: Insertable<ComplaintAttachmentTable>[]) => {
  if (rows.length) await db.insertInto('complaint_attachments').values(rows).execute();
};

export const attachmentsOf = (db: Db, complaintId: string) =>
  db
    .selectFrom('complaint_attachments')
    .selectAll()
    .where('complaint_id', '=', complaintId)
    .orderBy('id')
    .execute();

/** Tickets merged into this one: their reporters hear its result too. */
export const mergedInto = (db: Db, targetId: string) =>
  db.selectFrom('complaints').selectAll().where('merged_into_id', '=', targetId).execute();

/** The most recent tickets compared with a new one: enough for a city's day, bounded for intake's sake. */
export const DUPLICATE_CANDIDATES = 100;

/** Recent tickets about the same department and category: the candidates for a likely duplicate. */
export const duplicateCandidates = (
  db: Db,
  f: { departmentId: string; categoryCode: string; sinceIso: string; excludeId: string | null },
) => {
  let q = db
    .selectFrom('complaints')
    .select(['id', 'ticket_no', 'state', 'terms', 'lat', 'lng', 'created_at', 'category_code'])
    .where('department_id', '=', f.departmentId)
    .where('category_code', '=', f.categoryCode)
    .where('created_at', '>=', f.sinceIso)
    .where('state', 'not in', ['merged', 'not_accepted'])
    .orderBy('created_at', 'desc')
    .limit(DUPLICATE_CANDIDATES);
  if (f.excludeId) q = q.where('id', '!=', f.excludeId);
  return q.execute();
};

export const findAttachment = (db: Db, complaintId: string, id: string) =>
  db
    .selectFrom('complaint_attachments')
    .selectAll()
    .where('complaint_id', '=', complaintId)
    .where('id', '=', id)
    .executeTakeFirst();
