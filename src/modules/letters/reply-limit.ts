import type { WorkingCalendar } from '../clock/calendar/working-calendar.js';
import type { LettersConfig } from '../../config/letters-config.js';
import type { LetterKind, ReplyLimit } from './letter-kinds.js';

export interface ReplyTerms {
  /** The day the period runs from (not itself counted, Civil Code Art. 201). */
  startDate: string;
  limitDays: number;
  basis: string;
}

/**
 * The day n months after `date` (Civil Code Art. 202): the same day of that month, or its last day
 * when the month has no such day (31 January + 1 month = 28 or 29 February).
 */
export function addMonths(date: string, n: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const first = new Date(Date.UTC(y, m - 1 + n, 1));
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  first.setUTCDate(Math.min(d, last));
  return first.toISOString().slice(0, 10);
}

/**
 * The working days from `start` to the end of a period of months: the last day itself, or the next
 * working day when it is not one (Art. 203), so the clock's due date is exactly the legal one.
 */
export function monthsAsWorkingDays(cal: WorkingCalendar, start: string, months: number): number {
  const end = addMonths(start, months);
  return cal.workingDaysBetween(start, end) + (cal.isWorkingDay(end) ? 0 : 1);
}

/**
 * A letter's reply terms when it is assigned. Working-day limits run from the day the letter came in
 * (the sender has waited since); month limits run from the assignment (交办) as their rules say. A
 * limit given at assignment replaces the kind's, counted the same way.
 */
export function replyTerms(
  cal: WorkingCalendar,
  config: LettersConfig,
  letter: { kind: string; receivedDate: string },
  today: string,
  givenDays?: number,
): ReplyTerms {
  const limit: ReplyLimit = config.replyLimits[letter.kind as LetterKind] ?? {
    unit: 'working_days',
    n: 15,
  };
  if (limit.unit === 'months') {
    return {
      startDate: today,
      limitDays: givenDays ?? monthsAsWorkingDays(cal, today, limit.n),
      basis: givenDays
        ? `交办时确定的答复期限：${givenDays}个工作日`
        : `自交办之日起${limit.n}个月内答复（人大代表建议、政协提案办理规定）`,
    };
  }
  const days = givenDays ?? limit.n;
  return {
    startDate: letter.receivedDate,
    limitDays: days,
    basis: `来函必复：自收到来函之日起${days}个工作日内答复`,
  };
}
