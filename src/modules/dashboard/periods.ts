import { addCalendarDays } from '../clock/calendar/calendar-day.js';

/** The last twelve months as of a day: the day a year back (exclusive) to the day itself. */
export function rollingYear(today: string): { start: string; end: string } {
  const y = Number(today.slice(0, 4)) - 1;
  const md = today.slice(5);
  // 29 February a year back does not exist: the year then starts on 1 March.
  const back = md === '02-29' ? `${y}-02-28` : `${y}-${md}`;
  return { start: addCalendarDays(back, 1), end: today };
}

/** The last quarter that has ended before the day: "2026-Q3", first and last day. */
export function lastEndedQuarter(today: string): { quarter: string; start: string; end: string } {
  let y = Number(today.slice(0, 4));
  let q = Math.floor((Number(today.slice(5, 7)) - 1) / 3); // the current quarter's index 0..3 = the ended one's 1..4
  if (q === 0) {
    y -= 1;
    q = 4;
  }
  const startMonth = (q - 1) * 3 + 1;
  const mm = (n: number) => String(n).padStart(2, '0');
  const lastDay = new Date(Date.UTC(y, startMonth + 2, 0)).getUTCDate();
  return {
    quarter: `${y}-Q${q}`,
    start: `${y}-${mm(startMonth)}-01`,
    end: `${y}-${mm(startMonth + 2)}-${lastDay}`,
  };
}

/** The p-th percentile by nearest rank (p in (0, 100]); null for no values. */
export function percentile(values: readonly number[], p: number): number | null {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/** The median: the middle value, or the mean of the two middle ones. */
export function median(values: readonly number[]): number | null {
  if (!values.length) return null;
  const s = [...values].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}
