import type { Insertable, Kysely } from 'kysely';
import type { Database, SupplementNoticeTable } from '../../db/schema.js';

type Q = Kysely<Database>;

export const insertSupplementNotice = (db: Q, row: Insertable<SupplementNoticeTable>) =>
  db.insertInto('supplement_notices').values(row).execute();

/** The applicant has supplied: every open notice of the case is fulfilled. */
export const fulfilSupplementNotices = (db: Q, caseId: string, at: string) =>
  db
    .updateTable('supplement_notices')
    .set({ fulfilled_at: at })
    .where('case_id', '=', caseId)
    .where('fulfilled_at', 'is', null)
    .execute();
