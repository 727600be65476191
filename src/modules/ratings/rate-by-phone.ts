import type { Actor } from '../../shared/actor.js';
import { authorize } from '../../shared/policy.js';
import { AppError } from '../../server/errors.js';
import { findRatedMatter } from '../cases/case-reads.js';
import { findByTicketNo } from '../complaints/complaint-reads.js';
import type { RatingDeps } from './rating-deps.js';
import { ratingPolicy } from './policy.js';
import { rateInUnit } from './rating-unit.js';
import type { RatingInput } from './record-rating.js';

export interface RateByPhoneInput {
  /** A case's receipt number or a complaint's ticket number. */
  ref: string;
  level: number;
  indicators?: Record<string, number>;
  comment?: string;
  callerName?: string;
  callerPhone?: string;
}

/** The matter a reference names: a case (receipt number) or a handled complaint (ticket number). */
async function subjectOf(deps: RatingDeps, ref: string): Promise<Omit<RatingInput, 'level' | 'channel'>> {
  const [c] = await findRatedMatter(deps.db, ref);
  if (c && c.state !== 'draft')
    return {
      subject: { type: 'case', id: c.id, ref: c.receipt_no },
      departmentId: c.lead_department_id,
      itemId: c.item_id,
      window: c.window,
    };
  const t = await findByTicketNo(deps.db, ref);
  const dept = t?.assigned_department_id ?? t?.department_id;
  if (t && dept && t.state === 'closed')
    return { subject: { type: 'complaint', id: t.id, ref: t.ticket_no }, departmentId: dept };
  throw new AppError('rating_subject_not_found', { ref });
}

/** 好差评 by phone (the hotline's call-in or a return call): entered by the hotline staff for the caller. */
export async function rateByPhone(deps: RatingDeps, actor: Actor, input: RateByPhoneInput) {
  authorize(actor, ratingPolicy.recordByPhone, undefined, 'rating.rate_by_phone');
  const s = await subjectOf(deps, input.ref.trim());
  return rateInUnit(deps, actor, {
    ...s,
    channel: 'phone',
    level: input.level,
    indicators: input.indicators,
    comment: input.comment,
    rater:
      input.callerName || input.callerPhone ? { name: input.callerName, phone: input.callerPhone } : null,
  });
}
