import type { WorkingCalendar } from './calendar/working-calendar.js';
import { colourAt, nextCheckAt, project, type Colour, type ClockTerms } from './projection.js';
import { localDate } from './local-time.js';
import type { ClockRow } from './repository.js';

export const termsOf = (c: ClockRow): ClockTerms => ({
  startDate: c.start_date,
  limitDays: c.limit_days,
  extensionDays: c.extension_days,
  pausedDays: c.paused_days,
  pausedSince: c.status === 'paused' ? c.paused_since : null,
  yellowPct: c.yellow_pct,
  startedAt: c.started_at,
});

/** The stored fields that follow from a clock's terms at a moment: deadline, colour, next check. */
export function derivedFields(cal: WorkingCalendar, terms: ClockTerms, status: string, now: Date) {
  const p = project(cal, terms, localDate(now));
  const colour: Colour = colourAt(p, now.toISOString());
  return {
    due_date: p.dueDate,
    overdue_at: p.overdueAt,
    yellow_at: p.yellowAt,
    provisional: p.provisional ? 1 : 0,
    colour,
    // A paused or stopped clock changes colour only when someone acts on it.
    next_check_at: status === 'running' ? nextCheckAt(p, colour) : null,
  };
}
