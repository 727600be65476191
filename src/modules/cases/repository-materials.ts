import { sql, type Insertable, type Kysely } from 'kysely';
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

/** The signal a lapsed 容缺 promise raises: one per case (its dedupe key). */
export const lapsedPromiseKey = (caseId: string) => `shortfall_promise_lapsed:${caseId}`;

/**
 * Cases under review whose 容缺 promise has lapsed (every outstanding material's deadline before
 * `today`) and is not yet signalled. Driven by the cases still flagged `shortfall` (cleared when the
 * last deferred material arrives), so the pass reads only those.
 */
export const lapsedPromises = (db: Q, today: string, limit: number) =>
  db
    .selectFrom('cases as c')
    .innerJoin('case_materials as m', 'm.case_id', 'c.id')
    .select((eb) => [
      'c.id',
      'c.receipt_no',
      'c.lead_department_id',
      eb.fn.max('m.deferred_until').as('deadline'),
    ])
    .where('c.state', '=', 'under_review')
    .where('c.shortfall', '=', 1)
    .where('m.status', '=', 'deferred')
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('supervision_signals as s')
            .select('s.id')
            .whereRef('s.dedupe_key', '=', sql<string>`${'shortfall_promise_lapsed:'} || c.id`),
        ),
      ),
    )
    .groupBy(['c.id', 'c.receipt_no', 'c.lead_department_id'])
    .having((eb) => eb.fn.max('m.deferred_until'), '<', today)
    .orderBy('c.id')
    .limit(limit)
    .execute();
