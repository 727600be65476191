import type { Db } from '../../db/database.js';
import type { Actor } from '../../shared/actor.js';
import { toLimitOffset } from '../../shared/schema-helpers.js';
import { findClocks } from './repository.js';
import { departmentScope } from './policy.js';
import type { ClockListQueryT } from './schemas.js';

/** Clocks by colour, status, department and kind, soonest due first; department staff see their own. */
export async function listClocks(db: Db, actor: Actor, query: ClockListQueryT) {
  const departmentId = departmentScope(actor, query.department);
  return findClocks(db, { ...query, departmentId, ...toLimitOffset(query) });
}
