import {
  addDays,
  dueOn,
  isPeriod,
  nextPeriod,
  periodBounds,
  periodOf,
  periodsBetween,
  type Cadence,
} from './periods.js';

/**
 * A village's terms: the cadence and due days in force from a day on, until the next term starts.
 * Registration sets the first; a change of cadence adds one from a period that has not ended, so a
 * period that has ended keeps the due day it had. Pure: terms are sorted by `startsOn`.
 */
export interface Term {
  startsOn: string;
  cadence: Cadence;
  dueDays: number;
}

/** The first day of the village's first period. */
const firstDay = (terms: readonly Term[]) =>
  periodBounds(periodOf(terms[0]!.cadence, terms[0]!.startsOn)).start;

/** The term in force on a day: the last one started by then (the first, for a day before any). */
export function termOn(terms: readonly Term[], day: string): Term {
  let found = terms[0]!;
  for (const t of terms) if (t.startsOn <= day) found = t;
  return found;
}

/** Every period from the first term's start to the one holding `to`, each due under its own term. */
export function termPeriods(terms: readonly Term[], to: string): { period: string; dueOn: string }[] {
  const out: { period: string; dueOn: string }[] = [];
  terms.forEach((t, i) => {
    const next = terms[i + 1];
    const last = next && addDays(next.startsOn, -1) < to ? addDays(next.startsOn, -1) : to;
    for (const period of periodsBetween(t.cadence, t.startsOn, last))
      out.push({ period, dueOn: dueOn(period, t.dueDays) });
  });
  return out;
}

/** The periods starting after `today` and within `days` of it, under the terms (scheduled changes included). */
export function upcomingPeriods(terms: readonly Term[], today: string, days = 183) {
  const start = (p: string) => periodBounds(p).start;
  return termPeriods(terms, addDays(today, days)).filter((p) => start(p.period) > today);
}

export type StartRefusal = 'not_a_period' | 'before_first' | 'not_a_boundary' | 'ended';

/**
 * Why a change to `cadence` may not apply from `fromPeriod`, or null when it may: the period must be
 * of the new cadence, not before the village's first, start where a period of the terms ends (no
 * day left uncovered or counted twice), and neither it nor the period it replaces may have ended.
 */
export function refuseStart(terms: readonly Term[], cadence: Cadence, fromPeriod: string, today: string) {
  if (!isPeriod(cadence, fromPeriod)) return 'not_a_period' as const;
  const { start, end } = periodBounds(fromPeriod);
  const first = firstDay(terms);
  if (start < first) return 'before_first' as const;
  if (start > first) {
    const before = termOn(terms, addDays(start, -1));
    if (periodBounds(periodOf(before.cadence, start)).start !== start) return 'not_a_boundary' as const;
  }
  const replaced = periodBounds(periodOf(termOn(terms, start).cadence, start)).end;
  if (end < today || replaced < today) return 'ended' as const;
  return null;
}

/**
 * The first period of the new cadence a change may apply from (within five years), starting after
 * `after` when given (the last day of a period already published).
 */
export function earliestStart(
  terms: readonly Term[],
  cadence: Cadence,
  today: string,
  after = '',
): string | null {
  const first = firstDay(terms);
  let p = periodOf(cadence, [today, first, after].sort()[2]!);
  for (let i = 0; i < 60; i++, p = nextPeriod(cadence, p))
    if (periodBounds(p).start > after && refuseStart(terms, cadence, p, today) === null) return p;
  return null;
}

/** The terms after a change from `startsOn`: those starting earlier stay, later ones give way to it. */
export const withChange = (terms: readonly Term[], change: Term): Term[] => [
  ...terms.filter((t) => t.startsOn < change.startsOn),
  change,
];

/** The periods overdue on a day under the terms: due day passed, nothing published. */
export const overdueUnder = (terms: readonly Term[], today: string, published: ReadonlySet<string>) =>
  termPeriods(terms, today).filter((p) => !published.has(p.period) && today > p.dueOn);
