import type { Actor } from '../../shared/actor.js';
import { actOnRectification, stopIfRunning } from './act-on-rectification.js';
import type { RatingDeps } from './rating-deps.js';
import { ratingPolicy } from './policy.js';

/** 答复: the department says what went wrong and what it will do (5 working days by default). */
export function answerRectification(
  deps: RatingDeps,
  actor: Actor,
  input: { id: string; version: number; answer: string },
) {
  return actOnRectification(deps, actor, input, 'answer', ratingPolicy.rectify, async (uow, cal, r) => {
    await stopIfRunning(uow, cal, r.answer_clock_id, 'answered');
    return {
      changes: { answer: input.answer.trim(), answered_at: uow.nowIso },
      audit: {
        action: 'rating.rectification_answered',
        entityType: 'rating_rectification',
        entityId: r.id,
        data: { ratingId: r.rating_id },
      },
    };
  });
}
