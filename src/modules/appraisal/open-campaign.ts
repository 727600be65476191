import type { Actor } from '../../shared/actor.js';
import { authorize } from '../../shared/policy.js';
import { newId } from '../../shared/ids.js';
import { toJson } from '../../shared/json.js';
import { AppError, type FieldError } from '../../server/errors.js';
import { audited, type UnitOfWork } from '../audit/audited-transaction.js';
import { departmentsById } from '../catalogue/catalogue-reads.js';
import type { AppraisalDeps } from './appraisal-deps.js';
import type { PanelCategory } from './dimensions.js';
import { appraisalPolicy } from './policy.js';
import { insertCampaign } from './repository.js';

export interface OpenCampaignInput {
  title: string;
  periodStart: string;
  periodEnd: string;
  departmentIds: string[];
  dimensions: string[];
  /** How many panel members of each category: codes are issued up to these counts. */
  panel: Partial<Record<PanelCategory, number>>;
  bottomCount?: number;
}

const field = (path: string, zh: string, en: string): FieldError => ({ path, code: 'invalid', zh, en });

/** Writes a campaign in the caller's unit: the administrator's, or a publication's re-appraisal. */
export async function writeCampaign(
  uow: UnitOfWork,
  input: OpenCampaignInput & { bottomCount: number; reappraisalOf: string | null },
) {
  const id = newId(uow.now.getTime());
  await insertCampaign(uow.db, {
    id,
    title: input.title.trim(),
    period_start: input.periodStart,
    period_end: input.periodEnd,
    departments: toJson(input.departmentIds),
    dimensions: toJson(input.dimensions.map((d) => d.trim())),
    panel: toJson(input.panel),
    bottom_count: input.bottomCount,
    state: 'open',
    reappraisal_of: input.reappraisalOf,
    results: null,
    created_by: uow.actor.id,
    created_at: uow.nowIso,
    published_at: null,
    version: 1,
  });
  await uow.audit({
    action: 'appraisal.campaign_opened',
    entityType: 'appraisal_campaign',
    entityId: id,
    data: { title: input.title, departments: input.departmentIds.length, reappraisalOf: input.reappraisalOf },
  });
  return id;
}

/** An administrator opens a democratic appraisal (民主评议): departments, dimensions, panel, period. */
export async function openCampaign(deps: AppraisalDeps, actor: Actor, input: OpenCampaignInput) {
  authorize(actor, appraisalPolicy.manage, undefined, 'appraisal.open');
  const known = await departmentsById(deps.db);
  const errors: FieldError[] = [];
  input.departmentIds.forEach((d, i) => {
    if (!known.has(d)) errors.push(field(`/body/departmentIds/${i}`, '没有这个部门', 'No such department'));
  });
  if (new Set(input.departmentIds).size !== input.departmentIds.length)
    errors.push(field('/body/departmentIds', '部门重复', 'A department is listed twice'));
  if (new Set(input.dimensions.map((d) => d.trim())).size !== input.dimensions.length)
    errors.push(field('/body/dimensions', '评议维度重复', 'A dimension is listed twice'));
  if (input.periodEnd < input.periodStart)
    errors.push(field('/body/periodEnd', '结束日期早于开始日期', 'The period ends before it starts'));
  if (!Object.values(input.panel).some((n) => (n ?? 0) > 0))
    errors.push(field('/body/panel', '评议代表人数不能都为零', 'The panel has no members'));
  if (errors.length)
    throw new AppError('validation_failed', { summary: errors.map((e) => e.path).join(', ') }, errors);
  return audited(deps.db, deps.clock, actor, (uow) =>
    writeCampaign(uow, {
      ...input,
      bottomCount: input.bottomCount ?? deps.settings.appraisalBottomCount,
      reappraisalOf: null,
    }),
  );
}
