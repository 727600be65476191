import { addCalendarDays } from '../clock/calendar/calendar-day.js';

/** A group's opening sessions, local times: [["09:00", "12:00"], ["13:30", "17:00"]]. */
export type Sessions = readonly (readonly [string, string])[];

export interface Slot {
  /** "09:00": the slot's start, its key within the day. */
  slot: string;
  end: string;
}

const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
const hhmm = (m: number) =>
  `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;

export const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/** Sessions that are well formed: each starts before it ends, in order, without overlap. */
export function sessionsValid(sessions: Sessions): boolean {
  let last = -1;
  for (const [a, b] of sessions) {
    if (!TIME.test(a) || !TIME.test(b) || minutes(a) >= minutes(b) || minutes(a) < last) return false;
    last = minutes(b);
  }
  return sessions.length > 0;
}

/** The slots of one day: whole slots only, each inside one session. */
export function daySlots(sessions: Sessions, slotMinutes: number): Slot[] {
  const out: Slot[] = [];
  for (const [a, b] of sessions)
    for (let m = minutes(a); m + slotMinutes <= minutes(b); m += slotMinutes)
      out.push({ slot: hhmm(m), end: hhmm(m + slotMinutes) });
  return out;
}

const OFFSET_MS = 8 * 3_600_000;
/** The instant a local date and time (China Standard Time) is, as an ISO UTC string. */
export const localInstant = (day: string, time: string): string =>
  new Date(Date.parse(`${day}T${time}:00.000Z`) - OFFSET_MS).toISOString();

/**
 * The days a person may book from `today`: working days only (the calendar decides), today
 * included, up to `aheadDays` calendar days on.
 */
export function bookableDays(
  today: string,
  aheadDays: number,
  isWorkingDay: (d: string) => boolean,
): string[] {
  const out: string[] = [];
  for (let i = 0; i <= aheadDays; i++) {
    const d = addCalendarDays(today, i);
    if (isWorkingDay(d)) out.push(d);
  }
  return out;
}
