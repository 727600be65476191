import type { Db } from '../../db/database.js';
import type { Clock } from '../../shared/clock.js';
import type { Actor } from '../../shared/actor.js';
import { authorize } from '../../shared/policy.js';
import { audited } from '../audit/audited-transaction.js';
import { AppError, type FieldError } from '../../server/errors.js';
import { cataloguePolicy } from './policy.js';
import {
  departmentCodeMap,
  findDepartment,
  findItem,
  findVersion,
  findVersionById,
  publishedFeeCodes,
} from './repository.js';
import { CatalogueFile, type CatalogueFileT } from './schemas.js';
import { feeProblems, itemProblems, schemaErrors } from './validate-catalogue.js';
import { materialFileProblems } from './material-file-rules.js';
import { departmentProblems, upsertDepartment } from './save-department.js';
import { upsertFee } from './save-fee.js';
import { synonymProblems, writeSynonyms } from './replace-synonyms.js';
import { insertDraftVersion, publishVersion } from './item-writer.js';
import { newId } from '../../shared/ids.js';
import { canonicalJson } from '../../shared/json.js';

export type Progress = (stage: string, done: number, total: number) => void;

export interface ImportReport {
  departments: { created: number; updated: number };
  fees: { created: number; updated: number };
  items: { created: number; newVersions: number; unchanged: number };
  synonyms: number;
}

/** Every problem in the file, each with its path; empty when the file can be imported. */
export async function validateCatalogueFile(db: Db, file: unknown): Promise<FieldError[]> {
  const structural = schemaErrors(CatalogueFile, file);
  if (structural.length) return structural;
  const f = file as CatalogueFileT;
  const errors: FieldError[] = [];
  const dup = (list: { code: string }[], path: string) => {
    const seen = new Set<string>();
    list.forEach((x, i) => {
      if (seen.has(x.code))
        errors.push({
          path: `${path}/${i}/code`,
          code: 'duplicate_code',
          zh: `编码 ${x.code} 重复`,
          en: `Code ${x.code} appears twice`,
        });
      seen.add(x.code);
    });
  };
  dup(f.departments, '/departments');
  dup(f.fees, '/fees');
  dup(f.items, '/items');
  const deptCodes = new Set([...(await departmentCodeMap(db)).keys(), ...f.departments.map((d) => d.code)]);
  const feeCodes = new Set([...(await publishedFeeCodes(db)), ...f.fees.map((x) => x.code)]);
  f.departments.forEach((d, i) => errors.push(...departmentProblems(d, `/departments/${i}`)));
  f.fees.forEach((x, i) => errors.push(...feeProblems(x, `/fees/${i}`, deptCodes)));
  f.items.forEach((x, i) =>
    errors.push(
      ...itemProblems(x, `/items/${i}`, { departmentCodes: deptCodes, publishedFeeCodes: feeCodes }),
    ),
  );
  errors.push(...(await materialFileProblems(db, f.items, (i) => `/items/${i}`)));
  errors.push(...synonymProblems(f.synonyms, '/synonyms'));
  return errors;
}

/**
 * Imports a whole catalogue in one transaction: departments and fees by code, each item as a new
 * published version when its content changed. Nothing is written when anything is wrong.
 */
export async function importCatalogue(
  db: Db,
  clock: Clock,
  actor: Actor,
  file: unknown,
  progress: Progress = () => {},
): Promise<ImportReport> {
  authorize(actor, cataloguePolicy.importCatalogue, undefined, 'catalogue.import');
  progress('validate', 0, 1);
  const errors = await validateCatalogueFile(db, file);
  if (errors.length) throw new AppError('catalogue_invalid', { count: errors.length }, errors);
  progress('validate', 1, 1);
  const f = file as CatalogueFileT;
  const report: ImportReport = {
    departments: { created: 0, updated: 0 },
    fees: { created: 0, updated: 0 },
    items: { created: 0, newVersions: 0, unchanged: 0 },
    synonyms: f.synonyms.length,
  };

  return audited(db, clock, actor, async (uow) => {
    for (const [i, d] of f.departments.entries()) {
      const existed = await findDepartment(uow.db, d.code);
      await upsertDepartment(uow, d, i);
      report.departments[existed ? 'updated' : 'created']++;
      progress('departments', i + 1, f.departments.length);
    }
    const depts = await departmentCodeMap(uow.db);
    for (const [i, x] of f.fees.entries()) {
      const existed = await uow.db
        .selectFrom('fee_entries')
        .select('id')
        .where('code', '=', x.code)
        .executeTakeFirst();
      await upsertFee(uow, x, depts.get(x.departmentCode)!);
      report.fees[existed ? 'updated' : 'created']++;
      progress('fees', i + 1, f.fees.length);
    }
    for (const [i, x] of f.items.entries()) {
      const deptId = depts.get(x.departmentCode)!;
      const dept = (await findDepartment(uow.db, deptId))!;
      let item = await findItem(uow.db, x.code);
      if (item?.current_version_id && item.status === 'published') {
        const current = await findVersionById(uow.db, item.current_version_id);
        if (current && canonicalJson(JSON.parse(current.data)) === canonicalJson(x)) {
          report.items.unchanged++;
          progress('items', i + 1, f.items.length);
          continue;
        }
      }
      let versionNo = 1;
      if (!item) {
        const id = newId(uow.now.getTime());
        await uow.db
          .insertInto('items')
          .values({
            id,
            code: x.code,
            department_id: deptId,
            status: 'draft',
            current_version_id: null,
            latest_version_no: 1,
            created_at: uow.nowIso,
            updated_at: uow.nowIso,
            version: 1,
          })
          .execute();
        await uow.audit({
          action: 'item.created',
          entityType: 'item',
          entityId: id,
          data: { code: x.code, name: x.name, via: 'import' },
        });
        item = (await findItem(uow.db, id))!;
        report.items.created++;
      } else {
        versionNo = item.latest_version_no + 1;
        await uow.db
          .updateTable('items')
          .set({ latest_version_no: versionNo })
          .where('id', '=', item.id)
          .execute();
        report.items.newVersions++;
      }
      const versionId = await insertDraftVersion(uow, item.id, versionNo, x, deptId);
      const draft = (await findVersion(uow.db, item.id, versionNo))!;
      await publishVersion(uow, item, draft, dept);
      await uow.audit({
        action: 'item.published',
        entityType: 'item',
        entityId: item.id,
        data: { versionNo, versionId, via: 'import' },
      });
      progress('items', i + 1, f.items.length);
    }
    await writeSynonyms(uow, f.synonyms);
    await uow.audit({
      action: 'catalogue.imported',
      entityType: 'catalogue',
      entityId: 'all',
      data: { ...report },
    });
    return report;
  });
}
