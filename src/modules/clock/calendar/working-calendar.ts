/**
 * Working-day arithmetic for time limits (限时办结), domain.md §3. Saturdays and Sundays are off,
 * statutory holidays are off, makeup workdays (调休) count. Counting follows Civil Code Art. 201/203:
 * the starting day is not counted, and a period never ends on a non-working day.
 *
 * Every question is answered from two precomputed arrays, so a query costs a few array reads no matter
 * how long the limit is: `cum[i]` = working days on or before day i of the range, and `ordinal[k]` =
 * the day index of the (k+1)-th working day. Deadlines are computed for every open case on every
 * supervision sweep and re-projected whenever a year's notice is corrected, hence the care.
 */
import {
  MAX_YEAR,
  MIN_YEAR,
  civilFromDays,
  daysFromCivil,
  formatDate,
  isWeekend,
  parseDate,
  type SpecialDay,
  type YearStatus,
} from './calendar-day.js';

/** Ten years of working days: longer than any statutory limit; a bigger n is a unit mix-up upstream. */
export const MAX_WORKING_DAYS = 3650;

export interface SkippedHoliday {
  name: string;
  from: string;
  to: string;
  /** Calendar days in the run (inside the explained window). */
  days: number;
}

export interface DeadlineExplanation {
  due: string;
  /** Some day the count relied on lies in a year without a confirmed notice. */
  provisional: boolean;
  skipped: SkippedHoliday[];
  makeupWorkdays: { date: string; name: string }[];
}

export class WorkingCalendar {
  readonly fromYear: number;
  readonly toYear: number;
  readonly first: string;
  readonly last: string;
  private readonly base: number; // day number of `first`
  private readonly length: number;
  private readonly work: Uint8Array;
  private readonly cum: Int32Array;
  private readonly ordinal: Int32Array;
  private readonly total: number;
  /** monthStart[(y - fromYear) * 12 + (m - 1)] = index of the first day of that month; one extra entry at the end. */
  private readonly monthStart: Int32Array;
  private readonly strings: string[];
  private readonly confirmed: ReadonlySet<number>;
  /** Special days inside the range, sorted by index, for explain(). */
  private readonly specialIdx: Int32Array;
  private readonly specialDays: SpecialDay[];

  constructor(
    specialDays: readonly SpecialDay[],
    years: readonly YearStatus[],
    range: { from: number; to: number },
  ) {
    const { from, to } = range;
    if (!Number.isInteger(from) || !Number.isInteger(to) || from < MIN_YEAR || to > MAX_YEAR || from > to) {
      throw new RangeError(
        `WorkingCalendar: range must be whole years within ${MIN_YEAR}–${MAX_YEAR}, from ≤ to; got ${from}..${to}`,
      );
    }
    this.fromYear = from;
    this.toYear = to;
    this.base = daysFromCivil(from, 1, 1);
    this.length = daysFromCivil(to + 1, 1, 1) - this.base;
    this.first = `${from}-01-01`;
    this.last = `${to}-12-31`;

    const confirmed = new Set<number>();
    const seenYears = new Set<number>();
    for (const ys of years) {
      if (!Number.isInteger(ys.year))
        throw new RangeError(`WorkingCalendar: year status for a non-integer year ${ys.year}`);
      if (seenYears.has(ys.year)) throw new RangeError(`WorkingCalendar: year ${ys.year} is listed twice`);
      seenYears.add(ys.year);
      if (ys.confirmed) confirmed.add(ys.year);
    }
    this.confirmed = confirmed;

    this.monthStart = new Int32Array((to - from + 1) * 12 + 1);
    let k = 0;
    for (let y = from; y <= to; y++)
      for (let m = 1; m <= 12; m++) this.monthStart[k++] = daysFromCivil(y, m, 1) - this.base;
    this.monthStart[k] = this.length;

    const work = new Uint8Array(this.length);
    this.strings = new Array<string>(this.length);
    for (let i = 0; i < this.length; i++) {
      work[i] = isWeekend(this.base + i) ? 0 : 1;
      this.strings[i] = formatDate(this.base + i);
    }

    // Conflicting or meaningless entries mean the calendar data is wrong; refuse rather than pick one.
    const byIndex = new Map<number, SpecialDay>();
    for (const sd of specialDays) {
      const n = parseDate(sd.date);
      if (n === null)
        throw new RangeError(`WorkingCalendar: special day has an invalid date ${JSON.stringify(sd.date)}`);
      if (sd.kind !== 'holiday' && sd.kind !== 'makeup_workday')
        throw new RangeError(`WorkingCalendar: ${sd.date} has an unknown kind ${JSON.stringify(sd.kind)}`);
      if (sd.kind === 'makeup_workday' && !isWeekend(n))
        throw new RangeError(
          `WorkingCalendar: makeup workday ${sd.date} (${sd.name}) is not a Saturday or Sunday`,
        );
      const i = n - this.base;
      if (i < 0 || i >= this.length) continue; // cannot affect any answer this calendar gives
      const prev = byIndex.get(i);
      if (prev)
        throw new RangeError(
          `WorkingCalendar: ${sd.date} is given twice (${prev.kind} ${prev.name} from ${prev.source}; ${sd.kind} ${sd.name} from ${sd.source})`,
        );
      byIndex.set(i, sd);
      work[i] = sd.kind === 'holiday' ? 0 : 1;
    }
    const sorted = [...byIndex.keys()].sort((a, b) => a - b);
    this.specialIdx = Int32Array.from(sorted);
    this.specialDays = sorted.map((i) => byIndex.get(i)!);

    this.work = work;
    this.cum = new Int32Array(this.length);
    let c = 0;
    for (let i = 0; i < this.length; i++) {
      c += work[i]!;
      this.cum[i] = c;
    }
    this.total = c;
    this.ordinal = new Int32Array(c);
    for (let i = 0, o = 0; i < this.length; i++) if (work[i]) this.ordinal[o++] = i;
  }

