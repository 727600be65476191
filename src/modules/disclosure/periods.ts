/**
 * Disclosure periods of a village (村务财务公开, Organic Law of Villagers' Committees Art. 30):
 * quarterly by default, monthly where transactions are many. A period is due a set number of
 * calendar days after it ends. Pure: dates are 'YYYY-MM-DD' strings, periods 'YYYY-Qn' or 'YYYY-MM'.
 */
export const CADENCES = ['quarterly', 'monthly'] as const;
export type Cadence = (typeof CADENCES)[number];
export const DEFAULT_CADENCE: Cadence = 'quarterly';
/** Days after the period's end by which it must be disclosed (e.g. by the 10th of the next month). */
export const DEFAULT_DUE_DAYS = 10;

const pad = (n: number) => String(n).padStart(2, '0');
const ymd = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`;
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The period a date falls in. */
export function periodOf(cadence: Cadence, date: string): string {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7));
  return cadence === 'monthly' ? `${y}-${pad(m)}` : `${y}-Q${Math.ceil(m / 3)}`;
}

export function isPeriod(cadence: Cadence, period: string): boolean {
  return cadence === 'monthly' ? /^\d{4}-(0[1-9]|1[0-2])$/.test(period) : /^\d{4}-Q[1-4]$/.test(period);
}

/** First and last day of a period. */
export function periodBounds(period: string): { start: string; end: string } {
  const y = Number(period.slice(0, 4));
  const q = /-Q([1-4])$/.exec(period);
  const first = q ? (Number(q[1]) - 1) * 3 + 1 : Number(period.slice(5, 7));
  const last = q ? first + 2 : first;
  return { start: ymd(y, first, 1), end: ymd(y, last, lastDay(y, last)) };
}

export const dueOn = (period: string, dueDays: number) => addDays(periodBounds(period).end, dueDays);

/** The period after this one. */
export function nextPeriod(cadence: Cadence, period: string): string {
  return periodOf(cadence, addDays(periodBounds(period).end, 1));
}

/** Every period from the one holding `from` to the one holding `to`, in order. */
export function periodsBetween(cadence: Cadence, from: string, to: string): string[] {
  if (to < from) return [];
  const out: string[] = [];
  const last = periodOf(cadence, to);
  for (let p = periodOf(cadence, from); ; p = nextPeriod(cadence, p)) {
    out.push(p);
    if (p === last) return out;
  }
}

export type PeriodState = 'disclosed' | 'disclosed_late' | 'overdue' | 'awaiting' | 'current';

/**
 * Where a period stands on a day: disclosed (on time or late, by the day it was published), overdue
 * (its due day has passed, nothing published), awaiting (ended, still within its days) or current.
 */
export function periodState(
  period: string,
  dueDays: number,
  today: string,
  publishedOn: string | null,
): PeriodState {
  return stateAt(periodBounds(period).end, dueOn(period, dueDays), today, publishedOn);
}

/** The same, for a period ending on `end` and due on `due` (as its term or its statement says). */
export function stateAt(end: string, due: string, today: string, publishedOn: string | null): PeriodState {
  if (publishedOn) return publishedOn <= due ? 'disclosed' : 'disclosed_late';
  if (today > due) return 'overdue';
  return today > end ? 'awaiting' : 'current';
}

/** The periods of a village overdue on a day: due passed and nothing published. */
export function overduePeriods(
  v: { cadence: Cadence; dueDays: number; discloseFrom: string },
  today: string,
  published: ReadonlySet<string>,
): { period: string; dueOn: string }[] {
  return periodsBetween(v.cadence, v.discloseFrom, today)
    .filter((p) => !published.has(p) && today > dueOn(p, v.dueDays))
    .map((p) => ({ period: p, dueOn: dueOn(p, v.dueDays) }));
}
