import type { Actor } from '../../shared/actor.js';
import { authorize } from '../../shared/policy.js';
import { newId } from '../../shared/ids.js';
import { AppError, notFound } from '../../server/errors.js';
import { audited } from '../audit/audited-transaction.js';
import type { RatingDeps } from './rating-deps.js';
import { ratingPolicy } from './policy.js';
import { appealOfRating, findRating, insertAppeal } from './repository.js';

export const APPEAL_GROUNDS = ['mistaken', 'malicious'] as const;
export type AppealGrounds = (typeof APPEAL_GROUNDS)[number];

/** 申诉: the rated department's head asks the supervisors to exclude a rating as mistaken or malicious. */
export async function fileAppeal(
  deps: RatingDeps,
  actor: Actor,
  input: { ratingId: string; grounds: AppealGrounds; reason: string },
) {
  return audited(deps.db, deps.clock, actor, async (uow) => {
    const r = await findRating(uow.db, input.ratingId);
    if (!r) throw notFound('rating', input.ratingId);
    authorize(actor, ratingPolicy.appeal, { departmentId: r.department_id }, 'rating.appeal');
    if (r.state !== 'counted' || (await appealOfRating(uow.db, r.id)))
      throw new AppError('rating_appeal_exists', { ratingId: r.id });
    const id = newId(uow.now.getTime());
    await insertAppeal(uow.db, {
      id,
      rating_id: r.id,
      department_id: r.department_id,
      grounds: input.grounds,
      reason: input.reason.trim(),
      state: 'pending',
      decision_reason: null,
      filed_by: actor.id,
      filed_at: uow.nowIso,
      decided_by: null,
      decided_at: null,
      version: 1,
    });
    await uow.audit({
      action: 'rating.appealed',
      entityType: 'rating_appeal',
      entityId: id,
      data: { ratingId: r.id, grounds: input.grounds },
    });
    return id;
  });
}
