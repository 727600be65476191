import type { Db } from '../../db/database.js';
import type { Actor } from '../../shared/actor.js';
import { toLimitOffset } from '../../shared/schema-helpers.js';
import { findClocks } from './repository.js';
import { departmentScope } from './policy.js';
import { describeSubjects } from './subject-refs.js';
import type { ClockListQueryT } from './schemas.js';

/** Clocks by colour, status, department and kind, soonest due first; department staff see their own. Each
 * row's subject is described (receipt number, item, masked applicant) so the list leads to the matter. */
export async function listClocks(db: Db, actor: Actor, query: ClockListQueryT) {
  const departmentId = departmentScope(actor, query.department);
  const page = await findClocks(db, { ...query, departmentId, ...toLimitOffset(query) });
  return { ...page, subjects: await describeSubjects(db, page.rows) };
}
