import type { Actor } from '../../shared/actor.js';
import { actOnRectification, stopIfRunning } from './act-on-rectification.js';
import type { RatingDeps } from './rating-deps.js';
import { ratingPolicy } from './policy.js';

/** 签收: the rated department acknowledges the bad rating (its first clock, 1 working day by default). */
export function acknowledgeRectification(
  deps: RatingDeps,
  actor: Actor,
  input: { id: string; version: number },
) {
  return actOnRectification(deps, actor, input, 'acknowledge', ratingPolicy.rectify, async (uow, cal, r) => {
    await stopIfRunning(uow, cal, r.acknowledge_clock_id, 'acknowledged');
    return {
      changes: { acknowledged_at: uow.nowIso },
      audit: {
        action: 'rating.rectification_acknowledged',
        entityType: 'rating_rectification',
        entityId: r.id,
        data: { ratingId: r.rating_id },
      },
    };
  });
}
