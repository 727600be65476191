import type { Actor } from '../../shared/actor.js';
import { authorize } from '../../shared/policy.js';
import { newId } from '../../shared/ids.js';
import { fromJson, toJson } from '../../shared/json.js';
import { AppError, notFound, staleVersion } from '../../server/errors.js';
import { audited } from '../audit/audited-transaction.js';
import { stopClock } from '../clock/stop-clock.js';
import { addProblem } from './add-problem.js';
import type { InspectionDeps } from './inspection-deps.js';
import { selfInspectionPolicy } from './policy.js';
import { findCampaign, findReport, problemsOf, updateReport } from './repository.js';
import type { FileBodyT } from './schemas.js';
import { campaignView } from './views.js';

/**
 * A department files its report: an answer to every question of the checklist, and each problem it
 * found with its measure and rectification deadline (each on its own clock). A report sent back may
 * be filed again.
 */
export async function fileReport(deps: InspectionDeps, actor: Actor, reportId: string, input: FileBodyT) {
  const r = await findReport(deps.db, reportId);
  if (!r) throw notFound('self-inspection report', reportId);
  authorize(actor, selfInspectionPolicy.file, r.department_id, 'selfinspection.file');
  const c = (await findCampaign(deps.db, r.campaign_id))!;
  const questions = fromJson<string[]>(c.checklist, []);
  if (input.answers.length !== questions.length)
    throw new AppError('validation_failed', { summary: '/body/answers' }, [
      {
        path: '/body/answers',
        code: 'answers_count',
        zh: `须逐项回答清单中的 ${questions.length} 个问题`,
        en: `Answer each of the checklist's ${questions.length} questions`,
      },
    ]);
  const listed = (await problemsOf(deps.db, r.campaign_id, r.department_id)).length;
  if (input.answers.some((a) => a.answer === 'problem_found') && !input.problems.length && !listed)
    throw new AppError('validation_failed', { summary: '/body/problems' }, [
      {
        path: '/body/problems',
        code: 'problems_required',
        zh: '有问题的答复须列出问题及整改措施',
        en: 'An answer that found a problem lists the problem and its rectification',
      },
    ]);
  const cal = await deps.calendars.get();
  await audited(deps.db, deps.clock, actor, async (uow) => {
    const cur = (await findReport(uow.db, reportId))!;
    if (c.state !== 'open' || (cur.state !== 'pending' && cur.state !== 'rejected'))
      throw new AppError('invalid_state', { state: cur.state, action: 'file', allowed: 'pending, rejected' });
    if (
      !(await updateReport(uow.db, reportId, input.version, {
        state: 'filed',
        answers: toJson(input.answers.map((a) => ({ answer: a.answer, note: a.note?.trim() || null }))),
        filed_at: uow.nowIso,
        filed_by: actor.id,
        updated_at: uow.nowIso,
      }))
    )
      throw staleVersion(cur.version, input.version);
    if (cur.clock_id) await stopClock(uow, cal, cur.clock_id, 'filed');
    for (const [i, p] of input.problems.entries())
      await addProblem(
        uow,
        cal,
        cur,
        'department',
        p,
        `/body/problems/${i}/rectifyBy`,
        newId(uow.now.getTime()),
      );
    await uow.audit({
      action: 'selfinspection.report_filed',
      entityType: 'selfinspection_report',
      entityId: reportId,
      data: { campaignId: c.id, departmentId: cur.department_id, problems: input.problems.length },
    });
  });
  return campaignView(deps.db, c, r.department_id);
}
