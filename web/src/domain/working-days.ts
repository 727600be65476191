import type { SpecialDay } from '../api/types';

/** The published calendar's special days by date: a holiday is off, a make-up workday is on. */
export type SpecialDays = ReadonlyMap<string, SpecialDay['kind']>;

const dayOfWeek = (date: string) => new Date(`${date}T00:00:00Z`).getUTCDay();

const nextDay = (date: string): string => {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
};

/** Whether the center works on a date: Monday to Friday, unless a holiday; a make-up weekend day is worked. */
export function isWorkingDay(date: string, special: SpecialDays): boolean {
  const kind = special.get(date);
  if (kind === 'holiday') return false;
  if (kind === 'makeup_workday') return true;
  const dow = dayOfWeek(date);
  return dow !== 0 && dow !== 6;
}

/** The date `n` working days after `from` (the server's rule: counting starts the next day). */
export function addWorkingDays(from: string, n: number, special: SpecialDays): string {
  let date = from;
  for (let left = n; left > 0;) {
    date = nextDay(date);
    if (isWorkingDay(date, special)) left--;
  }
  return date;
}
