import type { Actor } from '../../shared/actor.js';
import { AppError } from '../../server/errors.js';
import { audited } from '../audit/audited-transaction.js';
import type { RatingDeps } from './rating-deps.js';
import { recordRating, type RatingInput } from './record-rating.js';

const UNIQUE = new Set(['23505', 'SQLITE_CONSTRAINT_UNIQUE', 'SQLITE_CONSTRAINT_PRIMARYKEY']);

/**
 * A channel's rating in a unit of its own. Two raters of one matter racing on PostgreSQL both pass
 * the read and one meets the unique constraint: that one hears "already rated" too.
 */
export async function rateInUnit(deps: RatingDeps, actor: Actor, input: RatingInput) {
  const cal = await deps.calendars.get();
  try {
    return await audited(deps.db, deps.clock, actor, (uow) => recordRating(uow, cal, deps.settings, input));
  } catch (e) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && UNIQUE.has(code))
      throw new AppError('rating_already_given', { ref: input.subject.ref });
    throw e;
  }
}
