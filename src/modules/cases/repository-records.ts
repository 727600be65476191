import type { Insertable, Kysely, Updateable } from 'kysely';
import type { CaseRecordTable, Database } from '../../db/schema.js';

type Q = Kysely<Database>;

/** Opinions, site verifications, extension requests and special procedures: a case's written record. */
export const insertRecord = (db: Q, row: Insertable<CaseRecordTable>) =>
  db.insertInto('case_records').values(row).execute();

/** Changes a record the caller has just read; the caller gives the next version. */
export const updateRecord = (db: Q, id: string, changes: Updateable<CaseRecordTable> & { version: number }) =>
  db.updateTable('case_records').set(changes).where('id', '=', id).execute();

export const findRecordOfCase = (db: Q, caseId: string, id: string, kind: string) =>
  db
    .selectFrom('case_records')
    .selectAll()
    .where('id', '=', id)
    .where('case_id', '=', caseId)
    .where('kind', '=', kind)
    .executeTakeFirst();

export const findRecordOfTask = (db: Q, taskId: string, id: string, kind: string) =>
  db
    .selectFrom('case_records')
    .selectAll()
    .where('id', '=', id)
    .where('task_id', '=', taskId)
    .where('kind', '=', kind)
    .executeTakeFirst();

export const hasPendingExtension = async (db: Q, caseId: string): Promise<boolean> =>
  !!(await db
    .selectFrom('case_records')
    .select('id')
    .where('case_id', '=', caseId)
    .where('kind', '=', 'extension_request')
    .where('status', '=', 'pending')
    .executeTakeFirst());

/** A decided task needs no more time: its pending extension request lapses. Returns the lapsed record. */
export async function lapseExtensionRequest(db: Q, caseId: string, taskId: string): Promise<string | null> {
  const lapsed = await db
    .updateTable('case_records')
    .set((eb) => ({ status: 'lapsed', version: eb('version', '+', 1) }))
    .where('case_id', '=', caseId)
    .where('task_id', '=', taskId)
    .where('kind', '=', 'extension_request')
    .where('status', '=', 'pending')
    .returning('id')
    .execute();
  return lapsed[0]?.id ?? null;
}

export const hasOpenSpecialProcedure = async (db: Q, caseId: string): Promise<boolean> =>
  !!(await db
    .selectFrom('case_records')
    .select('id')
    .where('case_id', '=', caseId)
    .where('kind', '=', 'special_procedure')
    .where('status', '=', 'open')
    .executeTakeFirst());
