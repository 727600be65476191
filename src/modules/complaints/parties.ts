import type { ComplaintParties } from './policy.js';
import type { ComplaintRow } from './repository.js';

/** The ticket's relations that the policy decides on. */
export const partiesOf = (t: ComplaintRow): ComplaintParties => ({
  route: t.route === 'supervisors' ? 'supervisors' : 'department',
  assignedDepartmentId: t.assigned_department_id,
  reporterUserId: t.reporter_user_id,
});
