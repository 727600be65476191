import type { Actor } from '../../shared/actor.js';
import { authorize } from '../../shared/policy.js';
import { AppError, notFound, staleVersion } from '../../server/errors.js';
import { audited } from '../audit/audited-transaction.js';
import { findClock } from '../clock/clock-reads.js';
import { stopClock } from '../clock/stop-clock.js';
import type { AppraisalDeps } from './appraisal-deps.js';
import { appraisalPolicy } from './policy.js';
import { findAppraisalRectification, updateAppraisalRectification } from './repository.js';

/** A department at the bottom reports its rectification; its clock stops (late or not, it says). */
export async function reportAppraisalRectification(
  deps: AppraisalDeps,
  actor: Actor,
  input: { id: string; version: number; report: string },
) {
  const cal = await deps.calendars.get();
  return audited(deps.db, deps.clock, actor, async (uow) => {
    const r = await findAppraisalRectification(uow.db, input.id);
    if (!r) throw notFound('appraisal_rectification', input.id);
    authorize(
      actor,
      appraisalPolicy.reportRectification,
      { departmentId: r.department_id },
      'appraisal.rectify',
    );
    if (r.state !== 'open') throw new AppError('appraisal_invalid_state', { state: r.state, step: 'report' });
    if (r.version !== input.version) throw staleVersion(r.version, input.version);
    const clock = await findClock(uow.db, r.clock_id);
    if (clock && (clock.status === 'running' || clock.status === 'paused'))
      await stopClock(uow, cal, r.clock_id, 'reported');
    await updateAppraisalRectification(uow.db, r.id, r.version, {
      state: 'reported',
      report: input.report.trim(),
      reported_at: uow.nowIso,
    });
    await uow.audit({
      action: 'appraisal.rectification_reported',
      entityType: 'appraisal_rectification',
      entityId: r.id,
      data: { departmentId: r.department_id },
    });
    return r.id;
  });
}
