import { localDate } from '../clock/local-time.js';
import { villageSummary } from './presenter.js';
import type { VillageRow } from './repository-villages.js';
import { dueOn, periodBounds, periodsBetween, periodState, type Cadence } from './periods.js';

export type Published = { id: string; period: string; published_at: string };

/** Every period of a village from its first to today's, newest first, with where each stands. */
export function periodsOf(v: VillageRow, published: Published[], today: string, overdue: string[] = []) {
  const byPeriod = new Map(published.map((p) => [p.period, p]));
  const expected = periodsBetween(v.cadence as Cadence, v.disclose_from, today);
  // Periods published, or found overdue, under an earlier cadence are listed too.
  const all = [...new Set([...expected, ...published.map((p) => p.period), ...overdue])].sort(newestFirst);
  return all.map((period) => {
    const p = byPeriod.get(period);
    const { start, end } = periodBounds(period);
    return {
      period,
      start,
      end,
      dueOn: dueOn(period, v.due_days),
      state: periodState(period, v.due_days, today, p ? localDate(new Date(p.published_at)) : null),
      statementId: p?.id ?? null,
      publishedAt: p?.published_at ?? null,
    };
  });
}

export const summaryOf = (v: VillageRow, periods: ReturnType<typeof periodsOf>, dept: string | null) =>
  villageSummary(
    v,
    dept,
    periods.filter((p) => p.state === 'overdue').length,
    periods.find((p) => p.statementId !== null)?.period ?? null,
  );

/** Newest first by first day ('2026-11' after '2026-Q3'); a quarter before a month starting with it. */
function newestFirst(a: string, b: string): number {
  const [sa, sb] = [periodBounds(a).start, periodBounds(b).start];
  return sa !== sb ? (sa < sb ? 1 : -1) : a < b ? 1 : -1;
}
