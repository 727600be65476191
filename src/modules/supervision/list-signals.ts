import type { Db } from '../../db/database.js';
import type { Actor } from '../../shared/actor.js';
import { toLimitOffset } from '../../shared/schema-helpers.js';
import { findSignals } from './repository.js';
import { departmentScope } from './policy.js';
import { describeSubjects } from './subject-refs.js';
import type { SignalListQueryT } from './schemas.js';

/** Signals from every module, newest first; department staff see their own department's.
 * Each row's subject is described so the list leads to the matter. */
export async function listSignals(db: Db, actor: Actor, query: SignalListQueryT) {
  const departmentId = departmentScope(actor, query.department);
  const page = await findSignals(db, { ...query, departmentId, ...toLimitOffset(query) });
  return { ...page, subjects: await describeSubjects(db, page.rows) };
}
