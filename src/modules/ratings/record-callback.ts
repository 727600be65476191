import type { Actor } from '../../shared/actor.js';
import { AppError } from '../../server/errors.js';
import { actOnRectification } from './act-on-rectification.js';
import type { RatingDeps } from './rating-deps.js';
import { ratingPolicy } from './policy.js';

/**
 * 回访: the supervisors (or the reporting center) call a real-name bad rater back and record the
 * result; a call that did not reach them is recorded too, and may be made again.
 */
export function recordRatingCallback(
  deps: RatingDeps,
  actor: Actor,
  input: { id: string; version: number; reached: boolean; result: string },
) {
  return actOnRectification(deps, actor, input, 'callback', ratingPolicy.callBack, async (uow, _cal, r) => {
    if (!r.callback_required) throw new AppError('rectification_no_callback');
    return {
      changes: {
        callback_reached: input.reached ? 1 : 0,
        callback_result: input.result.trim(),
        callback_at: uow.nowIso,
        callback_by: actor.id,
      },
      audit: {
        action: 'rating.called_back',
        entityType: 'rating_rectification',
        entityId: r.id,
        data: { ratingId: r.rating_id, reached: input.reached },
      },
    };
  });
}
