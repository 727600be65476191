import { sql, type Insertable, type Kysely, type Selectable, type Updateable } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { InsertPart } from '../../db/insert-rows.js';
import { prepared } from '../../db/prepared.js';
import { newId } from '../../shared/ids.js';
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

const departmentById = prepared((db: Db, id: string) =>
  db.selectFrom('departments').select(['id', 'leader']).where('id', '=', id),
);
/** The department a report concerns, by id (prepared: every intake reads it). */
export const findIntakeDepartment = async (db: Db, id: string) => (await departmentById(db, id))[0];

const categoryByCode = prepared((db: Db, code: string) =>
  db.selectFrom('complaint_categories').selectAll().where('code', '=', code),
);
/** (prepared: every intake reads it) */
export const findCategory = async (db: Db, code: string) => (await categoryByCode(db, code))[0];

export const updateCategoryLimits = (
  db: Db,
  code: string,
  v: { limit_days: number; urgent_limit_days: number; active: number },
) => db.updateTable('complaint_categories').set(v).where('code', '=', code).execute();

/** A new ticket's rows, in the order their foreign keys need: for one uow.write (one statement on PostgreSQL). */
export const complaintParts = (
  ticket: Insertable<ComplaintTable>,
  firstLink: Insertable<Database['complaint_events']>,
  attachments: Insertable<ComplaintAttachmentTable>[],
): InsertPart[] => [
  { table: 'complaints', rows: ticket },
  { table: 'complaint_events', rows: firstLink },
  { table: 'complaint_attachments', rows: attachments },
];

export const attachmentRows = (
  complaintId: string,
  now: Date,
  files: readonly { name: string; sha256: string; key: string; mime: string; size: number }[],
): Insertable<ComplaintAttachmentTable>[] =>
  files.map((f) => ({
    id: newId(now.getTime()),
    complaint_id: complaintId,
    sha256: f.sha256,
    size: f.size,
    mime: f.mime,
    name: f.name,
    storage_key: f.key,
  }));

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

/**
 * The most recent tickets of the same department and category compared with a new one: a duplicate
 * is close in time, and reading the candidates is most of what the suggestion costs at intake (every
 * row read is a row compared), so the set is bounded.
 */
export const DUPLICATE_CANDIDATES = 50;

const candidateQuery = (db: Db, departmentId: string, categoryCode: string, sinceIso: string) =>
  db
    .selectFrom('complaints')
    .select(['id', 'ticket_no', 'state', 'terms', 'lat', 'lng', 'created_at'])
    .where('department_id', '=', departmentId)
    .where('category_code', '=', categoryCode)
    .where('created_at', '>=', sinceIso)
    .where('state', 'not in', [sql.lit('merged'), sql.lit('not_accepted')])
    .orderBy('created_at', 'desc')
    .limit(sql.lit(DUPLICATE_CANDIDATES));
// Prepared (built once per dialect): intake runs it with every new ticket, on the complaints_dup_idx
// index (department, category, time), newest first, at most DUPLICATE_CANDIDATES rows.
const recentCandidates = prepared(candidateQuery);
const recentCandidatesBut = prepared(
  (db: Db, departmentId: string, categoryCode: string, sinceIso: string, excludeId: string) =>
    candidateQuery(db, departmentId, categoryCode, sinceIso).where('id', '!=', excludeId),
);

/** Recent tickets about the same department and category: the candidates for a likely duplicate. */
export const duplicateCandidates = (
  db: Db,
  f: { departmentId: string; categoryCode: string; sinceIso: string; excludeId: string | null },
) =>
  f.excludeId
    ? recentCandidatesBut(db, f.departmentId, f.categoryCode, f.sinceIso, f.excludeId)
    : recentCandidates(db, f.departmentId, f.categoryCode, f.sinceIso);

export const findAttachment = (db: Db, complaintId: string, id: string) =>
  db
    .selectFrom('complaint_attachments')
    .selectAll()
    .where('complaint_id', '=', complaintId)
    .where('id', '=', id)
    .executeTakeFirst();
