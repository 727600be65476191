import type { Insertable, Kysely, Selectable, Updateable } from 'kysely';
import type { Database } from '../../db/schema.js';
import type {
  CommitmentEvidenceTable,
  CommitmentMilestoneTable,
  CommitmentTable,
} from '../../db/schema-conduct.js';

type Q = Kysely<Database>;
export type CommitmentRow = Selectable<CommitmentTable>;
export type MilestoneRow = Selectable<CommitmentMilestoneTable>;
export type EvidenceRow = Selectable<CommitmentEvidenceTable>;

export const insertCommitment = (db: Q, row: Insertable<CommitmentTable>) =>
  db.insertInto('commitments').values(row).execute();

export const insertMilestones = async (db: Q, rows: Insertable<CommitmentMilestoneTable>[]) => {
  if (rows.length) await db.insertInto('commitment_milestones').values(rows).execute();
};

export const insertEvidence = (db: Q, row: Insertable<CommitmentEvidenceTable>) =>
  db.insertInto('commitment_evidence').values(row).execute();

export const findCommitment = (db: Q, id: string) =>
  db.selectFrom('commitments').selectAll().where('id', '=', id).executeTakeFirst();

/** Changes a commitment only at the version it was read at; false when someone changed it first. */
export async function updateCommitment(
  db: Q,
  id: string,
  version: number,
  changes: Updateable<CommitmentTable>,
): Promise<boolean> {
  const r = await db
    .updateTable('commitments')
    .set({ ...changes, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export interface CommitmentFilter {
  departmentId?: string;
  period?: string;
  state?: string;
}

export async function listCommitmentRows(db: Q, f: CommitmentFilter) {
  let q = db.selectFrom('commitments').selectAll();
  if (f.departmentId) q = q.where('department_id', '=', f.departmentId);
  if (f.period) q = q.where('period', '=', f.period);
  if (f.state) q = q.where('state', '=', f.state);
  return q.orderBy('period_end', 'desc').orderBy('created_at').limit(500).execute();
}

export const milestonesOf = (db: Q, ids: string[]) =>
  ids.length
    ? db
        .selectFrom('commitment_milestones')
        .selectAll()
        .where('commitment_id', 'in', ids)
        .orderBy('seq')
        .execute()
    : Promise.resolve([] as MilestoneRow[]);

export const evidenceOf = (db: Q, ids: string[]) =>
  ids.length
    ? db
        .selectFrom('commitment_evidence')
        .selectAll()
        .where('commitment_id', 'in', ids)
        .orderBy('uploaded_at')
        .execute()
    : Promise.resolve([] as EvidenceRow[]);

export const findEvidence = (db: Q, commitmentId: string, id: string) =>
  db
    .selectFrom('commitment_evidence')
    .selectAll()
    .where('commitment_id', '=', commitmentId)
    .where('id', '=', id)
    .executeTakeFirst();

export const markMilestoneDone = (
  db: Q,
  commitmentId: string,
  seq: number,
  at: string,
  note: string | null,
) =>
  db
    .updateTable('commitment_milestones')
    .set({ done_at: at, note })
    .where('commitment_id', '=', commitmentId)
    .where('seq', '=', seq)
    .where('done_at', 'is', null)
    .executeTakeFirst();

/** Commitments whose period has ended and that nobody has assessed yet, oldest first. */
export const dueForAssessment = (db: Q, today: string, limit: number) =>
  db
    .selectFrom('commitments')
    .select(['id'])
    .where('state', '=', 'published')
    .where('period_end', '<', today)
    .orderBy('period_end')
    .limit(limit)
    .execute();

export const departmentByKey = (db: Q, key: string) =>
  db
    .selectFrom('departments')
    .select(['id', 'code', 'name'])
    .where((eb) => eb.or([eb('id', '=', key), eb('code', '=', key)]))
    .executeTakeFirst();

export const departmentNames = async (db: Q, ids: string[]) =>
  new Map(
    (ids.length
      ? await db
          .selectFrom('departments')
          .select(['id', 'name'])
          .where('id', 'in', [...new Set(ids)])
          .execute()
      : []
    ).map((d) => [d.id, d.name]),
  );

/** Commitments whose period ended within [from, to] (dates), counted by department and state. */
export const commitmentTallyRows = (db: Q, from: string, to: string) =>
  db
    .selectFrom('commitments')
    .select((eb) => ['department_id', 'state', eb.fn.countAll<number>().as('n')])
    .where('period_end', '>=', from)
    .where('period_end', '<=', to)
    .groupBy(['department_id', 'state'])
    .execute();
