/**
 * Entering a year's State Council holiday notice: from the holiday-cn JSON format
 * (github.com/NateScarlet/holiday-cn) or from ranges an administrator types. Both are validated in
 * full and every problem is reported with where it is, in Chinese and English, because a wrong day
 * here silently moves every deadline that crosses it. See domain.md §3.
 */
import {
  MAX_YEAR,
  MIN_YEAR,
  civilFromDays,
  dayOfWeek,
  formatDate,
  parseDate,
  type SpecialDay,
} from './calendar-day.js';

export interface CalendarInputError {
  path: string;
  zh: string;
  en: string;
}

export type ParsedYear = { year: number; days: SpecialDay[] } | { errors: CalendarInputError[] };

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const byDate = (a: SpecialDay, b: SpecialDay): number => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0);

function checkYear(year: unknown, errors: CalendarInputError[]): year is number {
  if (typeof year === 'number' && Number.isInteger(year) && year >= MIN_YEAR + 1 && year <= MAX_YEAR)
    return true;
  errors.push({
    path: 'year',
    zh: `年份必须是 ${MIN_YEAR + 1}–${MAX_YEAR} 之间的整数`,
    en: `year must be a whole number from ${MIN_YEAR + 1} to ${MAX_YEAR}`,
  });
  return false;
}

/**
 * Checks one day of a notice for `year` and returns an error, or null. A notice may reach into late
 * December of the year before (元旦 makeups, e.g. 2018-12-29 in the 2019 notice), so that month is
 * allowed too. An off day on a weekend is normal (the holiday includes the weekend); a makeup workday
 * on a weekday would change nothing and means the notice was misread.
 */
function checkDay(
  n: number,
  date: string,
  isOffDay: boolean,
  year: number,
  path: string,
): CalendarInputError | null {
  const { year: y, month } = civilFromDays(n);
  if (!(y === year || (y === year - 1 && month === 12))) {
    return {
      path,
      zh: `日期 ${date} 不在 ${year} 年内（只允许 ${year} 年及 ${year - 1} 年 12 月）`,
      en: `date ${date} is not in ${year} (only ${year} and December ${year - 1} are allowed)`,
    };
  }
  const w = dayOfWeek(n);
  if (!isOffDay && w !== 0 && w !== 6) {
    return {
      path,
      zh: `调休上班日 ${date} 不是星期六或星期日`,
      en: `makeup workday ${date} is not a Saturday or Sunday`,
    };
  }
  return null;
}

/** Parses a holiday-cn year file: { year, papers: [url…], days: [{ name, date, isOffDay }] }. */
export function parseHolidayCn(json: unknown, source: string): ParsedYear {
  const errors: CalendarInputError[] = [];
  if (!isRecord(json))
    return {
      errors: [{ path: '', zh: '内容必须是一个 JSON 对象', en: 'the content must be a JSON object' }],
    };
  const yearOk = checkYear(json.year, errors);
  const year = yearOk ? (json.year as number) : NaN;
  if (json.papers !== undefined) {
    if (!Array.isArray(json.papers))
      errors.push({
        path: 'papers',
        zh: 'papers 必须是字符串数组',
        en: 'papers must be an array of strings',
      });
    else
      json.papers.forEach((p, i) => {
        if (typeof p !== 'string' || p.trim() === '')
          errors.push({
            path: `papers[${i}]`,
            zh: '通知链接必须是非空字符串',
            en: 'a notice link must be a non-empty string',
          });
      });
  }
  const days: SpecialDay[] = [];
  if (!Array.isArray(json.days)) {
    errors.push({ path: 'days', zh: 'days 必须是数组', en: 'days must be an array' });
  } else if (json.days.length === 0) {
    errors.push({ path: 'days', zh: '没有列出任何日期', en: 'no days are listed' });
  } else {
    const firstSeen = new Map<string, number>();
    json.days.forEach((d: unknown, i) => {
      const at = `days[${i}]`;
      if (!isRecord(d)) {
        errors.push({
          path: at,
          zh: '每一项必须是对象 { name, date, isOffDay }',
          en: 'each entry must be an object { name, date, isOffDay }',
        });
        return;
      }
      const nameOk = typeof d.name === 'string' && d.name.trim() !== '';
      if (!nameOk)
        errors.push({ path: `${at}.name`, zh: '名称不能为空', en: 'name must be a non-empty string' });
      const offOk = typeof d.isOffDay === 'boolean';
      if (!offOk)
        errors.push({
          path: `${at}.isOffDay`,
          zh: 'isOffDay 必须是 true 或 false',
          en: 'isOffDay must be true or false',
        });
      const n = typeof d.date === 'string' ? parseDate(d.date) : null;
      if (n === null) {
        errors.push({
          path: `${at}.date`,
          zh: `日期 ${JSON.stringify(d.date)} 不是有效的 YYYY-MM-DD 日期`,
          en: `date ${JSON.stringify(d.date)} is not a real YYYY-MM-DD date`,
        });
        return;
      }
      const date = d.date as string;
      const dup = firstSeen.get(date);
      if (dup !== undefined) {
        errors.push({
          path: `${at}.date`,
          zh: `日期 ${date} 与 days[${dup}] 重复`,
          en: `date ${date} repeats days[${dup}]`,
        });
        return;
      }
      firstSeen.set(date, i);
      if (yearOk && offOk) {
        const e = checkDay(n, date, d.isOffDay as boolean, year, `${at}.date`);
        if (e) errors.push(e);
        else if (nameOk)
          days.push({
            date,
            kind: d.isOffDay ? 'holiday' : 'makeup_workday',
            name: (d.name as string).trim(),
            source,
          });
      }
    });
  }
  if (errors.length > 0) return { errors };
  return { year, days: days.sort(byDate) };
}

