import type { Insertable, Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { ComplaintReturnTable } from '../../db/schema-complaints.js';

export const insertReturn = (db: Kysely<Database>, row: Insertable<ComplaintReturnTable>) =>
  db.insertInto('complaint_returns').values(row).execute();

/** The return awaiting the dispatcher's decision. */
export const openReturnOf = (db: Kysely<Database>, complaintId: string) =>
  db
    .selectFrom('complaint_returns')
    .selectAll()
    .where('complaint_id', '=', complaintId)
    .where('decision', 'is', null)
    .orderBy('returned_at', 'desc')
    .executeTakeFirst();

export const decideReturnRow = (
  db: Kysely<Database>,
  id: string,
  v: { decision: string; decided_to: string | null; decided_by: string | null; decided_at: string },
) => db.updateTable('complaint_returns').set(v).where('id', '=', id).execute();

/** Returns per returning department (every one counts, upheld or not). */
export const returnsByDepartment = (db: Kysely<Database>) =>
  db
    .selectFrom('complaint_returns')
    .select(['department_id', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy('department_id')
    .execute();
