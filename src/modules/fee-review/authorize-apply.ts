import type { Actor } from '../../shared/actor.js';
import { authorize } from '../../shared/policy.js';
import { feeReviewPolicy } from './policy.js';

/** Applying due changes on demand is the authority's (the background pass needs nobody). */
export const authorizeApply = (actor: Actor) =>
  authorize(actor, feeReviewPolicy.manage, undefined, 'feereview.apply');
