import type { Actor } from '../../shared/actor.js';
import { authorize } from '../../shared/policy.js';
import { figureOf, MEASURES, type MeasureCode, type MeasureDef } from './measures.js';
import { assessmentPolicy } from './policy.js';
import { contributionsBehind, labelsOf, sumAggregates } from './repository-report.js';
import { requirePeriod } from './get-assessment.js';
import type { AssessmentDeps } from './refresh-assessment.js';
import { zeroTotals } from './counters.js';

/** Where a reader opens the record behind a contribution (the staff web app's pages). */
export function linkOf(subject: string): string | null {
  const [type, id] = subject.split(':') as [string, string | undefined];
  if (!id) return null;
  if (type === 'case') return `/cases/${id}`;
  if (type === 'complaint') return `/complaints/tickets/${id}`;
  if (type === 'rating') return `/ratings/work`;
  if (type === 'inspection') return `/inspections/${id}`;
  return null;
}

/**
 * The records behind a department's figure: for a rate, those that lowered it (the overdue cases
 * behind an on-time rate, the bad ratings behind satisfaction), otherwise those it counts. Each
 * names its record and links to its page; the total says how many there are beyond the limit.
 */
export async function traceFigure(
  deps: AssessmentDeps,
  actor: Actor,
  input: { period: string; departmentId: string; measure: MeasureCode; limit?: number },
) {
  authorize(actor, assessmentPolicy.trace, input.departmentId, 'assessment.trace');
  const period = requirePeriod(input.period);
  const m: MeasureDef = MEASURES[input.measure];
  const [group] = await sumAggregates(deps.db, 'department', period.start, period.end, input.departmentId);
  const figure = figureOf(input.measure, group?.totals ?? zeroTotals(), group?.hist ?? new Map());
  const { total, rows } = await contributionsBehind(
    deps.db,
    input.departmentId,
    period.start,
    period.end,
    m.source,
    m.trace.counter,
    Math.min(input.limit ?? 200, 1000),
  );
  const labels = await labelsOf(
    deps.db,
    rows.map((r) => r.subject),
  );
  return {
    period,
    measure: input.measure,
    departmentId: input.departmentId,
    figure,
    counter: m.trace.counter,
    lowered: m.trace.lowered,
    total,
    records: rows.map((r) => ({
      source: r.source,
      sourceId: r.source_id,
      subject: r.subject,
      label: labels.get(r.subject) ?? r.subject,
      link: linkOf(r.subject),
      day: r.day,
      amount: Number((JSON.parse(r.counters) as Record<string, number>)[m.trace.counter] ?? 0),
      daysUsed: r.days_used >= 0 ? r.days_used : null,
    })),
  };
}
