import type { Db } from '../../db/database.js';
import type { Actor } from '../../shared/actor.js';
import { authorize } from '../../shared/policy.js';
import { identityPolicy } from './policy.js';
import { listUsers as findUsers } from './repository.js';

export async function listUsers(
  db: Db,
  actor: Actor,
  f: { role?: string; departmentId?: string; q?: string; limit: number; offset: number },
) {
  authorize(actor, identityPolicy.manageUsers, undefined, 'user.list');
  return findUsers(db, f);
}
