import type { Actor } from '../../shared/actor.js';
import { AppError } from '../../server/errors.js';
import { toJson } from '../../shared/json.js';
import { startClock } from '../clock/start-clock.js';
import { stopClock } from '../clock/stop-clock.js';
import type { CaseDeps } from './case-deps.js';
import { actOnCase, applicantNotice } from './act-on-case.js';
import { loadOwnTask, requireTaskOpen } from './task-access.js';
import { LITIGATION_COURT, RECONSIDERATION_BODY } from './refuse-intake.js';
import { CLOCK_LABEL_PREFIXES as L } from '../clock/clock-labels.js';
import { itemVersionData, tasksOf } from './repository.js';
import { deferredMaterials } from './repository-materials.js';
import { localDate } from '../clock/local-time.js';
import { lapseExtensionRequest } from './repository-records.js';
import { updateTask } from './repository-tasks.js';
import { departmentNames } from './repository-documents.js';

/** Art. 44: the certificate is issued and delivered within 10 working days of the decision. */
export const DELIVERY_DAYS = 10;

/**
 * Each department decides its own part. When the last one has decided, the case follows the join
 * rule — all must approve; one refusal refuses, with reasons and the rights of reconsideration and
 * litigation — its clock stops, the decision is issued, and the delivery clock starts.
 */
export async function decideTask(
  deps: CaseDeps,
  actor: Actor,
  caseId: string,
  version: number,
  input: { taskId: string; decision: 'approve' | 'refuse'; reasons?: string[] },
) {
  return actOnCase(deps, actor, caseId, 'decide_task', version, async ({ uow, cal, c }) => {
    const task = await loadOwnTask(uow, actor, c.id, input.taskId);
    requireTaskOpen(task, 'decide_task');
    if (task.state === 'paused')
      throw new AppError('invalid_state', {
        state: 'special procedure open',
        action: 'decide_task',
        allowed: 'end_special_procedure',
      });
    const reasons = (input.reasons ?? []).map((r) => r.trim()).filter(Boolean);
    if (input.decision === 'refuse' && !reasons.length) {
      throw new AppError('validation_failed', { summary: '/body/reasons' }, [
        {
          path: '/body/reasons',
          code: 'reasons_required',
          zh: '不予许可必须说明理由（行政许可法第三十八条）',
          en: 'A refusal must give reasons (Administrative Licensing Law Art. 38)',
        },
      ]);
    }
    // No decision while a 容缺 promise is outstanding; once its deadline has passed the promise is
    // broken, and the notice's consequence applies: the application may only be refused.
    const deferred = await deferredMaterials(uow.db, c.id);
    const today = localDate(uow.now);
    const lapsed =
      deferred.length > 0 && deferred.every((d) => !!d.deferred_until && d.deferred_until < today);
    if (deferred.length && !(lapsed && input.decision === 'refuse')) {
      throw new AppError('invalid_state', {
        state: `${lapsed ? '容缺材料逾期未补齐' : '容缺材料未补齐'}：${deferred.map((d) => d.name).join('、')}`,
        action: 'decide_task',
        allowed: lapsed ? 'decide_task (refuse)' : 'provide_deferred',
      });
    }
    await updateTask(uow.db, task.id, {
      state: 'decided',
      decision: input.decision,
      reasons: reasons.length ? toJson(reasons) : null,
      decided_by: actor.id,
      decided_at: uow.nowIso,
      version: task.version + 1,
    });
    if (task.clock_id)
      await stopClock(uow, cal, task.clock_id, input.decision === 'approve' ? 'approved' : 'refused');
    // A decided part needs no more time: its pending extension request lapses (else it would hold up
    // every other department's request, and approving it could only fail on the stopped clock).
    const lapsedExtension = await lapseExtensionRequest(uow.db, c.id, task.id);
    const tasks = await tasksOf(uow.db, c.id);
    const open = tasks.filter((t) => t.state !== 'decided');
    if (open.length)
      return {
        event: {
          taskId: task.id,
          decision: input.decision,
          reasons,
          waitingFor: open.length,
          lapsedExtension,
        },
        result: { caseDecided: false, decision: null },
      };

    await deps.fees.assertPaid(uow, c, 'before_decision');
    const refused = tasks.filter((t) => t.decision === 'refuse');
    const decision = refused.length ? 'refused' : 'approved';
    await stopClock(uow, cal, c.case_clock_id!, decision);
    const names = await departmentNames(
      uow.db,
      tasks.map((t) => t.department_id),
    );
    const items = await itemVersionData(uow.db, c.id);
    const resultName = items.map((i) => (JSON.parse(i.data) as { resultName: string }).resultName).join('、');
    const doc =
      decision === 'approved'
        ? await deps.documents.issue(uow, c, 'approval_decision', {
            resultName,
            departments: tasks.map((t) => names.get(t.department_id) ?? ''),
            decisionText: `经审查，你（单位）的申请符合法定条件、标准，根据有关法律、法规的规定，决定准予行政许可，核发${resultName}。`,
          })
        : await deps.documents.issue(uow, c, 'refusal_decision', {
            reasons: refused.flatMap((t) =>
              (JSON.parse(t.reasons ?? '[]') as string[]).map(
                (r) => `${names.get(t.department_id) ?? ''}：${r}`,
              ),
            ),
            reconsiderationBody: RECONSIDERATION_BODY,
            litigationCourt: LITIGATION_COURT,
          });
    await deps.fees.reached(uow, { ...c, decision }, 'decided');
    const delivery = await startClock(uow, cal, {
      subjectType: 'delivery',
      subjectId: c.id,
      label: `${L.delivery}${c.title}（${c.receipt_no}）`,
      departmentId: c.lead_department_id,
      limitDays: DELIVERY_DAYS,
      basis: '《中华人民共和国行政许可法》第四十四条',
    });
    return {
      state: 'decided',
      changes: { decision, decided_at: uow.nowIso, delivery_clock_id: delivery.id },
      event: {
        taskId: task.id,
        decision: input.decision,
        reasons,
        caseDecision: decision,
        document: doc.number,
        lapsedExtension,
      },
      notify: [applicantNotice(c, 'case_decided', { decision })],
      result: { caseDecided: true, decision, document: doc },
    };
  });
}
