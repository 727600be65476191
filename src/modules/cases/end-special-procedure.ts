import type { Actor } from '../../shared/actor.js';
import { AppError, notFound } from '../../server/errors.js';
import { fromJson, toJson } from '../../shared/json.js';
import { resumeClock } from '../clock/pause-clock.js';
import type { CaseDeps } from './case-deps.js';
import { actOnCase } from './act-on-case.js';
import { loadOwnTask } from './task-access.js';
import { findRecordOfTask, hasOpenSpecialProcedure, updateRecord } from './repository-records.js';
import { updateTask } from './repository-tasks.js';

/** The procedure ends: its clock resumes, and the case's clock once no other procedure is open. */
export async function endSpecialProcedure(
  deps: CaseDeps,
  actor: Actor,
  caseId: string,
  version: number,
  input: { taskId: string; recordId: string; outcome: string },
) {
  return actOnCase(deps, actor, caseId, 'end_special_procedure', version, async ({ uow, cal, c }) => {
    const task = await loadOwnTask(uow, actor, c.id, input.taskId);
    const rec = await findRecordOfTask(uow.db, task.id, input.recordId, 'special_procedure');
    if (!rec) throw notFound('task', input.recordId);
    if (rec.status !== 'open')
      throw new AppError('invalid_state', {
        state: rec.status,
        action: 'end_special_procedure',
        allowed: '—',
      });
    await updateRecord(uow.db, rec.id, {
      status: 'closed',
      data: toJson({ ...fromJson(rec.data, {}), outcome: input.outcome, endedAt: uow.nowIso }),
      version: rec.version + 1,
    });
    const resumed = await resumeClock(uow, cal, task.clock_id!, input.outcome);
    await updateTask(uow.db, task.id, { state: 'reviewing', version: task.version + 1 });
    let caseDue: string | null = null;
    if (!(await hasOpenSpecialProcedure(uow.db, c.id)))
      caseDue = (await resumeClock(uow, cal, c.case_clock_id!, input.outcome)).due_date;
    return {
      event: {
        taskId: task.id,
        recordId: rec.id,
        pausedDays: resumed.paused_days,
        outcome: input.outcome,
        caseDueDate: caseDue,
      },
      result: { taskDueDate: resumed.due_date, caseDueDate: caseDue },
    };
  });
}
