import type { Db } from '../../db/database.js';
import type { Actor } from '../../shared/actor.js';
import { toLimitOffset } from '../../shared/schema-helpers.js';
import { findOrders } from './repository.js';
import { departmentScope } from './policy.js';
import { describeSubjects } from './subject-refs.js';
import type { OrderListQueryT } from './schemas.js';

/** Supervision orders (督办), newest first, with their clocks' due dates; department staff see their own. Each
 * row's subject is described (receipt number, item, masked applicant) so the list leads to the matter. */
export async function listOrders(db: Db, actor: Actor, query: OrderListQueryT) {
  const departmentId = departmentScope(actor, query.department);
  const page = await findOrders(db, { ...query, departmentId, ...toLimitOffset(query) });
  return { ...page, subjects: await describeSubjects(db, page.rows) };
}
