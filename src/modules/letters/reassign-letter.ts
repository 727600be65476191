import type { Actor } from '../../shared/actor.js';
import { AppError } from '../../server/errors.js';
import { findClock } from '../clock/clock-reads.js';
import { stopClock } from '../clock/stop-clock.js';
import { actOnLetter, letterStep } from './act-on-letter.js';
import { notifyDepartment, requireDepartment, startReplyClock } from './department-assignment.js';
import type { LetterDeps } from './letter-deps.js';

/**
 * 改派: the letter goes to another department, with the reason. The new department gets no more
 * time than the first had: its clock runs from the same day with the same limit (and any extension
 * granted), so passing a letter on cannot reset its deadline. A pending extension request lapses.
 */
export async function reassignLetter(
  deps: LetterDeps,
  actor: Actor,
  id: string,
  input: { version: number; departmentId: string; reason: string },
) {
  return actOnLetter(deps, actor, id, 'reassign', input.version, async ({ uow, cal, l }) => {
    if (input.departmentId === l.department_id)
      throw new AppError('validation_failed', { summary: '/body/departmentId' }, [
        {
          path: '/body/departmentId',
          code: 'same_department',
          zh: '改派须指定另一个部门',
          en: 'Reassignment must name another department',
        },
      ]);
    await requireDepartment(uow, input.departmentId);
    const old = (await findClock(uow.db, l.clock_id!))!;
    if (old.status !== 'stopped') await stopClock(uow, cal, old.id, 'reassigned');
    const clock = await startReplyClock(uow, cal, l, input.departmentId, {
      startDate: old.start_date,
      limitDays: old.limit_days + old.extension_days,
      basis: `改派（原承办部门期限不变）：${input.reason}`,
    });
    await notifyDepartment(uow, l, input.departmentId, clock.due_date);
    await uow.audit({
      action: 'letter.reassign',
      entityType: 'letter',
      entityId: l.id,
      data: {
        ...letterStep(l),
        fromDepartmentId: l.department_id,
        departmentId: input.departmentId,
        reason: input.reason,
        dueDate: clock.due_date,
      },
    });
    return {
      changes: {
        department_id: input.departmentId,
        limit_days: clock.limit_days,
        clock_id: clock.id,
        assigned_at: uow.nowIso,
        extension_days: null,
        extension_reason: null,
        extension_requested_by: null,
      },
      result: null,
    };
  });
}