  /** Index of a date in the range. charCodeAt arithmetic: this is the hot path of every query. */
  private index(s: string, op: string): number {
    if (typeof s === 'string' && s.length === 10 && s.charCodeAt(4) === 45 && s.charCodeAt(7) === 45) {
      const y =
        (s.charCodeAt(0) - 48) * 1000 +
        (s.charCodeAt(1) - 48) * 100 +
        (s.charCodeAt(2) - 48) * 10 +
        (s.charCodeAt(3) - 48);
      const m = (s.charCodeAt(5) - 48) * 10 + (s.charCodeAt(6) - 48);
      const d = (s.charCodeAt(8) - 48) * 10 + (s.charCodeAt(9) - 48);
      const mi = (y - this.fromYear) * 12 + m - 1;
      // The arithmetic accepts non-digits that happen to sum right (e.g. '2026-0:-01'); the final
      // string comparison rejects them and costs one compare of interned-length strings.
      if (m >= 1 && m <= 12 && mi >= 0 && mi < this.monthStart.length - 1) {
        const start = this.monthStart[mi]!;
        if (d >= 1 && d <= this.monthStart[mi + 1]! - start) {
          const i = start + d - 1;
          if (this.strings[i] === s) return i;
        }
      }
    }
    return this.indexFailure(s, op);
  }

  private indexFailure(s: string, op: string): never {
    const n = typeof s === 'string' ? parseDate(s) : null;
    if (n === null) throw new RangeError(`${op}: not a real date in YYYY-MM-DD form: ${JSON.stringify(s)}`);
    throw new RangeError(`${op}: ${s} is outside the working calendar (${this.first} to ${this.last})`);
  }

  private checkN(n: number, op: string): void {
    if (!(Number.isInteger(n) && n >= 0 && n <= MAX_WORKING_DAYS)) {
      throw new RangeError(
        `${op}: the number of working days must be a whole number from 0 to ${MAX_WORKING_DAYS}, got ${n}`,
      );
    }
  }

  private dueIndex(i: number, n: number, start: string, op: string): number {
    // 0-based ordinal of the due day: n = 0 is the start day itself if it works, else the next working
    // day; n ≥ 1 is the n-th working day strictly after the start day.
    const target = n === 0 ? this.cum[i]! - this.work[i]! : this.cum[i]! + n - 1;
    if (target >= this.total) {
      throw new RangeError(
        `${op}: ${start} + ${n} working days runs past the end of the working calendar (${this.last})`,
      );
    }
    return this.ordinal[target]!;
  }

  isWorkingDay(date: string): boolean {
    return this.work[this.index(date, 'isWorkingDay')] === 1;
  }

