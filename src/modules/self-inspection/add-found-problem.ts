import type { Actor } from '../../shared/actor.js';
import { authorize } from '../../shared/policy.js';
import { newId } from '../../shared/ids.js';
import { AppError, notFound } from '../../server/errors.js';
import { audited } from '../audit/audited-transaction.js';
import { addProblem } from './add-problem.js';
import type { InspectionDeps } from './inspection-deps.js';
import { selfInspectionPolicy } from './policy.js';
import { findCampaign, findReport } from './repository.js';
import { campaignView } from './views.js';

/** Supervisors add a problem the department did not find; it is counted apart in the summary. */
export async function addFoundProblem(
  deps: InspectionDeps,
  actor: Actor,
  reportId: string,
  p: { description: string; measure: string; rectifyBy: string },
) {
  authorize(actor, selfInspectionPolicy.supervise, undefined, 'selfinspection.add_problem');
  const r = await findReport(deps.db, reportId);
  if (!r) throw notFound('self-inspection report', reportId);
  const c = (await findCampaign(deps.db, r.campaign_id))!;
  if (c.state !== 'open')
    throw new AppError('invalid_state', { state: c.state, action: 'add_problem', allowed: 'open' });
  const cal = await deps.calendars.get();
  await audited(deps.db, deps.clock, actor, (uow) =>
    addProblem(uow, cal, r, 'supervisor', p, '/body/rectifyBy', newId(uow.now.getTime())),
  );
  return campaignView(deps.db, c);
}
