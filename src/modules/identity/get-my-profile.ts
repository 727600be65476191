import type { Db } from '../../db/database.js';
import type { Actor } from '../../shared/actor.js';
import { authorize } from '../../shared/policy.js';
import { AppError } from '../../server/errors.js';
import { identityPolicy } from './policy.js';
import { presentProfile } from './profile-presenter.js';
import { findUserById } from './repository.js';
import { findProfile } from './repository-profiles.js';

/** The signed-in applicant's profile. */
export async function getMyProfile(db: Db, actor: Actor) {
  authorize(actor, identityPolicy.keepProfile, undefined, 'profile.read');
  const user = actor.id ? await findUserById(db, actor.id) : undefined;
  if (!user) throw new AppError('unauthenticated');
  return presentProfile(user, await findProfile(db, user.id));
}
