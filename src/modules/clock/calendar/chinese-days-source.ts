/**
 * The bundled calendar: the chinese-days package's JSON (holidays and weekend makeup workdays from the
 * State Council's annual notices, 2004 on). The package itself treats any year it does not cover as
 * plain weekends; we do not: only the years it actually covers are reported as confirmed, so the
 * calendar flags a deadline that reaches past them as provisional.
 */
import { createRequire } from 'node:module';
import { civilFromDays, parseDate, type SpecialDay, type YearStatus } from './calendar-day.js';

export const CHINESE_DAYS_SOURCE = 'chinese-days';
/** The first year the package covers (the 2004 notice). */
export const CHINESE_DAYS_FIRST_YEAR = 2004;

interface ChineseDaysJson {
  holidays: Record<string, string>;
  workdays: Record<string, string>;
}

/** Exported for tests; loadChineseDays() is the normal entry. Throws on anything unexpected in the file. */
export function fromChineseDaysJson(json: unknown): { specialDays: SpecialDay[]; years: YearStatus[] } {
  const data = json as Partial<ChineseDaysJson> | null;
  if (
    !data ||
    typeof data.holidays !== 'object' ||
    typeof data.workdays !== 'object' ||
    !data.holidays ||
    !data.workdays
  ) {
    throw new Error('chinese-days.json: expected { holidays, workdays } objects');
  }
  const specialDays: SpecialDay[] = [];
  let lastYear = CHINESE_DAYS_FIRST_YEAR;
  const add = (map: Record<string, string>, kind: SpecialDay['kind']): void => {
    for (const [date, value] of Object.entries(map)) {
      const n = parseDate(date);
      // Values look like "National Day,国庆节,3": English name, Chinese name, days of leave.
      const name = typeof value === 'string' ? value.split(',')[1]?.trim() : undefined;
      if (n === null || !name)
        throw new Error(
          `chinese-days.json: unexpected ${kind} entry ${JSON.stringify(date)}: ${JSON.stringify(value)}`,
        );
      lastYear = Math.max(lastYear, civilFromDays(n).year);
      specialDays.push({ date, kind, name, source: CHINESE_DAYS_SOURCE });
    }
  };
  add(data.holidays, 'holiday');
  add(data.workdays, 'makeup_workday');
  specialDays.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const years: YearStatus[] = [];
  for (let y = CHINESE_DAYS_FIRST_YEAR; y <= lastYear; y++) years.push({ year: y, confirmed: true });
  return { specialDays, years };
}

export function loadChineseDays(): { specialDays: SpecialDay[]; years: YearStatus[] } {
  const require = createRequire(import.meta.url);
  return fromChineseDaysJson(require('chinese-days/dist/chinese-days.json'));
}