  /**
   * The date of the n-th working day after `start` (the starting day is not counted). n = 0 is a 即办件:
   * `start` itself if it is a working day, otherwise the next working day. Always a working day.
   */
  addWorkingDays(start: string, n: number): string {
    this.checkN(n, 'addWorkingDays');
    return this.strings[this.dueIndex(this.index(start, 'addWorkingDays'), n, start, 'addWorkingDays')]!;
  }

  /** Working days in (a, b]; negative (minus the working days in (b, a]) when b is before a. */
  workingDaysBetween(a: string, b: string): number {
    return this.cum[this.index(b, 'workingDaysBetween')]! - this.cum[this.index(a, 'workingDaysBetween')]!;
  }

  /** The first working day strictly after `date` (equal to addWorkingDays(date, 1)). */
  nextWorkingDay(date: string): string {
    return this.addWorkingDays(date, 1);
  }

  isConfirmedYear(year: number): boolean {
    return this.confirmed.has(year);
  }

  /**
   * The date's year has no confirmed notice, so the plain Mon–Fri rule stands in for it. Works for any
   * valid date, inside the range or not. (Note: a notice can also move late-December days of the year
   * before it, e.g. 2018-12-29/30/31 by the 2019 notice; those are not flagged here.)
   */
  isProvisional(date: string): boolean {
    const n = parseDate(date);
    if (n === null)
      throw new RangeError(`isProvisional: not a real date in YYYY-MM-DD form: ${JSON.stringify(date)}`);
    return !this.confirmed.has(civilFromDays(n).year);
  }

  /** Unconfirmed years from the earlier date's year to the later date's year, ascending. */
  provisionalYearsBetween(a: string, b: string): number[] {
    const na = parseDate(a);
    const nb = parseDate(b);
    if (na === null || nb === null)
      throw new RangeError(
        `provisionalYearsBetween: not a real date in YYYY-MM-DD form: ${JSON.stringify(na === null ? a : b)}`,
      );
    const ya = civilFromDays(Math.min(na, nb)).year;
    const yb = civilFromDays(Math.max(na, nb)).year;
    const out: number[] = [];
    for (let y = ya; y <= yb; y++) if (!this.confirmed.has(y)) out.push(y);
    return out;
  }

  /**
   * Why the deadline falls where it does: the holidays skipped and the makeup workdays counted between
   * the start and the due date. The window is (start, due] — the start day is not counted — except for
   * n = 0, where the start day itself is the one being judged, so the window is [start, due].
   */
  explain(start: string, n: number): DeadlineExplanation {
    this.checkN(n, 'explain');
    const si = this.index(start, 'explain');
    const di = this.dueIndex(si, n, start, 'explain');
    const lo = n === 0 ? si : si + 1;
    const skipped: SkippedHoliday[] = [];
    const makeupWorkdays: { date: string; name: string }[] = [];
    // Consecutive holidays with the same name form one run ("国庆节 10-01..10-07"); a different name
    // or a gap starts a new one, so 2025's 国庆节 / 中秋 / 国庆节 reads as the notice does.
    let runName = '';
    let runFrom = -1;
    let runTo = -1;
    for (
      let k = lowerBound(this.specialIdx, lo);
      k < this.specialIdx.length && this.specialIdx[k]! <= di;
      k++
    ) {
      const i = this.specialIdx[k]!;
      const sd = this.specialDays[k]!;
      if (sd.kind === 'makeup_workday') {
        makeupWorkdays.push({ date: sd.date, name: sd.name });
      } else if (runFrom >= 0 && runName === sd.name && runTo === i - 1) {
        runTo = i;
      } else {
        if (runFrom >= 0) skipped.push(this.run(runName, runFrom, runTo));
        runName = sd.name;
        runFrom = runTo = i;
      }
    }
    if (runFrom >= 0) skipped.push(this.run(runName, runFrom, runTo));
    return {
      due: this.strings[di]!,
      provisional: this.provisionalYearsBetween(start, this.strings[di]!).length > 0,
      skipped,
      makeupWorkdays,
    };
  }

  private run(name: string, fromI: number, toI: number): SkippedHoliday {
    return { name, from: this.strings[fromI]!, to: this.strings[toI]!, days: toI - fromI + 1 };
  }
}

function lowerBound(a: Int32Array, x: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (a[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
