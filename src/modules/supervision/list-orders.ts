import type { Db } from '../../db/database.js';
import type { Actor } from '../../shared/actor.js';
import { toLimitOffset } from '../../shared/schema-helpers.js';
import { findOrders } from './repository.js';
import { departmentScope } from './policy.js';
import type { OrderListQueryT } from './schemas.js';

/** Supervision orders (督办), newest first, with their clocks' due dates; department staff see their own. */
export async function listOrders(db: Db, actor: Actor, query: OrderListQueryT) {
  const departmentId = departmentScope(actor, query.department);
  return findOrders(db, { ...query, departmentId, ...toLimitOffset(query) });
}
