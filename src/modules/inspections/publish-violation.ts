import type { Actor } from '../../shared/actor.js';
import { newId } from '../../shared/ids.js';
import { toJson } from '../../shared/json.js';
import { AppError } from '../../server/errors.js';
import { audited } from '../audit/audited-transaction.js';
import type { InspectionDeps } from './inspection-deps.js';
import { publishingDepartment } from './publish-item.js';
import { currentVersion, findViolation, insertViolation, setStatus } from './repository-published.js';
import { rangeProblems, type PenaltyRange } from './rules.js';

export interface PublishViolationInput {
  departmentId?: string;
  code: string;
  name: string;
  basis: string;
  ranges: PenaltyRange[];
}

/**
 * Publishes a violation of a department's penalty discretion standard (行政处罚裁量基准): its legal
 * basis and, per severity, whether a warning may be given and the fine from/to in fen. Versioned
 * like items: a new version supersedes the one in force.
 */
export async function publishViolation(deps: InspectionDeps, actor: Actor, input: PublishViolationInput) {
  const departmentId = await publishingDepartment(deps, actor, input.departmentId);
  const problems = rangeProblems(input.ranges);
  if (problems.length)
    throw new AppError(
      'validation_failed',
      { summary: problems.join(', ') },
      problems.map((path) => ({
        path,
        code: 'bad_range',
        zh: '每种情节只能有一档；罚款下限不得高于上限；不罚款的一档须允许警告',
        en: 'Each severity once; the lower fine not above the upper; a band without a fine must allow a warning',
      })),
    );
  return audited(deps.db, deps.clock, actor, async (uow) => {
    const code = input.code.trim().toUpperCase();
    const { latestNo, published } = await currentVersion(uow.db, 'insp_violations', departmentId, code);
    if (published) await setStatus(uow.db, 'insp_violations', published.id, 'superseded');
    const id = newId(uow.now.getTime());
    await insertViolation(uow.db, {
      id,
      department_id: departmentId,
      code,
      version_no: latestNo + 1,
      name: input.name.trim(),
      basis: input.basis.trim(),
      ranges: toJson(input.ranges),
      status: 'published',
      published_at: uow.nowIso,
      published_by: actor.id,
    });
    await uow.audit({
      action: 'inspection.violation_published',
      entityType: 'inspection_violation',
      entityId: id,
      data: { departmentId, code, versionNo: latestNo + 1 },
    });
    return (await findViolation(uow.db, id))!;
  });
}
