import type { Actor } from '../../shared/actor.js';
import { authorize } from '../../shared/policy.js';
import { AppError, notFound, staleVersion } from '../../server/errors.js';
import { audited } from '../audit/audited-transaction.js';
import { stopIfRunning } from './act-on-rectification.js';
import type { RatingDeps } from './rating-deps.js';
import { ratingPolicy } from './policy.js';
import {
  findAppeal,
  findRating,
  rectificationOfRating,
  updateAppeal,
  updateRating,
  updateRectification,
} from './repository.js';

/**
 * The supervisors decide an appeal, with reasons. An upheld appeal excludes the rating: it stays
 * published, marked excluded with the reason, and counts no more; its rectification ends.
 */
export async function decideAppeal(
  deps: RatingDeps,
  actor: Actor,
  input: { id: string; version: number; exclude: boolean; reason: string },
) {
  authorize(actor, ratingPolicy.decideAppeal, undefined, 'rating.decide_appeal');
  const cal = await deps.calendars.get();
  return audited(deps.db, deps.clock, actor, async (uow) => {
    const a = await findAppeal(uow.db, input.id);
    if (!a) throw notFound('rating_appeal', input.id);
    if (a.state !== 'pending') throw new AppError('rating_appeal_decided', { state: a.state });
    if (a.version !== input.version) throw staleVersion(a.version, input.version);
    const reason = input.reason.trim();
    await updateAppeal(uow.db, a.id, a.version, {
      state: input.exclude ? 'upheld' : 'rejected',
      decision_reason: reason,
      decided_by: actor.id,
      decided_at: uow.nowIso,
    });
    if (input.exclude) {
      const r = (await findRating(uow.db, a.rating_id))!;
      if (!(await updateRating(uow.db, r.id, r.version, { state: 'excluded', exclusion_reason: reason })))
        throw staleVersion(r.version + 1, r.version);
      const rect = await rectificationOfRating(uow.db, r.id);
      if (rect && rect.state !== 'rectified') {
        for (const c of [rect.acknowledge_clock_id, rect.answer_clock_id, rect.rectify_clock_id])
          await stopIfRunning(uow, cal, c, 'rating_excluded');
        await updateRectification(uow.db, rect.id, rect.version, {
          state: 'excluded',
          updated_at: uow.nowIso,
        });
      }
    }
    await uow.audit({
      action: 'rating.appeal_decided',
      entityType: 'rating_appeal',
      entityId: a.id,
      data: { ratingId: a.rating_id, excluded: input.exclude },
    });
    return a.id;
  });
}
