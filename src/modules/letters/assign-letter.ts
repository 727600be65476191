import type { Actor } from '../../shared/actor.js';
import { localDate } from '../clock/local-time.js';
import { actOnLetter, letterStep } from './act-on-letter.js';
import type { LetterDeps } from './letter-deps.js';
import { replyTerms } from './reply-limit.js';
import { notifyDepartment, requireDepartment, startReplyClock } from './department-assignment.js';

/** The registry hands the letter to the department that must answer it; its reply clock starts. */
export async function assignLetter(
  deps: LetterDeps,
  actor: Actor,
  id: string,
  input: { version: number; departmentId: string; limitDays?: number },
) {
  return actOnLetter(deps, actor, id, 'assign', input.version, async ({ uow, cal, l }) => {
    await requireDepartment(uow, input.departmentId);
    const terms = replyTerms(
      cal,
      deps.config,
      { kind: l.kind, receivedDate: l.received_date },
      localDate(uow.now),
      input.limitDays,
    );
    const clock = await startReplyClock(uow, cal, l, input.departmentId, terms);
    await notifyDepartment(uow, l, input.departmentId, clock.due_date);
    await uow.audit({
      action: 'letter.assign',
      entityType: 'letter',
      entityId: l.id,
      data: {
        ...letterStep(l, 'assigned'),
        departmentId: input.departmentId,
        limitDays: terms.limitDays,
        dueDate: clock.due_date,
      },
    });
    return {
      state: 'assigned',
      changes: {
        department_id: input.departmentId,
        limit_days: terms.limitDays,
        clock_id: clock.id,
        assigned_at: uow.nowIso,
      },
      result: null,
    };
  });
}
