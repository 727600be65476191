import { randomInt } from 'node:crypto';
import type { Actor } from '../../shared/actor.js';
import { authorize } from '../../shared/policy.js';
import { AppError, notFound } from '../../server/errors.js';
import { audited } from '../audit/audited-transaction.js';
import type { InspectionDeps } from './inspection-deps.js';
import { selfInspectionPolicy } from './policy.js';
import { findCampaign, reportsOf, updateReport } from './repository.js';
import { campaignView } from './views.js';

/**
 * Supervisors draw a share of the departments for a spot check (抽查), at random among the reports
 * filed and not drawn before: at least one, rounded up.
 */
export async function drawSpotChecks(
  deps: InspectionDeps,
  actor: Actor,
  campaignId: string,
  sharePct: number,
) {
  authorize(actor, selfInspectionPolicy.supervise, undefined, 'selfinspection.spot_check');
  const c = await findCampaign(deps.db, campaignId);
  if (!c) throw notFound('self-inspection campaign', campaignId);
  await audited(deps.db, deps.clock, actor, async (uow) => {
    const all = await reportsOf(uow.db, campaignId);
    const pool = all.filter((r) => (r.state === 'filed' || r.state === 'accepted') && r.spot_checked === 0);
    if (!pool.length)
      throw new AppError('invalid_state', {
        state: c.state,
        action: 'spot_check',
        allowed: '—（无可抽查的已报送报告 / no filed report left）',
      });
    const n = Math.min(pool.length, Math.max(1, Math.ceil((all.length * sharePct) / 100)));
    for (let i = 0; i < n; i++) {
      const [r] = pool.splice(randomInt(pool.length), 1);
      await updateReport(uow.db, r!.id, r!.version, { spot_checked: 1, updated_at: uow.nowIso });
      await uow.audit({
        action: 'selfinspection.spot_checked',
        entityType: 'selfinspection_report',
        entityId: r!.id,
        data: { campaignId, departmentId: r!.department_id },
      });
    }
  });
  return campaignView(deps.db, c);
}
