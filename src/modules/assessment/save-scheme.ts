import type { Actor } from '../../shared/actor.js';
import { authorize } from '../../shared/policy.js';
import { newId } from '../../shared/ids.js';
import { toJson } from '../../shared/json.js';
import { AppError } from '../../server/errors.js';
import { audited } from '../audit/audited-transaction.js';
import { WEIGHTABLE, type Scheme } from './grading.js';
import type { MeasureCode } from './measures.js';
import { assessmentPolicy } from './policy.js';
import { insertScheme, schemesOf } from './repository-report.js';
import { requirePeriod, schemeFor } from './get-assessment.js';
import type { AssessmentDeps } from './refresh-assessment.js';

export interface SchemeInput {
  period: string;
  weights: Record<string, number>;
  thresholds: { excellent: number; good: number; pass: number };
  minSample: number;
}

function invalid(zh: string, en: string): never {
  throw new AppError('assessment_scheme_invalid', { reason: en }, [
    { path: '/body', code: 'invalid', zh, en },
  ]);
}

/**
 * Saves the weights and grade thresholds of a period as a new version (earlier versions stay, and a
 * finalised result keeps the version it was graded by).
 */
export async function saveScheme(deps: AssessmentDeps, actor: Actor, input: SchemeInput) {
  authorize(actor, assessmentPolicy.scheme, undefined, 'assessment.scheme');
  const period = requirePeriod(input.period);
  for (const [code, w] of Object.entries(input.weights)) {
    if (!WEIGHTABLE.includes(code as MeasureCode))
      invalid(`不能加权的指标：${code}`, `not a weightable measure: ${code}`);
    if (!Number.isFinite(w) || w < 0)
      invalid(`权重必须是非负数：${code}`, `a weight must not be negative: ${code}`);
  }
  if (!Object.values(input.weights).some((w) => w > 0))
    invalid('至少一项指标的权重大于零', 'at least one weight must be above zero');
  const t = input.thresholds;
  if (!(t.excellent > t.good && t.good > t.pass && t.pass >= 0 && t.excellent <= 100))
    invalid(
      '等级分数线应为 100 ≥ 优秀 > 良好 > 合格 ≥ 0',
      'thresholds must be 100 ≥ excellent > good > pass ≥ 0',
    );
  return audited(deps.db, deps.clock, actor, async (uow) => {
    const [latest] = await schemesOf(uow.db, period.code);
    const version = (latest?.version ?? 0) + 1;
    await insertScheme(uow.db, {
      id: newId(uow.now.getTime()),
      period: period.code,
      version,
      weights: toJson(Object.fromEntries(Object.entries(input.weights).filter(([, w]) => w > 0))),
      thresholds: toJson(t),
      min_sample: input.minSample,
      created_at: uow.nowIso,
      created_by: actor.id,
    });
    await uow.audit({
      action: 'assessment.scheme_saved',
      entityType: 'assessment_scheme',
      entityId: `${period.code}/${version}`,
      data: { period: period.code, version },
    });
    return schemeFor(uow.db, period.code) as Promise<Scheme>;
  });
}

/** Every version of a period's scheme, newest first. */
export async function listSchemes(deps: AssessmentDeps, actor: Actor, period: string) {
  authorize(actor, assessmentPolicy.view, undefined, 'assessment.view');
  const p = requirePeriod(period);
  return (await schemesOf(deps.db, p.code)).map((s) => ({
    version: s.version,
    weights: JSON.parse(s.weights) as Record<string, number>,
    thresholds: JSON.parse(s.thresholds) as Scheme['thresholds'],
    minSample: s.min_sample,
    createdAt: s.created_at,
  }));
}
