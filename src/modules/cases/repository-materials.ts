import type { Insertable, Kysely } from 'kysely';
import type { CaseMaterialTable, Database } from '../../db/schema.js';

type Q = Kysely<Database>;

/** A material the law lets the case go on without is never "missing" here: see `deferrable`. */
const AWAITED = ['missing', 'requested'];

/** Required materials not yet in (missing or asked for by a notice). */
export const awaitedRequiredMaterials = (db: Q, caseId: string) =>
  db
    .selectFrom('case_materials')
    .selectAll()
    .where('case_id', '=', caseId)
    .where('required', '=', 1)
    .where('status', 'in', AWAITED)
    .execute();

/** Required materials never given that 容缺 could not cover: an applicant must upload them first. */
export const missingKeyMaterials = (db: Q, caseId: string) =>
  db
    .selectFrom('case_materials')
    .select('name')
    .where('case_id', '=', caseId)
    .where('required', '=', 1)
    .where('status', '=', 'missing')
    .where('deferrable', '=', 0)
    .execute();

/** Materials promised under 容缺 and not yet supplied. */
export const deferredMaterials = (db: Q, caseId: string) =>
  db
    .selectFrom('case_materials')
    .select(['name', 'deferred_until'])
    .where('case_id', '=', caseId)
    .where('status', '=', 'deferred')
    .execute();

/** 容缺: the materials are promised by a deadline, which they keep after they arrive (kept or not). */
export const deferMaterials = (db: Q, ids: string[], until: string, at: string) =>
  db
    .updateTable('case_materials')
    .set({ status: 'deferred', deferred_until: until, promised_until: until, updated_at: at })
    .where('id', 'in', ids)
    .execute();

export const markMaterialProvided = (
  db: Q,
  caseId: string,
  name: string,
  given: { fileId: string | null; checkedBy: string | null },
  at: string,
) =>
  db
    .updateTable('case_materials')
    .set({
      status: 'provided',
      file_id: given.fileId,
      checked_by: given.checkedBy,
      deferred_until: null,
      supplied_at: at,
      updated_at: at,
    })
    .where('case_id', '=', caseId)
    .where('name', '=', name)
    .execute();

export const markMaterialRequested = (db: Q, caseId: string, name: string, at: string) =>
  db
    .updateTable('case_materials')
    .set({ status: 'requested', updated_at: at })
    .where('case_id', '=', caseId)
    .where('name', '=', name)
    .execute();

export const insertMaterial = (db: Q, row: Insertable<CaseMaterialTable>) =>
  db.insertInto('case_materials').values(row).execute();
