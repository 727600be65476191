import type { Actor } from '../../shared/actor.js';
import { AppError } from '../../server/errors.js';
import { actOnRectification, stopIfRunning } from './act-on-rectification.js';
import type { RatingDeps } from './rating-deps.js';
import { ratingPolicy } from './policy.js';

/**
 * 整改完成: the measures taken (15 working days by default). A real-name rating's rectification is
 * finished only after its rater was called back, so the call can still change what is done.
 */
export function completeRectification(
  deps: RatingDeps,
  actor: Actor,
  input: { id: string; version: number; measures: string },
) {
  return actOnRectification(deps, actor, input, 'rectify', ratingPolicy.rectify, async (uow, cal, r) => {
    if (r.callback_required && !r.callback_at) throw new AppError('rectification_callback_missing');
    await stopIfRunning(uow, cal, r.rectify_clock_id, 'rectified');
    return {
      changes: { measures: input.measures.trim(), rectified_at: uow.nowIso },
      audit: {
        action: 'rating.rectified',
        entityType: 'rating_rectification',
        entityId: r.id,
        data: { ratingId: r.rating_id },
      },
    };
  });
}
