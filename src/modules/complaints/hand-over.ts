import type { UnitOfWork } from '../audit/audited-transaction.js';
import type { WorkingCalendar } from '../clock/calendar/working-calendar.js';
import type { OutboxInput } from '../supervision/signals.js';
import { assignedNotice } from './assigned-notice.js';
import type { ComplaintRow } from './repository.js';
import { handlerDepartment, startHandlingClock, stopIfOpen } from './ticket-clocks.js';

/**
 * Moves a ticket to another handler (改派, an upheld 退单): the old handling clock stops as
 * reassigned, and the new one counts from the same day of acceptance, so the limit is not reset.
 */
export async function handOver(
  uow: UnitOfWork,
  cal: WorkingCalendar,
  t: ComplaintRow,
  departmentId: string,
): Promise<{
  changes: Partial<ComplaintRow>;
  dueDate: string;
  notify: OutboxInput[];
  departmentId: string | null;
}> {
  const dept = handlerDepartment(t, departmentId);
  await stopIfOpen(uow, cal, t.handling_clock_id, 'reassigned');
  const clock = await startHandlingClock(uow, cal, t, dept);
  return {
    changes: { assigned_department_id: dept, handling_clock_id: clock.id },
    dueDate: clock.due_date,
    notify: await assignedNotice(uow, t, dept, clock.due_date),
    departmentId: dept,
  };
}
