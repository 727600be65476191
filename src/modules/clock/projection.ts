import type { WorkingCalendar } from './calendar/working-calendar.js';
import { endOfLocalDay } from './local-time.js';

export type Colour = 'green' | 'yellow' | 'red';

export interface ClockTerms {
  startDate: string;
  limitDays: number;
  extensionDays: number;
  /** Working days already spent paused (closed pauses). */
  pausedDays: number;
  /** Set while paused: the date the pause began. */
  pausedSince: string | null;
  yellowPct: number;
  startedAt: string;
}

export interface Projection {
  dueDate: string;
  overdueAt: string;
  /** When the clock turns yellow; null when the limit is too short for a warning before red. */
  yellowAt: string | null;
  provisional: boolean;
  /** Working days not counted because of an open pause, up to `today`. */
  openPauseDays: number;
}

/**
 * Where a clock's deadline falls. The limit (plus extensions) counts working days after the start
 * date; paused working days push it back. An open pause is projected as if it ended today.
 * Yellow comes when the elapsed share of the committed time reaches yellowPct: at the end of working
 * day ⌊pct·limit⌋; never when that is the due day itself, nor when it is day 0 (a one-day first
 * inquiry would otherwise be yellow at 0% elapsed). Only a threshold of 0% means yellow at once.
 */
export function project(cal: WorkingCalendar, t: ClockTerms, today: string): Projection {
  const openPauseDays = t.pausedSince ? Math.max(0, cal.workingDaysBetween(t.pausedSince, today)) : 0;
  const committed = t.limitDays + t.extensionDays;
  const dueDate = cal.addWorkingDays(t.startDate, committed + t.pausedDays + openPauseDays);
  const k = Math.floor((t.yellowPct * committed) / 100);
  let yellowAt: string | null = null;
  if (committed > 0 && t.yellowPct === 0) yellowAt = t.startedAt;
  else if (k > 0 && k < committed)
    yellowAt = endOfLocalDay(cal.addWorkingDays(t.startDate, k + t.pausedDays));
  return {
    dueDate,
    overdueAt: endOfLocalDay(dueDate),
    yellowAt,
    provisional: cal.isProvisional(dueDate) || cal.provisionalYearsBetween(t.startDate, dueDate).length > 0,
    openPauseDays,
  };
}

export function colourAt(p: Pick<Projection, 'overdueAt' | 'yellowAt'>, nowIso: string): Colour {
  if (nowIso >= p.overdueAt) return 'red';
  if (p.yellowAt !== null && nowIso >= p.yellowAt) return 'yellow';
  return 'green';
}

/** The next instant at which the colour can change, or null when nothing more will happen. */
export function nextCheckAt(p: Pick<Projection, 'overdueAt' | 'yellowAt'>, colour: Colour): string | null {
  if (colour === 'red') return null;
  if (colour === 'yellow' || p.yellowAt === null) return p.overdueAt;
  return p.yellowAt;
}
