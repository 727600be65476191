import type { Actor } from '../../shared/actor.js';
import { authorize } from '../../shared/policy.js';
import { fromJson } from '../../shared/json.js';
import { AppError } from '../../server/errors.js';
import { departmentsById } from '../catalogue/catalogue-reads.js';
import { figureOf, MEASURE_CODES, type Figure, type MeasureCode } from './measures.js';
import { parsePeriod, type Period } from './periods.js';
import { assessmentPolicy } from './policy.js';
import { DEFAULT_SCHEME, gradeOf, rank, scoreFigures, type Grade, type Scheme } from './grading.js';
import { findResults, schemesOf, sumAggregates } from './repository-report.js';
import type { AssessmentDeps } from './refresh-assessment.js';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';

export type Figures = Record<MeasureCode, Figure>;

export interface AssessmentRow {
  departmentId: string;
  departmentName: string;
  departmentNameEn: string | null;
  figures: Figures;
  sample: number;
  score: number | null;
  grade: Grade | null;
  rank: number | null;
  state: 'open' | 'commented' | 'final';
  comment: string | null;
  commentedAt: string | null;
  finalisedAt: string | null;
  version: number;
}

export function requirePeriod(code: string): Period {
  const p = parsePeriod(code);
  if (!p) throw new AppError('assessment_period_invalid', { period: code });
  return p;
}

export async function schemeFor(db: Kysely<Database>, period: string): Promise<Scheme> {
  const [s] = await schemesOf(db, period);
  if (!s) return DEFAULT_SCHEME;
  return {
    version: s.version,
    weights: fromJson(s.weights, {}),
    thresholds: fromJson(s.thresholds, DEFAULT_SCHEME.thresholds),
    minSample: s.min_sample,
  };
}

/** Each department's figures over a period from the aggregates, graded and ranked by the period's scheme. */
export async function computeRows(
  db: Kysely<Database>,
  period: Period,
  scheme: Scheme,
): Promise<AssessmentRow[]> {
  const [groups, results, departments] = await Promise.all([
    sumAggregates(db, 'department', period.start, period.end),
    findResults(db, period.code),
    departmentsById(db),
  ]);
  const resultOf = new Map(results.map((r) => [r.department_id, r]));
  const rows: AssessmentRow[] = groups.map((g) => {
    const r = resultOf.get(g.departmentId);
    const final = r?.state === 'final' && r.figures;
    const figures = final
      ? fromJson<Figures>(r.figures, {} as Figures)
      : (Object.fromEntries(MEASURE_CODES.map((c) => [c, figureOf(c, g.totals, g.hist)])) as Figures);
    const score = final ? r.score : scoreFigures(figures, scheme);
    return {
      departmentId: g.departmentId,
      departmentName: departments.get(g.departmentId)?.name ?? g.departmentId,
      departmentNameEn: departments.get(g.departmentId)?.name_en ?? null,
      figures,
      sample: figures.on_time_rate.sample,
      score,
      // Too few cases for a fair grade (one fast case is not a record): no grade, and no rank.
      grade: final
        ? (r.grade as Grade | null)
        : figures.on_time_rate.sample >= scheme.minSample
          ? gradeOf(score, scheme)
          : null,
      rank: null,
      state: (r?.state ?? 'open') as AssessmentRow['state'],
      comment: r?.comment ?? null,
      commentedAt: r?.commented_at ?? null,
      finalisedAt: r?.finalised_at ?? null,
      version: r?.version ?? 0,
    };
  });
  const ranks = rank(
    rows.map((r) => ({ key: r.departmentId, score: r.score, sample: r.sample })),
    scheme.minSample,
  );
  for (const r of rows) r.rank = ranks.get(r.departmentId) ?? null;
  return rows.sort(
    (a, b) => (a.rank ?? 1e9) - (b.rank ?? 1e9) || a.departmentName.localeCompare(b.departmentName),
  );
}

/** A period's assessment of every department: figures, score, grade, ranking and where each result stands. */
export async function getAssessment(deps: AssessmentDeps, actor: Actor, input: { period: string }) {
  authorize(actor, assessmentPolicy.view, undefined, 'assessment.view');
  const period = requirePeriod(input.period);
  const scheme = await schemeFor(deps.db, period.code);
  return { period, scheme, rows: await computeRows(deps.db, period, scheme) };
}
