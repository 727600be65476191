import type { Actor } from '../../shared/actor.js';
import { actOnComplaint } from './act-on-complaint.js';
import type { ComplaintDeps } from './complaint-deps.js';
import { requireDepartment } from './department-check.js';
import { assignedNotice } from './assigned-notice.js';
import { handlerDepartment, startHandlingClock } from './ticket-clocks.js';

/**
 * 交办: the center hands the ticket to a department (by default the one complained about) on the
 * category's working-day clock. A report about a department's leadership goes to the supervisors.
 */
export function dispatchComplaint(
  deps: ComplaintDeps,
  actor: Actor,
  input: { id: string; version: number; departmentId?: string; note?: string },
) {
  return actOnComplaint(deps, actor, input, 'dispatch', async ({ uow, cal, t }) => {
    const chosen = input.departmentId
      ? await requireDepartment(uow.db, input.departmentId, '/body/departmentId')
      : t.department_id;
    const dept = handlerDepartment(t, chosen);
    const clock = await startHandlingClock(uow, cal, t, dept);
    return {
      state: 'dispatched',
      changes: { assigned_department_id: dept, handling_clock_id: clock.id },
      event: { departmentId: dept, route: t.route, dueDate: clock.due_date, note: input.note ?? null },
      notify: await assignedNotice(uow, t, dept, clock.due_date),
      result: { id: t.id, state: 'dispatched' as const, version: t.version + 1 },
    };
  });
}
