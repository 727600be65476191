import { localDate } from '../clock/local-time.js';
import { villageSummary } from './presenter.js';
import type { VillageRow } from './repository-villages.js';
import { periodBounds, stateAt } from './periods.js';
import { termOn, termPeriods, upcomingPeriods, type Term } from './terms.js';

export type Published = { id: string; period: string; published_at: string; due_on: string };

/**
 * Every period of a village from its first to today's, newest first, with where each stands. Each
 * period is due under the term it falls in; a published one keeps the due day it was published
 * against.
 */
export function periodsOf(
  terms: readonly Term[],
  published: Published[],
  today: string,
  overdue: Overdue[] = [],
) {
  const byPeriod = new Map(published.map((p) => [p.period, p]));
  const due = new Map(termPeriods(terms, today).map((p) => [p.period, p.dueOn]));
  // Periods published, or found overdue, under an earlier cadence are listed too.
  for (const o of overdue) if (!due.has(o.period)) due.set(o.period, o.due_on);
  for (const p of published) if (!due.has(p.period)) due.set(p.period, p.due_on);
  return [...due.keys()].sort(newestFirst).map((period) => {
    const p = byPeriod.get(period);
    const { start, end } = periodBounds(period);
    const on = p?.due_on ?? due.get(period)!;
    return {
      period,
      start,
      end,
      dueOn: on,
      state: stateAt(end, on, today, p ? localDate(new Date(p.published_at)) : null),
      statementId: p?.id ?? null,
      publishedAt: p?.published_at ?? null,
    };
  });
}

export type Overdue = { period: string; due_on: string };

/** The periods to come under the terms (a scheduled change included), oldest first. */
export const upcomingOf = (terms: readonly Term[], today: string) =>
  upcomingPeriods(terms, today).map(({ period, dueOn }) => ({ ...periodBounds(period), period, dueOn }));

/** The term in force today and the change scheduled after it, if any. */
export function termsNow(terms: readonly Term[], today: string) {
  const now = termOn(terms, today);
  const next = terms.find((t) => t.startsOn > today && t.startsOn > now.startsOn) ?? null;
  return { now, next };
}

export const summaryOf = (
  v: VillageRow,
  terms: readonly Term[],
  today: string,
  periods: ReturnType<typeof periodsOf>,
  dept: string | null,
) =>
  villageSummary(
    v,
    termsNow(terms, today),
    dept,
    periods.filter((p) => p.state === 'overdue').length,
    periods.find((p) => p.statementId !== null)?.period ?? null,
  );

/** Newest first by first day ('2026-11' after '2026-Q3'); a quarter before a month starting with it. */
function newestFirst(a: string, b: string): number {
  const [sa, sb] = [periodBounds(a).start, periodBounds(b).start];
  return sa !== sb ? (sa < sb ? 1 : -1) : a < b ? 1 : -1;
}
