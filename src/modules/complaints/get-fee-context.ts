import type { Actor } from '../../shared/actor.js';
import { authorize } from '../../shared/policy.js';
import { notFound } from '../../server/errors.js';
import { feesByCode } from '../catalogue/catalogue-reads.js';
import type { ComplaintDeps } from './complaint-deps.js';
import { complaintPolicy } from './policy.js';
import { findComplaint } from './repository.js';

/** A 乱收费 report's fee form or receipt beside the department's published fee lines, for the supervisors. */
export async function getFeeContext(deps: ComplaintDeps, actor: Actor, input: { id: string }) {
  authorize(actor, complaintPolicy.feeContext, undefined, 'complaint.fee_context');
  const t = await findComplaint(deps.db, input.id);
  if (!t) throw notFound('complaint', input.id);
  const fees = [...(await feesByCode(deps.db)).values()].filter(
    (f) => f.department_id === t.department_id && f.status === 'published',
  );
  return {
    ticketNo: t.ticket_no,
    feeReference: t.fee_reference,
    publishedFees: fees.map((f) => ({ code: f.code, name: f.name, basis: f.basis, standard: f.standard })),
  };
}
