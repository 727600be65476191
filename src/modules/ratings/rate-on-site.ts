import type { Actor } from '../../shared/actor.js';
import { authorize } from '../../shared/policy.js';
import { AppError } from '../../server/errors.js';
import type { RatingDeps } from './rating-deps.js';
import { ratingPolicy } from './policy.js';
import { rateInUnit } from './rating-unit.js';

export interface RateOnSiteInput {
  ticketNo: string;
  level: number;
  indicators?: Record<string, number>;
  comment?: string;
}

/**
 * 好差评 on site: the tablet at the window (评价器), keyed to the queue ticket just served there. The
 * tablet acts by its device token, bound to its window; it rates only that window's visits. The person is not
 * asked who they are, so an on-site rating is anonymous and a bad one needs no call-back.
 */
export async function rateOnSite(deps: RatingDeps, actor: Actor, input: RateOnSiteInput) {
  authorize(actor, ratingPolicy.rateOnSite, undefined, 'rating.rate_on_site');
  const ticketNo = input.ticketNo.trim().toUpperCase();
  const visit = await deps.visits.find(ticketNo, deps.clock.now());
  // A tablet rates the visits of its own window; a clerk's session, those of the clerk's department.
  const ours = actor.device
    ? actor.device.windowId !== null && visit?.windowId === actor.device.windowId
    : visit?.departmentId === actor.departmentId;
  if (!visit || !ours) throw new AppError('rating_subject_not_found', { ref: ticketNo });
  return rateInUnit(deps, actor, {
    channel: 'on_site',
    subject: { type: 'visit', id: visit.ticketId, ref: visit.ticketNo },
    departmentId: visit.departmentId,
    itemId: visit.itemId,
    window: visit.window,
    staffId: visit.staffId,
    level: input.level,
    indicators: input.indicators,
    comment: input.comment,
    rater: null,
  });
}
