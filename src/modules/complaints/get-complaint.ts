import type { Actor } from '../../shared/actor.js';
import { authorize } from '../../shared/policy.js';
import { notFound } from '../../server/errors.js';
import { departmentsById } from '../catalogue/catalogue-reads.js';
import { clocksOfSubject } from '../clock/clock-reads.js';
import { allowedComplaintActions } from './complaint-machine.js';
import type { ComplaintDeps } from './complaint-deps.js';
import { partiesOf } from './parties.js';
import { complaintPolicy, viewerOf } from './policy.js';
import { presentComplaint } from './presenter.js';
import { attachmentsOf, findCategory, findComplaint } from './repository.js';
import { historyOf } from './repository-history.js';

/** The clocks a ticket runs on: the acceptance notice, handling (one per handler), the result notice. */
export const CLOCK_TYPES = ['complaint_acceptance', 'complaint', 'complaint_result'];

/** One ticket as this viewer may see it: the reporter masked for everyone but the center, the supervisors and the reporter. */
export async function getComplaint(
  deps: ComplaintDeps,
  actor: Actor,
  input: { id: string; codeProved?: boolean },
) {
  const t = await findComplaint(deps.db, input.id);
  if (!t) throw notFound('complaint', input.id);
  const parties = { ...partiesOf(t), codeProved: input.codeProved };
  authorize(actor, complaintPolicy.read, parties, 'complaint.read');
  const [category, depts, attachments, clocks, history, merged] = await Promise.all([
    findCategory(deps.db, t.category_code),
    departmentsById(deps.db),
    attachmentsOf(deps.db, t.id),
    Promise.all(CLOCK_TYPES.map((type) => clocksOfSubject(deps.db, type, t.id))).then((l) => l.flat()),
    historyOf(deps.db, t.id),
    t.merged_into_id ? findComplaint(deps.db, t.merged_into_id) : Promise.resolve(undefined),
  ]);
  return presentComplaint(t, {
    viewer: viewerOf(actor, parties),
    category,
    departmentName: (id) => depts.get(id)?.name ?? id,
    attachments,
    clocks,
    history,
    allowedActions: allowedComplaintActions(actor, t.state, parties),
    mergedIntoTicketNo: merged?.ticket_no ?? null,
  });
}
