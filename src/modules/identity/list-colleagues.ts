import type { Db } from '../../db/database.js';
import type { Actor } from '../../shared/actor.js';
import { authorize, isRole } from '../../shared/policy.js';
import { identityPolicy } from './policy.js';

/**
 * The staff directory a colleague needs: names and roles of the active staff of a department, to
 * name the second person on an on-site verification or the colleague who takes an inquiry. Without
 * a department, staff see their own (supervisors and administrators everyone); any staff member may
 * name another department, because a question asked at the wrong window is handed over to the
 * department it belongs to (首问负责). No contact data leaves here.
 */
export async function listColleagues(db: Db, actor: Actor, departmentId: string | undefined) {
  authorize(actor, identityPolicy.listColleagues, undefined, 'staff.list');
  const dept = departmentId ?? (isRole(actor, 'supervisor', 'admin') ? undefined : actor.departmentId);
  let q = db
    .selectFrom('users')
    .select(['id', 'display_name', 'role', 'department_id'])
    .where('status', '=', 'active')
    .where('role', 'in', ['clerk', 'reviewer', 'head']);
  if (dept) q = q.where('department_id', '=', dept);
  const rows = await q.orderBy('role').orderBy('display_name').limit(500).execute();
  return rows.map((r) => ({
    id: r.id,
    displayName: r.display_name,
    role: r.role,
    departmentId: r.department_id,
  }));
}
