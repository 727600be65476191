import { AppError } from '../../server/errors.js';
import type { UnitOfWork } from '../audit/audited-transaction.js';
import type { WorkingCalendar } from '../clock/calendar/working-calendar.js';
import { startClock } from '../clock/start-clock.js';
import { localDate } from '../clock/local-time.js';

/** Working days from today to a date set by a person: it must lie ahead, at least one working day. */
export function workingDaysUntil(cal: WorkingCalendar, now: Date, date: string, path: string): number {
  const today = localDate(now);
  const days = date > today ? cal.workingDaysBetween(today, date) : 0;
  if (days < 1)
    throw new AppError('validation_failed', { summary: path }, [
      {
        path,
        code: 'too_soon',
        zh: '期限须至少在一个工作日之后',
        en: 'The deadline must be at least one working day ahead',
      },
    ]);
  return days;
}

/** A deadline on the clock: the supervision pass raises the signal when it turns red. */
export const deadlineClock = (
  uow: UnitOfWork,
  cal: WorkingCalendar,
  input: {
    subjectType: 'selfinspection_report' | 'selfinspection_problem';
    subjectId: string;
    label: string;
    departmentId: string;
    days: number;
  },
) =>
  startClock(uow, cal, {
    subjectType: input.subjectType,
    subjectId: input.subjectId,
    label: input.label,
    departmentId: input.departmentId,
    limitDays: input.days,
    basis: 'self-inspection campaign deadline',
  });
