import type { UnitOfWork } from '../audit/audited-transaction.js';
import type { Actor } from '../../shared/actor.js';
import { AppError, type FieldError } from '../../server/errors.js';
import { claimFiles } from './claim-files.js';
import { materialsOf } from './repository.js';
import { markMaterialProvided } from './repository-materials.js';
import { fileOwnership } from './repository-files.js';

export interface MaterialGiven {
  name: string;
  fileId?: string;
  paper?: boolean;
}

/**
 * Attaches files (uploaded by the actor, not yet on any case) or window-checked paper to a case's
 * materials, and marks them provided. Every problem is reported at once.
 */
export async function attachMaterials(
  uow: UnitOfWork,
  actor: Actor,
  caseId: string,
  given: MaterialGiven[],
  allowedStatuses: string[],
) {
  const rows = await materialsOf(uow.db, caseId);
  const files = await fileOwnership(
    uow.db,
    given.map((g) => g.fileId).filter((f): f is string => !!f),
  );
  const errors: FieldError[] = [];
  given.forEach((g, i) => {
    const row = rows.find((r) => r.name === g.name);
    if (!row)
      errors.push({
        path: `/body/materials/${i}/name`,
        code: 'unknown_material',
        zh: `本办件没有材料“${g.name}”`,
        en: `This case has no material "${g.name}"`,
      });
    else if (!allowedStatuses.includes(row.status))
      errors.push({
        path: `/body/materials/${i}/name`,
        code: 'not_requested',
        zh: `材料“${g.name}”当前无需提交（状态：${row.status}）`,
        en: `Material "${g.name}" is not awaited (status ${row.status})`,
      });
    if (!g.fileId && !g.paper)
      errors.push({
        path: `/body/materials/${i}`,
        code: 'no_content',
        zh: '须上传文件或由窗口核验纸质材料',
        en: 'Give a file, or paper checked at the window',
      });
    if (g.paper && actor.role !== 'clerk')
      errors.push({
        path: `/body/materials/${i}/paper`,
        code: 'paper_at_window',
        zh: '纸质材料只能由窗口核验',
        en: 'Paper materials are checked at the window',
      });
    if (g.fileId) {
      const f = files.find((x) => x.id === g.fileId);
      if (!f || f.owner_user_id !== actor.id || (f.case_id && f.case_id !== caseId))
        errors.push({
          path: `/body/materials/${i}/fileId`,
          code: 'file_not_yours',
          zh: '文件不存在或不属于您',
          en: 'No such file of yours',
        });
    }
  });
  if (!given.length)
    errors.push({ path: '/body/materials', code: 'empty', zh: '请提交材料', en: 'Give the materials' });
  if (errors.length)
    throw new AppError('validation_failed', { summary: errors.map((e) => e.path).join(', ') }, errors);
  for (const g of given) {
    await markMaterialProvided(
      uow.db,
      caseId,
      g.name,
      { fileId: g.fileId ?? null, checkedBy: g.paper ? actor.id : null },
      uow.nowIso,
    );
  }
  await claimFiles(uow, actor, caseId, given);
  // What is still awaited: required materials, and any a supplement notice asked for by name. An
  // optional material nobody asked for is not missing.
  return rows
    .filter(
      (r) =>
        allowedStatuses.includes(r.status) &&
        (r.required === 1 || r.status === 'requested') &&
        !given.some((g) => g.name === r.name),
    )
    .map((r) => r.name);
}