const KIND_WORDS: Record<string, SpecialDay['kind']> = {
  off: 'holiday',
  休: 'holiday',
  work: 'makeup_workday',
  班: 'makeup_workday',
};
/** A range typed by hand spans one holiday; anything longer is a typo (e.g. the wrong month). */
const MAX_RANGE_DAYS = 31;

/**
 * Parses ranges typed by an administrator, one per line: `国庆节 2027-10-01..2027-10-07 off` or
 * `国庆节 2027-10-09 work` (休 / 班 work too). Blank lines and lines starting with # are ignored.
 * Paths are `line N`, counted from 1 as an editor shows them.
 */
export function parseDateRanges(text: string, year: number, source: string): ParsedYear {
  const errors: CalendarInputError[] = [];
  const yearOk = checkYear(year, errors);
  const days: SpecialDay[] = [];
  const firstSeen = new Map<string, number>();
  const lines = typeof text === 'string' ? text.split(/\r?\n/) : [];
  lines.forEach((raw, li) => {
    const path = `line ${li + 1}`;
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    const parts = line.split(/[\s\u3000]+/);
    if (parts.length < 3) {
      errors.push({
        path,
        zh: '格式应为：名称 日期[..日期] off|work',
        en: 'expected: name date[..date] off|work',
      });
      return;
    }
    const kindWord = parts[parts.length - 1]!;
    const kind = KIND_WORDS[kindWord.toLowerCase()];
    const range = parts[parts.length - 2]!;
    const name = parts.slice(0, -2).join(' ');
    if (!kind)
      errors.push({
        path,
        zh: `“${kindWord}”应为 off（休）或 work（班）`,
        en: `"${kindWord}" must be off (休) or work (班)`,
      });
    const [fromText = '', toText = fromText, ...extra] = range.split('..');
    const from = parseDate(fromText);
    const to = parseDate(toText);
    if (extra.length > 0 || from === null || to === null) {
      errors.push({
        path,
        zh: `“${range}”不是有效的日期或日期范围（YYYY-MM-DD 或 YYYY-MM-DD..YYYY-MM-DD）`,
        en: `"${range}" is not a real date or date range (YYYY-MM-DD or YYYY-MM-DD..YYYY-MM-DD)`,
      });
      return;
    }
    if (to < from) {
      errors.push({
        path,
        zh: `范围 ${range} 的结束日期早于开始日期`,
        en: `range ${range} ends before it starts`,
      });
      return;
    }
    if (to - from + 1 > MAX_RANGE_DAYS) {
      errors.push({
        path,
        zh: `范围 ${range} 超过 ${MAX_RANGE_DAYS} 天`,
        en: `range ${range} is longer than ${MAX_RANGE_DAYS} days`,
      });
      return;
    }
    if (!kind || !yearOk) return;
    for (let n = from; n <= to; n++) {
      const date = formatDate(n);
      const dup = firstSeen.get(date);
      if (dup !== undefined) {
        errors.push({
          path,
          zh: `日期 ${date} 与第 ${dup + 1} 行重复`,
          en: `date ${date} repeats line ${dup + 1}`,
        });
        continue;
      }
      firstSeen.set(date, li);
      const e = checkDay(n, date, kind === 'holiday', year, path);
      if (e) errors.push(e);
      else days.push({ date, kind, name, source });
    }
  });
  if (errors.length === 0 && days.length === 0)
    errors.push({ path: 'line 1', zh: '没有输入任何日期', en: 'no days were entered' });
  if (errors.length > 0) return { errors };
  return { year, days: days.sort(byDate) };
}

/** What a new notice changes for a year: compared by date; a change of source alone is not a change. */
export function diffYear(
  oldDays: readonly SpecialDay[],
  newDays: readonly SpecialDay[],
): {
  added: SpecialDay[];
  removed: SpecialDay[];
  changed: { before: SpecialDay; after: SpecialDay }[];
} {
  const before = new Map(oldDays.map((d) => [d.date, d]));
  const after = new Map(newDays.map((d) => [d.date, d]));
  const added: SpecialDay[] = [];
  const removed: SpecialDay[] = [];
  const changed: { before: SpecialDay; after: SpecialDay }[] = [];
  for (const [date, a] of after) {
    const b = before.get(date);
    if (!b) added.push(a);
    else if (b.kind !== a.kind || b.name !== a.name) changed.push({ before: b, after: a });
  }
  for (const [date, b] of before) if (!after.has(date)) removed.push(b);
  added.sort(byDate);
  removed.sort(byDate);
  changed.sort((x, y) => byDate(x.after, y.after));
  return { added, removed, changed };
}
