import type { Actor } from '../../shared/actor.js';
import { authorize } from '../../shared/policy.js';
import { toJson } from '../../shared/json.js';
import { AppError, notFound, staleVersion } from '../../server/errors.js';
import { audited } from '../audit/audited-transaction.js';
import { localDate } from '../clock/local-time.js';
import type { InspectionDeps } from './inspection-deps.js';
import { selfInspectionPolicy } from './policy.js';
import { findCampaign, updateCampaign } from './repository.js';
import { campaignView } from './views.js';

/**
 * Supervisors publish the campaign's summary once every report is in (or the deadline has passed):
 * their text and the figures as they stand, frozen; problems found by supervisors counted apart.
 */
export async function publishSummary(
  deps: InspectionDeps,
  actor: Actor,
  campaignId: string,
  input: { version: number; summary: string },
) {
  authorize(actor, selfInspectionPolicy.supervise, undefined, 'selfinspection.publish');
  await audited(deps.db, deps.clock, actor, async (uow) => {
    const c = await findCampaign(uow.db, campaignId);
    if (!c) throw notFound('self-inspection campaign', campaignId);
    if (c.state !== 'open')
      throw new AppError('invalid_state', { state: c.state, action: 'publish', allowed: 'open' });
    const view = await campaignView(uow.db, c);
    const waiting = view.reports.filter(
      (r) => r.state === 'pending' || r.state === 'rejected' || r.state === 'filed',
    );
    if (waiting.length && localDate(uow.now) <= c.deadline)
      throw new AppError('invalid_state', {
        state: c.state,
        action: 'publish',
        allowed: `—（${waiting.map((r) => r.departmentName).join('、')} 的报告尚未报送或审核 / reports not yet filed or reviewed）`,
      });
    if (
      !(await updateCampaign(uow.db, campaignId, input.version, {
        state: 'published',
        summary: input.summary.trim(),
        summary_data: toJson(view.tally),
        published_at: uow.nowIso,
        updated_at: uow.nowIso,
      }))
    )
      throw staleVersion(c.version, input.version);
    await uow.audit({
      action: 'selfinspection.summary_published',
      entityType: 'selfinspection_campaign',
      entityId: campaignId,
      data: {
        campaignId,
        byDepartment: view.tally.foundByDepartments,
        bySupervisors: view.tally.foundBySupervisors,
      },
    });
  });
  return campaignView(deps.db, (await findCampaign(deps.db, campaignId))!);
}
