import type { Insertable, Kysely, Selectable } from 'kysely';
import type { Database } from '../../db/schema.js';
import type {
  LearningAssignmentTable,
  LearningAttemptTable,
  LearningMaterialTable,
  LearningMaterialVersionTable,
  LearningQuestionTable,
  LearningStudyTable,
} from '../../db/schema-conduct.js';

type Q = Kysely<Database>;
export type MaterialRow = Selectable<LearningMaterialTable>;
export type VersionRow = Selectable<LearningMaterialVersionTable>;
export type QuestionRow = Selectable<LearningQuestionTable>;
export type AssignmentRow = Selectable<LearningAssignmentTable>;
export type AttemptRow = Selectable<LearningAttemptTable>;

export const insertMaterial = (db: Q, row: Insertable<LearningMaterialTable>) =>
  db.insertInto('learning_materials').values(row).execute();
export const insertVersion = (db: Q, row: Insertable<LearningMaterialVersionTable>) =>
  db.insertInto('learning_material_versions').values(row).execute();
export const insertQuestion = (db: Q, row: Insertable<LearningQuestionTable>) =>
  db.insertInto('learning_questions').values(row).execute();
export const insertAssignment = (db: Q, row: Insertable<LearningAssignmentTable>) =>
  db.insertInto('learning_assignments').values(row).execute();
export const insertAttempt = (db: Q, row: Insertable<LearningAttemptTable>) =>
  db.insertInto('learning_attempts').values(row).execute();

export const findMaterial = (db: Q, id: string) =>
  db.selectFrom('learning_materials').selectAll().where('id', '=', id).executeTakeFirst();
export const listMaterialRows = (db: Q, volume?: string) => {
  let q = db.selectFrom('learning_materials').selectAll();
  if (volume) q = q.where('volume', '=', volume);
  return q.orderBy('volume').orderBy('topic').orderBy('title').limit(500).execute();
};
export const findVersion = (db: Q, materialId: string, versionNo: number) =>
  db
    .selectFrom('learning_material_versions')
    .selectAll()
    .where('material_id', '=', materialId)
    .where('version_no', '=', versionNo)
    .executeTakeFirst();
export const versionsOf = (db: Q, materialIds: string[]) =>
  materialIds.length
    ? db
        .selectFrom('learning_material_versions')
        .select(['material_id', 'version_no', 'sections', 'format', 'created_at', 'note'])
        .where('material_id', 'in', materialIds)
        .orderBy('version_no')
        .execute()
    : Promise.resolve([]);

/** Bumps the material to a new version number, at the version read. */
export async function bumpMaterial(db: Q, m: MaterialRow, versionNo: number, at: string) {
  const r = await db
    .updateTable('learning_materials')
    .set({ current_version_no: versionNo, updated_at: at, version: m.version + 1 })
    .where('id', '=', m.id)
    .where('version', '=', m.version)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export const activeQuestions = (db: Q, materialId: string) =>
  db
    .selectFrom('learning_questions')
    .selectAll()
    .where('material_id', '=', materialId)
    .where('active', '=', 1)
    .orderBy('created_at')
    .execute();
export const questionCounts = async (db: Q, materialIds: string[]) =>
  new Map(
    (materialIds.length
      ? await db
          .selectFrom('learning_questions')
          .select((eb) => ['material_id', eb.fn.countAll<number>().as('n')])
          .where('material_id', 'in', materialIds)
          .where('active', '=', 1)
          .groupBy('material_id')
          .execute()
      : []
    ).map((r) => [r.material_id, Number(r.n)]),
  );
export const questionsByIds = (db: Q, ids: string[]) =>
  ids.length
    ? db.selectFrom('learning_questions').selectAll().where('id', 'in', ids).execute()
    : Promise.resolve([]);

export const studyOf = (db: Q, userIds: string[], materialIds?: string[]) => {
  if (!userIds.length) return Promise.resolve([]);
  let q = db.selectFrom('learning_study').selectAll().where('user_id', 'in', userIds);
  if (materialIds) q = q.where('material_id', 'in', materialIds.length ? materialIds : ['-']);
  return q.execute();
};
export const findStudy = (db: Q, userId: string, materialId: string) =>
  db
    .selectFrom('learning_study')
    .selectAll()
    .where('user_id', '=', userId)
    .where('material_id', '=', materialId)
    .executeTakeFirst();

export const attemptsOf = (db: Q, userId: string, materialId: string) =>
  db
    .selectFrom('learning_attempts')
    .selectAll()
    .where('user_id', '=', userId)
    .where('material_id', '=', materialId)
    .orderBy('seq')
    .execute();
export const findAttempt = (db: Q, id: string) =>
  db.selectFrom('learning_attempts').selectAll().where('id', '=', id).executeTakeFirst();

export const listAssignmentRows = (db: Q) =>
  db.selectFrom('learning_assignments').selectAll().orderBy('due_date').limit(1000).execute();

/** Staff who can be assigned study: every active staff account, optionally of one department. */
export const staffRows = (db: Q, roles: readonly string[], departmentId?: string) => {
  let q = db
    .selectFrom('users')
    .select(['id', 'username', 'display_name', 'role', 'department_id'])
    .where('role', 'in', [...roles])
    .where('status', '=', 'active');
  if (departmentId) q = q.where('department_id', '=', departmentId);
  return q.orderBy('username').execute();
};

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

export const addToStudy = (
  db: Q,
  id: string,
  changes: { seconds: number; sections_done: string; version_no: number; studied_at: string },
) => db.updateTable('learning_study').set(changes).where('id', '=', id).execute();
export const insertStudy = (db: Q, row: Insertable<LearningStudyTable>) =>
  db.insertInto('learning_study').values(row).execute();

/** Scores an attempt once: false when it was already submitted. */
export async function submitAttempt(
  db: Q,
  id: string,
  changes: { answers: string; score_pct: number; passed: number; submitted_at: string },
) {
  const r = await db
    .updateTable('learning_attempts')
    .set(changes)
    .where('id', '=', id)
    .where('submitted_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}
export const markPassed = (db: Q, userId: string, materialId: string, at: string) =>
  db
    .updateTable('learning_study')
    .set({ passed_at: at })
    .where('user_id', '=', userId)
    .where('material_id', '=', materialId)
    .execute();
