import type { Actor } from '../../shared/actor.js';
import { AppError } from '../../server/errors.js';
import { newId } from '../../shared/ids.js';
import { toJson } from '../../shared/json.js';
import { pauseClock } from '../clock/pause-clock.js';
import type { CaseDeps } from './case-deps.js';
import { actOnCase, applicantNotice } from './act-on-case.js';
import { loadOwnTask, requireTaskOpen } from './task-access.js';
import { localDate } from '../clock/local-time.js';
import { insertRecord } from './repository-records.js';
import { updateTask } from './repository-tasks.js';
import { findClock } from '../clock/clock-reads.js';

const ART45 = '《中华人民共和国行政许可法》第四十五条';

/**
 * A special procedure (专家评审, 现场勘验, 听证, 检验检测 …) whose time is not counted (Art. 45):
 * the applicant is told in writing, the task's clock and the case's clock pause from the notice.
 */
export async function startSpecialProcedure(
  deps: CaseDeps,
  actor: Actor,
  caseId: string,
  version: number,
  input: { taskId: string; procedure: string; expectedDays: number; reason: string },
) {
  return actOnCase(deps, actor, caseId, 'start_special_procedure', version, async ({ uow, cal, c }) => {
    const task = await loadOwnTask(uow, actor, c.id, input.taskId);
    requireTaskOpen(task, 'start_special_procedure');
    if (task.state === 'paused')
      throw new AppError('invalid_state', {
        state: 'task paused',
        action: 'start_special_procedure',
        allowed: 'end_special_procedure',
      });
    const doc = await deps.documents.issue(uow, c, 'special_procedure_notice', {
      procedure: input.procedure,
      expectedDays: input.expectedDays,
      reason: input.reason,
      basis: ART45,
      fromDate: localDate(uow.now),
    });
    const id = newId(uow.now.getTime());
    await insertRecord(uow.db, {
      id,
      case_id: c.id,
      task_id: task.id,
      kind: 'special_procedure',
      author_id: actor.id,
      text: input.reason,
      data: toJson({ procedure: input.procedure, expectedDays: input.expectedDays, notice: doc.number }),
      status: 'open',
      created_at: uow.nowIso,
      version: 1,
    });
    await pauseClock(uow, cal, task.clock_id!, {
      reason: input.procedure,
      notice: doc.number,
      legalBasis: ART45,
    });
    const caseClock = (await findClock(uow.db, c.case_clock_id!))!;
    if (caseClock.status === 'running')
      await pauseClock(uow, cal, caseClock.id, {
        reason: input.procedure,
        notice: doc.number,
        legalBasis: ART45,
      });
    await updateTask(uow.db, task.id, { state: 'paused', version: task.version + 1 });
    return {
      event: {
        taskId: task.id,
        recordId: id,
        procedure: input.procedure,
        expectedDays: input.expectedDays,
        document: doc.number,
      },
      notify: [
        applicantNotice(c, 'special_procedure_started', {
          procedure: input.procedure,
          expectedDays: input.expectedDays,
        }),
      ],
      result: { recordId: id, document: doc },
    };
  });
}
