import type { Role } from '../../api/types';

/** Who publishes a village's statements: administrators, and the clerks and heads of its department. */
export const DISCLOSURE_PUBLISHERS: readonly Role[] = ['admin', 'clerk', 'head'];

/**
 * Who registers villages and changes their cadence (src/modules/disclosure/policy.ts, manageVillages):
 * an administrator for any department, a clerk or head for their own.
 */
export function mayManageVillages(
  user: { role: Role; departmentId: string | null } | null,
  departmentId: string,
) {
  if (!user) return false;
  return (
    user.role === 'admin' || (['clerk', 'head'].includes(user.role) && user.departmentId === departmentId)
  );
}

/** The departments a user may register villages for. */
export const villageDepartments = <D extends { id: string }>(
  user: { role: Role; departmentId: string | null } | null,
  departments: readonly D[],
) => departments.filter((d) => mayManageVillages(user, d.id));
