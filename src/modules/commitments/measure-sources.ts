import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { WorkingCalendar } from '../clock/calendar/working-calendar.js';
import { addCalendarDays } from '../clock/calendar/calendar-day.js';
import { endOfLocalDay, localDate } from '../clock/local-time.js';
import { round1, type Figure, type Measure } from './measures.js';
import { departmentSatisfaction } from '../ratings/rating-reads.js';
import { departmentVisits } from '../hall/hall-reads.js';

export interface MeasureQuery {
  departmentId: string;
  /** first and last day of the period, inclusive */
  start: string;
  end: string;
}

/**
 * Where a measure's figure comes from. null means there is no data: no record in the period.
 */
export type MeasureSource = (
  db: Kysely<Database>,
  cal: WorkingCalendar,
  q: MeasureQuery,
) => Promise<Figure | null>;
export type MeasureSources = Record<Measure, MeasureSource>;

/** Whose decided cases: a department's (the cases it leads) or one item's (cases of that item alone). */
export type CaseScope = ({ departmentId: string } | { itemId: string }) & { start: string; end: string };

/** Case clocks stopped by a decision within the period (withdrawals left out). */
async function decidedCaseClocks(db: Kysely<Database>, q: CaseScope) {
  let sel = db
    .selectFrom('clocks')
    .select(['start_date', 'stopped_at', 'overdue_at', 'paused_days'])
    .where('subject_type', '=', 'case')
    .where('status', '=', 'stopped')
    .where('outcome', 'not in', ['withdrawn'])
    .where('stopped_at', '>=', periodInstants(q).from)
    .where('stopped_at', '<', periodInstants(q).to);
  sel = 'itemId' in q ? sel.where('item_id', '=', q.itemId) : sel.where('department_id', '=', q.departmentId);
  return sel.execute();
}

/** The period as instants: from the first day's local midnight to the last day's end. */
export const periodInstants = (q: { start: string; end: string }) => ({
  from: endOfLocalDay(addCalendarDays(q.start, -1)),
  to: endOfLocalDay(q.end),
});

const iso = (v: string | Date | null) => (v instanceof Date ? v.toISOString() : v);

/**
 * Each case decided in the period: the working days it took (from acceptance, pauses left out)
 * and whether it finished within its limit. The one definition behind the on-time rate, the
 * average working days and every other figure over decided cases (an item's median, its p90).
 */
export async function decidedCases(
  db: Kysely<Database>,
  cal: WorkingCalendar,
  q: CaseScope,
): Promise<{ days: number; onTime: boolean }[]> {
  return (await decidedCaseClocks(db, q)).map((r) => ({
    days: Math.max(
      0,
      cal.workingDaysBetween(r.start_date, localDate(new Date(iso(r.stopped_at)!))) - r.paused_days,
    ),
    onTime: iso(r.stopped_at)! <= iso(r.overdue_at)!,
  }));
}

const onTimeRate: MeasureSource = async (db, cal, q) => {
  const rows = await decidedCases(db, cal, q);
  if (!rows.length) return null;
  const onTime = rows.filter((r) => r.onTime).length;
  return { value: round1((onTime / rows.length) * 100), sample: rows.length };
};

const averageWorkingDays: MeasureSource = async (db, cal, q) => {
  const rows = await decidedCases(db, cal, q);
  if (!rows.length) return null;
  return { value: round1(rows.reduce((s, r) => s + r.days, 0) / rows.length), sample: rows.length };
};

/** Tickets dispatched to the department that were created in the period, and how many it answered. */
const complaintReplyRate: MeasureSource = async (db, _cal, q) => {
  const rows = await db
    .selectFrom('complaints')
    .select(['replied_at'])
    .where('assigned_department_id', '=', q.departmentId)
    .where('state', 'in', ['dispatched', 'returned', 'replied', 'closed'])
    .where('created_at', '>=', periodInstants(q).from)
    .where('created_at', '<', periodInstants(q).to)
    .execute();
  if (!rows.length) return null;
  const replied = rows.filter((r) => r.replied_at !== null).length;
  return { value: round1((replied / rows.length) * 100), sample: rows.length };
};

/** Satisfaction as the ratings module publishes it (基本满意 or better), in percent. */
const satisfaction: MeasureSource = async (db, _cal, q) => {
  const { from, to } = periodInstants(q);
  const s = await departmentSatisfaction(db, q.departmentId, { fromIso: from, toIso: to });
  return s ? { value: round1(s.rate * 100), sample: s.ratings } : null;
};

/** Visits to the hall per case the department leads, over the cases visited in the period. */
const visitsPerCase: MeasureSource = async (db, _cal, q) => {
  const { from, to } = periodInstants(q);
  const v = await departmentVisits(db, q.departmentId, { fromIso: from, toIso: to });
  return v.cases ? { value: round1(v.visits / v.cases), sample: v.cases } : null;
};

export const MEASURE_SOURCES: MeasureSources = {
  on_time_rate: onTimeRate,
  avg_working_days: averageWorkingDays,
  complaint_reply_rate: complaintReplyRate,
  satisfaction,
  visits_per_case: visitsPerCase,
};
