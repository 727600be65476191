import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';

type Q = Kysely<Database>;

/** The decisions issued on a case, for the delivery receipt to list. */
export const decisionDocuments = (db: Q, caseId: string) =>
  db
    .selectFrom('documents')
    .select(['kind', 'number'])
    .where('case_id', '=', caseId)
    .where('kind', 'in', ['approval_decision', 'refusal_decision'])
    .execute();

/** What a document's header names: the items of the case and the department of each (and the lead's guide). */
export const itemNamesWithDepartments = (db: Q, caseId: string) =>
  db
    .selectFrom('case_items')
    .innerJoin('item_versions as v', 'v.id', 'case_items.item_version_id')
    .innerJoin('departments as d', 'd.id', 'case_items.department_id')
    .select(['v.name', 'd.name as dept', 'case_items.role', 'v.data'])
    .where('case_items.case_id', '=', caseId)
    .execute();

export const departmentNames = async (db: Q, ids: string[]): Promise<Map<string, string>> =>
  new Map(
    (ids.length
      ? await db.selectFrom('departments').select(['id', 'name']).where('id', 'in', ids).execute()
      : []
    ).map((d) => [d.id, d.name]),
  );
