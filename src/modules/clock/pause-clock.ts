import type { UnitOfWork } from '../audit/audited-transaction.js';
import type { WorkingCalendar } from './calendar/working-calendar.js';
import { changeClock, loadClock, requireStatus } from './clock-actions.js';
import { localDate } from './local-time.js';

export interface PauseInput {
  /** The special procedure (专家评审, 现场勘验, 听证, 检验检测 …) or other lawful reason. */
  reason: string;
  /** The written notice that told the applicant (Art. 45): its number. */
  notice: string;
  legalBasis?: string;
}

/** Stops the count from the day of the written notice until the procedure ends (Art. 45). */
export async function pauseClock(uow: UnitOfWork, cal: WorkingCalendar, clockId: string, input: PauseInput) {
  const row = await loadClock(uow, clockId);
  requireStatus(row, 'pause', 'running');
  const date = localDate(uow.now);
  return changeClock(uow, cal, row, { status: 'paused', paused_since: date }, 'paused', { date, ...input });
}

/** Resumes counting; the working days spent paused push the deadline back. */
export async function resumeClock(uow: UnitOfWork, cal: WorkingCalendar, clockId: string, note?: string) {
  const row = await loadClock(uow, clockId);
  requireStatus(row, 'resume', 'paused');
  const date = localDate(uow.now);
  const pausedDays = Math.max(0, cal.workingDaysBetween(row.paused_since!, date));
  return changeClock(
    uow,
    cal,
    row,
    { status: 'running', paused_since: null, paused_days: row.paused_days + pausedDays },
    'resumed',
    { date, pausedDays, since: row.paused_since, note: note ?? null },
  );
}
