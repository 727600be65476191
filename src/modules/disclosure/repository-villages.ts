import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema.js';
import type {
  DiscStatementFileTable,
  DiscStatementTable,
  DiscVillageTable,
} from '../../db/schema-disclosure.js';

type Q = Kysely<Database> | Transaction<Database>;
export type VillageRow = DiscVillageTable;
export type StatementRow = DiscStatementTable;
export type StatementFileRow = DiscStatementFileTable;

export const listVillageRows = (db: Q) =>
  db.selectFrom('disc_villages').selectAll().orderBy('township').orderBy('code').execute();

export const findVillage = (db: Q, key: string) =>
  db
    .selectFrom('disc_villages')
    .selectAll()
    .where((eb) => eb.or([eb('id', '=', key), eb('code', '=', key)]))
    .executeTakeFirst();

export const insertVillage = (db: Q, row: VillageRow) => db.insertInto('disc_villages').values(row).execute();

export async function updateVillage(db: Q, id: string, version: number, set: Partial<VillageRow>) {
  const r = await db
    .updateTable('disc_villages')
    .set({ ...set, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Published periods of every village (or one), with the day each was published. */
export function publishedPeriods(db: Q, villageId?: string) {
  let q = db.selectFrom('disc_statements').select(['id', 'village_id', 'period', 'published_at', 'due_on']);
  if (villageId) q = q.where('village_id', '=', villageId);
  return q.orderBy('period').execute();
}

export const overdueRows = (db: Q, villageId?: string) => {
  let q = db.selectFrom('disc_overdue_periods').selectAll();
  if (villageId) q = q.where('village_id', '=', villageId);
  return q.execute();
};

/** Records a period as overdue; false when it already was (another instance, an earlier pass). */
export async function insertOverdue(db: Q, row: Database['disc_overdue_periods']) {
  const r = await db
    .insertInto('disc_overdue_periods')
    .values(row)
    .onConflict((oc) => oc.columns(['village_id', 'period']).doNothing())
    .returning('period')
    .executeTakeFirst();
  return r !== undefined;
}

export const findStatement = (db: Q, id: string) =>
  db.selectFrom('disc_statements').selectAll().where('id', '=', id).executeTakeFirst();
export const findStatementOf = (db: Q, villageId: string, period: string) =>
  db
    .selectFrom('disc_statements')
    .selectAll()
    .where('village_id', '=', villageId)
    .where('period', '=', period)
    .executeTakeFirst();
export const insertStatement = (db: Q, row: StatementRow) =>
  db.insertInto('disc_statements').values(row).execute();

export const filesOf = (db: Q, statementId: string) =>
  db
    .selectFrom('disc_statement_files')
    .selectAll()
    .where('statement_id', '=', statementId)
    .orderBy('uploaded_at')
    .execute();
export const findFile = (db: Q, statementId: string, fileId: string) =>
  db
    .selectFrom('disc_statement_files')
    .selectAll()
    .where('statement_id', '=', statementId)
    .where('id', '=', fileId)
    .executeTakeFirst();
export const insertFile = (db: Q, row: StatementFileRow) =>
  db.insertInto('disc_statement_files').values(row).execute();

/** A village claimed for the overdue pass: on PostgreSQL locked, or skipped if another instance holds it. */
export function claimVillage(db: Q, id: string, pg: boolean) {
  const q = db.selectFrom('disc_villages').selectAll().where('id', '=', id);
  return (pg ? q.forUpdate().skipLocked() : q).executeTakeFirst();
}
