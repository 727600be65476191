import type { Actor } from '../../shared/actor.js';
import { authorize } from '../../shared/policy.js';
import { AppError, notFound, staleVersion } from '../../server/errors.js';
import { audited } from '../audit/audited-transaction.js';
import { deadlineClock } from './deadline-clock.js';
import type { InspectionDeps } from './inspection-deps.js';
import { selfInspectionPolicy } from './policy.js';
import { findCampaign, findReport, updateReport } from './repository.js';
import { campaignView } from './views.js';

/** Working days a department has to file again a report sent back. */
export const REFILE_DAYS = 5;

/** Supervisors accept a filed report, or send it back with reasons (a new deadline on the clock). */
export async function reviewReport(
  deps: InspectionDeps,
  actor: Actor,
  reportId: string,
  input: { version: number; decision: 'accept' | 'reject'; reason?: string },
) {
  authorize(actor, selfInspectionPolicy.supervise, undefined, 'selfinspection.review');
  const reason = input.reason?.trim();
  if (input.decision === 'reject' && !reason)
    throw new AppError('validation_failed', { summary: '/body/reason' }, [
      { path: '/body/reason', code: 'required', zh: '退回须说明理由', en: 'A report sent back says why' },
    ]);
  const cal = await deps.calendars.get();
  const r = await audited(deps.db, deps.clock, actor, async (uow) => {
    const r = await findReport(uow.db, reportId);
    if (!r) throw notFound('self-inspection report', reportId);
    if (r.state !== 'filed')
      throw new AppError('invalid_state', { state: r.state, action: input.decision, allowed: 'filed' });
    const clock =
      input.decision === 'reject'
        ? await deadlineClock(uow, cal, {
            subjectType: 'selfinspection_report',
            subjectId: r.id,
            label: `自查报告退回重报`,
            departmentId: r.department_id,
            days: REFILE_DAYS,
          })
        : null;
    const changes =
      input.decision === 'accept'
        ? { state: 'accepted' }
        : { state: 'rejected', rejection_reason: reason!, clock_id: clock!.id };
    if (
      !(await updateReport(uow.db, r.id, input.version, {
        ...changes,
        reviewed_by: actor.id,
        reviewed_at: uow.nowIso,
        updated_at: uow.nowIso,
      }))
    )
      throw staleVersion(r.version, input.version);
    if (input.decision === 'accept')
      await uow.audit({
        action: 'selfinspection.report_accepted',
        entityType: 'selfinspection_report',
        entityId: r.id,
        data: { campaignId: r.campaign_id, departmentId: r.department_id },
      });
    else
      await uow.audit({
        action: 'selfinspection.report_rejected',
        entityType: 'selfinspection_report',
        entityId: r.id,
        data: { campaignId: r.campaign_id, departmentId: r.department_id, reason: reason! },
      });
    return r;
  });
  return campaignView(deps.db, (await findCampaign(deps.db, r.campaign_id))!);
}
