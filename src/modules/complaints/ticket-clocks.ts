import type { UnitOfWork } from '../audit/audited-transaction.js';
import type { WorkingCalendar } from '../clock/calendar/working-calendar.js';
import { findClock } from '../clock/clock-reads.js';
import { startClock } from '../clock/start-clock.js';
import { stopClock } from '../clock/stop-clock.js';
import { localDate } from '../clock/local-time.js';
import { findCategory, type ComplaintRow } from './repository.js';

/** The ticket's limit in working days: its category's, or the urgent one (0: the same working day). */
export async function limitOf(uow: UnitOfWork, t: ComplaintRow): Promise<number> {
  const c = await findCategory(uow.db, t.category_code);
  if (!c) return 13;
  return t.urgent ? c.urgent_limit_days : c.limit_days;
}

/**
 * Starts the handling clock for whoever handles the ticket now. It counts from the day of
 * acceptance (or of reopening), so a reassignment does not give the limit back; a report about
 * leadership runs on a clock of no department, so its 督办 goes to the supervisors.
 */
export async function startHandlingClock(
  uow: UnitOfWork,
  cal: WorkingCalendar,
  t: ComplaintRow,
  departmentId: string | null,
  from: string = t.accepted_date ?? localDate(uow.now),
) {
  return startClock(uow, cal, {
    subjectType: 'complaint',
    subjectId: t.id,
    label: `举报办理 ${t.ticket_no}`,
    departmentId,
    startDate: from,
    limitDays: await limitOf(uow, t),
    basis: `complaint category ${t.category_code}${t.urgent ? ' (urgent)' : ''}`,
  });
}

/** Stops a clock of the ticket if it still runs (a clock already stopped is left as it was). */
export async function stopIfOpen(
  uow: UnitOfWork,
  cal: WorkingCalendar,
  clockId: string | null,
  outcome: string,
): Promise<void> {
  if (!clockId) return;
  const c = await findClock(uow.db, clockId);
  if (c && (c.status === 'running' || c.status === 'paused')) await stopClock(uow, cal, clockId, outcome);
}

/** The department a ticket is handled by: none (the supervisors) for a report about leadership. */
export const handlerDepartment = (t: ComplaintRow, departmentId: string | null): string | null =>
  t.route === 'supervisors' ? null : departmentId;
