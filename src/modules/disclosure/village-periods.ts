import { localDate } from '../clock/local-time.js';
import { villageSummary } from './presenter.js';
import type { VillageRow } from './repository-villages.js';
import { dueOn, periodBounds, periodsBetween, periodState, type Cadence } from './periods.js';

export type Published = { id: string; period: string; published_at: string };

/** Every period of a village from its first to today's, newest first, with where each stands. */
export function periodsOf(v: VillageRow, published: Published[], today: string) {
  const byPeriod = new Map(published.map((p) => [p.period, p]));
  const expected = periodsBetween(v.cadence as Cadence, v.disclose_from, today);
  // Periods published under an earlier cadence are listed too.
  const all = [...new Set([...expected, ...published.map((p) => p.period)])].sort().reverse();
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
