import type { Insertable, Kysely, Updateable } from 'kysely';
import type { CaseTaskTable, Database } from '../../db/schema.js';

type Q = Kysely<Database>;

export const findTaskOfCase = (db: Q, caseId: string, taskId: string) =>
  db
    .selectFrom('case_tasks')
    .selectAll()
    .where('id', '=', taskId)
    .where('case_id', '=', caseId)
    .executeTakeFirst();

export const insertTask = (db: Q, row: Insertable<CaseTaskTable>) =>
  db.insertInto('case_tasks').values(row).execute();

/** Changes a task the caller has just read; the caller gives the next version. */
export const updateTask = (db: Q, id: string, changes: Updateable<CaseTaskTable> & { version: number }) =>
  db.updateTable('case_tasks').set(changes).where('id', '=', id).execute();

export const taskClockIds = async (db: Q, caseId: string): Promise<string[]> =>
  (await db.selectFrom('case_tasks').select('clock_id').where('case_id', '=', caseId).execute()).flatMap(
    (t) => (t.clock_id ? [t.clock_id] : []),
  );
