/**
 * Calendar days as 'YYYY-MM-DD' strings and as UTC day numbers (1970-01-01 = 0). Time limits are
 * counted in whole days in China Standard Time, so a date never needs a time of day or a time zone;
 * plain integers avoid Date objects (and their local-time pitfalls) entirely. See domain.md §3.
 */

/** Only days that differ from the plain rule (Mon–Fri work, Sat/Sun off). */
export type DayKind = 'holiday' | 'makeup_workday';

export interface SpecialDay {
  /** YYYY-MM-DD */
  date: string;
  kind: DayKind;
  /** The holiday's name as the notice writes it, e.g. 国庆节. */
  name: string;
  /** Where the day comes from, e.g. '国办发明电〔2025〕7号' or 'chinese-days'. */
  source: string;
}

/** A year with no confirmed State Council notice is provisional: it follows the plain rule until one is entered. */
export interface YearStatus {
  year: number;
  confirmed: boolean;
}

export const MIN_YEAR = 1900;
export const MAX_YEAR = 2200;

/** Day number of a proleptic Gregorian date (Howard Hinnant's days_from_civil). */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export function civilFromDays(n: number): { year: number; month: number; day: number } {
  const z = n + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

export function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

export function daysInMonth(y: number, m: number): number {
  if (m === 2) return isLeapYear(y) ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

function digit(s: string, i: number): number {
  const c = s.charCodeAt(i) - 48;
  return c >= 0 && c <= 9 ? c : -1000; // poisons the sum so a non-digit can never pass the range checks
}

/**
 * Day number of a strict 'YYYY-MM-DD' (zero-padded, a real date, year 1900–2200), or null.
 * Strict on purpose: '2026-2-3' or '2026-02-30' in a deadline is a bug upstream, not a date to guess.
 */
export function parseDate(s: string): number | null {
  if (typeof s !== 'string' || s.length !== 10 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45)
    return null;
  const y = digit(s, 0) * 1000 + digit(s, 1) * 100 + digit(s, 2) * 10 + digit(s, 3);
  const m = digit(s, 5) * 10 + digit(s, 6);
  const d = digit(s, 8) * 10 + digit(s, 9);
  if (y < MIN_YEAR || y > MAX_YEAR || m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return null;
  return daysFromCivil(y, m, d);
}

export function isDateString(s: unknown): s is string {
  return typeof s === 'string' && parseDate(s) !== null;
}

/** Like parseDate, but for dates that must already be valid (internal data, not user input). */
export function toDayNumber(s: string): number {
  const n = parseDate(s);
  if (n === null)
    throw new RangeError(
      `not a date in YYYY-MM-DD form (years ${MIN_YEAR}–${MAX_YEAR}): ${JSON.stringify(s)}`,
    );
  return n;
}

const pad2 = (n: number): string => (n < 10 ? '0' : '') + n;

export function formatDate(n: number): string {
  const { year, month, day } = civilFromDays(n);
  return `${String(year).padStart(4, '0')}-${pad2(month)}-${pad2(day)}`;
}

/** 0 = Sunday … 6 = Saturday, as Date#getUTCDay. 1970-01-01 was a Thursday. */
export function dayOfWeek(n: number): number {
  return (((n + 4) % 7) + 7) % 7;
}

export function isWeekend(n: number): boolean {
  const w = dayOfWeek(n);
  return w === 0 || w === 6;
}

export function yearOf(date: string): number {
  return civilFromDays(toDayNumber(date)).year;
}

export function addCalendarDays(date: string, n: number): string {
  if (!Number.isInteger(n)) throw new RangeError(`addCalendarDays: n must be an integer, got ${n}`);
  const out = toDayNumber(date) + n;
  const { year } = civilFromDays(out);
  if (year < MIN_YEAR || year > MAX_YEAR)
    throw new RangeError(`addCalendarDays: ${date} + ${n} days leaves years ${MIN_YEAR}–${MAX_YEAR}`);
  return formatDate(out);
}
