import type { Db } from '../../db/database.js';
import type { Actor } from '../../shared/actor.js';
import { AppError } from '../../server/errors.js';
import { presentUser } from './presenter.js';
import { findUserById } from './repository.js';

/**
 * The account behind the session or token. Not a permission but who the actor is: without an
 * account (a visitor, a deleted user) there is no one to show, so the answer is 401.
 */
export async function getCurrentUser(db: Db, actor: Actor) {
  if (!actor.id) throw new AppError('unauthenticated');
  const user = await findUserById(db, actor.id);
  if (!user) throw new AppError('unauthenticated');
  return presentUser(user);
}
