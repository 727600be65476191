import { addCalendarDays } from './calendar/calendar-day.js';

/**
 * The center works on China Standard Time (UTC+8, no daylight saving). A working day ends at local
 * midnight; a clock is overdue from the first instant after its due date.
 */
const OFFSET_MS = 8 * 3_600_000;

/** The local calendar date (YYYY-MM-DD) of an instant. */
export function localDate(instant: Date): string {
  return new Date(instant.getTime() + OFFSET_MS).toISOString().slice(0, 10);
}

/** The instant a local date ends (= the next day's 00:00 local), as an ISO UTC string. */
export function endOfLocalDay(date: string): string {
  return new Date(Date.parse(`${addCalendarDays(date, 1)}T00:00:00.000Z`) - OFFSET_MS).toISOString();
}
