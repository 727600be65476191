import type { Actor } from '../../shared/actor.js';
import { authorize } from '../../shared/policy.js';
import { toJson } from '../../shared/json.js';
import { AppError } from '../../server/errors.js';
import { audited } from '../audit/audited-transaction.js';
import { assessmentPolicy } from './policy.js';
import { findResult, saveResult } from './repository-report.js';
import { computeRows, requirePeriod, schemeFor } from './get-assessment.js';
import type { AssessmentDeps } from './refresh-assessment.js';
import type { AssessmentResultTable } from '../../db/schema-assessment.js';

const blank = (period: string, departmentId: string): AssessmentResultTable => ({
  period,
  department_id: departmentId,
  state: 'open',
  comment: null,
  commented_at: null,
  commented_by: null,
  finalised_at: null,
  finalised_by: null,
  scheme_version: null,
  score: null,
  grade: null,
  figures: null,
  version: 0,
});

/** A department's head comments on its result (again, if they wish) until it is final. */
export async function commentResult(
  deps: AssessmentDeps,
  actor: Actor,
  input: { period: string; departmentId: string; comment: string },
) {
  authorize(actor, assessmentPolicy.comment, input.departmentId, 'assessment.comment');
  const period = requirePeriod(input.period);
  return audited(deps.db, deps.clock, actor, async (uow) => {
    const cur = await findResult(uow.db, period.code, input.departmentId);
    if (cur?.state === 'final')
      throw new AppError('assessment_result_final', { period: period.code, department: input.departmentId });
    const row = {
      ...(cur ?? blank(period.code, input.departmentId)),
      state: 'commented',
      comment: input.comment.trim(),
      commented_at: uow.nowIso,
      commented_by: actor.id,
      version: (cur?.version ?? 0) + 1,
    };
    if (!(await saveResult(uow.db, row, cur ? cur.version : null)))
      throw new AppError('stale_version', { current: '?', given: cur?.version ?? 0 });
    await uow.audit({
      action: 'assessment.commented',
      entityType: 'assessment_result',
      entityId: `${period.code}/${input.departmentId}`,
      data: { period: period.code, departmentId: input.departmentId },
    });
    return { state: row.state, version: row.version };
  });
}

/**
 * A supervisor or administrator finalises a department's result: its figures, score and grade are
 * frozen as they stand now, with the scheme version that graded them.
 */
export async function finaliseResult(
  deps: AssessmentDeps,
  actor: Actor,
  input: { period: string; departmentId: string },
) {
  authorize(actor, assessmentPolicy.finalise, undefined, 'assessment.finalise');
  const period = requirePeriod(input.period);
  return audited(deps.db, deps.clock, actor, async (uow) => {
    const cur = await findResult(uow.db, period.code, input.departmentId);
    if (cur?.state === 'final')
      throw new AppError('assessment_result_final', { period: period.code, department: input.departmentId });
    const scheme = await schemeFor(uow.db, period.code);
    const mine = (await computeRows(uow.db, period, scheme)).find(
      (r) => r.departmentId === input.departmentId,
    );
    if (!mine)
      throw new AppError('resource_not_found', { resource: 'assessment_result', id: input.departmentId });
    const row = {
      ...(cur ?? blank(period.code, input.departmentId)),
      state: 'final',
      finalised_at: uow.nowIso,
      finalised_by: actor.id,
      scheme_version: scheme.version,
      score: mine.score,
      grade: mine.grade,
      figures: toJson(mine.figures),
      version: (cur?.version ?? 0) + 1,
    };
    if (!(await saveResult(uow.db, row, cur ? cur.version : null)))
      throw new AppError('stale_version', { current: '?', given: cur?.version ?? 0 });
    await uow.audit({
      action: 'assessment.finalised',
      entityType: 'assessment_result',
      entityId: `${period.code}/${input.departmentId}`,
      data: { period: period.code, departmentId: input.departmentId, grade: mine.grade, score: mine.score },
    });
    return { state: row.state, grade: mine.grade, score: mine.score, version: row.version };
  });
}
