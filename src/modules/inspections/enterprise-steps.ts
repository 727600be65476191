import type { Actor } from '../../shared/actor.js';
import { AppError, notFound } from '../../server/errors.js';
import { audited } from '../audit/audited-transaction.js';
import { submitComplaint } from '../complaints/submit-complaint.js';
import { rateInUnit } from '../ratings/rating-unit.js';
import type { RatingDeps } from '../ratings/rating-deps.js';
import { inspectionRatingSubject } from './rating-hook.js';
import { raiseSignals } from '../supervision/signals.js';
import { enterpriseOf, type EnterpriseProof } from './enterprise-access.js';
import { recordPdf, type InspectionDeps } from './inspection-deps.js';
import { findInspection, insertComplaintLink, updateInspection } from './repository.js';

/** The enterprise's own inspection: by its account, or the code on its sign and its check code. */
async function ownInspection(deps: InspectionDeps, actor: Actor, id: string, proof: EnterpriseProof) {
  const enterprise = await enterpriseOf(deps, actor, proof);
  const i = await findInspection(deps.db, id);
  if (!i || i.enterprise_id !== enterprise.id) throw notFound('inspection', id);
  return { enterprise, i };
}

/** The enterprise signs for receipt of the inspection record (签收). Signing twice changes nothing. */
export async function signReceipt(deps: InspectionDeps, actor: Actor, id: string, proof: EnterpriseProof) {
  const { i } = await ownInspection(deps, actor, id, proof);
  if (i.state !== 'concluded')
    throw new AppError('invalid_state', { state: i.state, action: 'receive', allowed: 'concluded' });
  if (i.received_at) return i.received_at;
  return audited(deps.db, deps.clock, actor, async (uow) => {
    await updateInspection(uow.db, i.id, i.version, { received_at: uow.nowIso, updated_at: uow.nowIso });
    await uow.audit({
      action: 'inspection.received',
      entityType: 'inspection',
      entityId: i.id,
      data: { number: i.number, from: i.state, to: i.state },
    });
    return uow.nowIso;
  });
}

export interface ComplainInput extends EnterpriseProof {
  description: string;
  anonymous: boolean;
  reporter?: { name?: string; phone?: string; email?: string };
}

/**
 * The enterprise complains about an inspection straight into the reporting center (乱检查), the
 * inspection attached by its number; the complaint is linked here and signalled to the supervisors.
 */
export async function complainAboutInspection(
  deps: InspectionDeps,
  actor: Actor,
  id: string,
  input: ComplainInput,
) {
  const { i } = await ownInspection(deps, actor, id, input);
  const viaAccount = actor.role === 'applicant' && !(input.code && input.check);
  const ticket = await submitComplaint(deps.complaints, actor, {
    channel: viaAccount ? 'account' : 'portal',
    anonymous: input.anonymous,
    ...(input.reporter ? { reporter: input.reporter } : {}),
    categoryCode: 'arbitrary_inspection',
    departmentId: i.department_id,
    concerns: { inspectionReference: i.number },
    description: input.description,
  });
  await audited(deps.db, deps.clock, actor, async (uow) => {
    await insertComplaintLink(uow.db, i.id, ticket.ticketNo, uow.nowIso);
    const fresh = (await findInspection(uow.db, i.id))!;
    await updateInspection(uow.db, i.id, fresh.version, {
      complaints: fresh.complaints + 1,
      updated_at: uow.nowIso,
    });
    await raiseSignals(
      uow.db,
      [
        {
          kind: 'inspection_complaint',
          subjectType: 'inspection',
          subjectId: i.id,
          departmentId: i.department_id,
          data: { number: i.number, ticketNo: ticket.ticketNo },
          dedupeKey: `inspection-complaint:${ticket.ticketNo}`,
        },
      ],
      uow.nowIso,
    );
    await uow.audit({
      action: 'inspection.complained',
      entityType: 'inspection',
      entityId: i.id,
      data: { number: i.number, from: i.state, to: i.state, ticketNo: ticket.ticketNo },
    });
  });
  return { ticketNo: ticket.ticketNo, checkCode: ticket.checkCode };
}

/** The inspection record (PDF): for the enterprise, by its account or code and check code. */
export async function enterpriseRecord(
  deps: InspectionDeps,
  actor: Actor,
  id: string,
  proof: EnterpriseProof,
) {
  const { i } = await ownInspection(deps, actor, id, proof);
  return recordPdf(deps, i);
}

export interface RateInput extends EnterpriseProof {
  level: number;
  indicators?: Record<string, number>;
  comment?: string;
}

/**
 * The enterprise rates a concluded inspection (好差评, online), through the ratings module's one
 * write path: once per inspection; a bad rating opens its rectification like any other.
 */
export async function rateInspection(
  deps: InspectionDeps,
  ratings: RatingDeps,
  actor: Actor,
  id: string,
  input: RateInput,
) {
  const { enterprise, i } = await ownInspection(deps, actor, id, input);
  const subject = inspectionRatingSubject(i);
  if (!subject.rateable)
    throw new AppError('invalid_state', { state: i.state, action: 'rate', allowed: 'concluded' });
  return rateInUnit(ratings, actor, {
    channel: 'online',
    subject: { type: subject.subjectType, id: subject.subjectId, ref: subject.reference },
    departmentId: subject.departmentId,
    level: input.level,
    ...(input.indicators ? { indicators: input.indicators } : {}),
    comment: input.comment ?? null,
    rater: { userId: actor.role === 'applicant' ? actor.id : null, name: enterprise.name },
  });
}
