import type { Actor } from '../../shared/actor.js';
import { authorize } from '../../shared/policy.js';
import type { RatingDeps } from './rating-deps.js';
import { ratingPolicy } from './policy.js';
import { findRatingOf } from './repository.js';

/**
 * What the window's tablet asks the person in front of it to rate: the visit last served at its
 * window today, while it is not rated yet; null otherwise (and for a clerk's session, which is
 * bound to no window). Only the ticket's number and the window are shown: nothing about the person.
 */
export async function pendingOnSite(deps: RatingDeps, actor: Actor) {
  authorize(actor, ratingPolicy.rateOnSite, undefined, 'rating.rate_on_site');
  const windowId = actor.device?.windowId;
  if (!windowId) return null;
  const visit = await deps.visits.latestAt(windowId, deps.clock.now());
  if (!visit) return null;
  if ((await findRatingOf(deps.db, 'visit', visit.ticketId, 'on_site')).length) return null;
  return { ticketNo: visit.ticketNo, window: visit.window, servedAt: visit.servedAt };
}
