import type { Actor } from '../../shared/actor.js';
import { authorize } from '../../shared/policy.js';
import { figureOf, MEASURES, type MeasureCode, type MeasureDef } from './measures.js';
import { assessmentPolicy } from './policy.js';
import { contributionsBehind, labelsOf, sumAggregates } from './repository-report.js';
import { requirePeriod } from './get-assessment.js';
import type { AssessmentDeps } from './refresh-assessment.js';
import { zeroTotals } from './counters.js';
import { AppError } from '../../server/errors.js';
import { keysOf, mergeGroups, type BreakdownDim } from './get-breakdown.js';

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

/** A dimension and its value come together or not at all. */
function dimOf(input: { dim?: BreakdownDim; dimId?: string }) {
  if (input.dim && input.dimId) return { dim: input.dim, dimId: input.dimId };
  if (!input.dim && !input.dimId) return null;
  const path = input.dim ? '/querystring/dimId' : '/querystring/dim';
  throw new AppError('validation_failed', { summary: path }, [
    {
      path,
      code: 'dim_pair',
      zh: '按事项、人员或窗口追溯时，维度（dim）与其编号（dimId）须同时给出',
      en: 'To trace one item, staff member or window, give both dim and dimId',
    },
  ]);
}

/**
 * The records behind a department's figure: for a rate, those that lowered it (the overdue cases
 * behind an on-time rate, the bad ratings behind satisfaction), otherwise those it counts. Each
 * names its record and links to its page; the total says how many there are beyond the limit.
 * With a dimension and its value, the figure and the records are those of one item, staff member
 * or window of the department (a breakdown's row).
 */
export async function traceFigure(
  deps: AssessmentDeps,
  actor: Actor,
  input: {
    period: string;
    departmentId: string;
    measure: MeasureCode;
    limit?: number;
    dim?: BreakdownDim;
    dimId?: string;
  },
) {
  authorize(actor, assessmentPolicy.trace, input.departmentId, 'assessment.trace');
  const period = requirePeriod(input.period);
  const only = dimOf(input);
  const m: MeasureDef = MEASURES[input.measure];
  const keys = only ? await keysOf(deps.db, only.dim, only.dimId) : null;
  const groups = only
    ? await sumAggregates(deps.db, only.dim, period.start, period.end, input.departmentId, keys!)
    : await sumAggregates(deps.db, 'department', period.start, period.end, input.departmentId);
  const [group] = only ? mergeGroups(groups, () => only.dimId) : groups;
  const figure = figureOf(input.measure, group?.totals ?? zeroTotals(), group?.hist ?? new Map());
  const { total, rows } = await contributionsBehind(
    deps.db,
    input.departmentId,
    period.start,
    period.end,
    m.source,
    m.trace.counter,
    Math.min(input.limit ?? 200, 1000),
    only ? { dim: only.dim, ids: keys! } : undefined,
  );
  const labels = await labelsOf(
    deps.db,
    rows.map((r) => r.subject),
  );
  return {
    period,
    measure: input.measure,
    departmentId: input.departmentId,
    dim: only?.dim ?? null,
    dimId: only?.dimId ?? null,
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
