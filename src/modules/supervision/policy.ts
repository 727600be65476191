import { authorize, isRole, type Rule } from '../../shared/policy.js';
import type { Actor } from '../../shared/actor.js';

export const supervisionPolicy = {
  /** The whole board: supervisors and administrators. */
  readAll: ((a) => isRole(a, 'admin', 'supervisor')) as Rule,
  /** Department staff see their own department's clocks, signals and orders. */
  readDepartment: ((a, departmentId: string | null) =>
    isRole(a, 'admin', 'supervisor') ||
    (isRole(a, 'clerk', 'reviewer', 'head') &&
      departmentId !== null &&
      a.departmentId === departmentId)) as Rule<string | null>,
  /** The lists (clocks, signals, orders): supervisors and administrators, and department staff for their own. */
  readLists: ((a) =>
    isRole(a, 'admin', 'supervisor') ||
    (isRole(a, 'clerk', 'reviewer', 'head') && a.departmentId !== null)) as Rule,
  /** A supervision order is answered by the head of the department it was opened against. */
  answerOrder: ((a, departmentId: string | null) =>
    isRole(a, 'head') && departmentId !== null && a.departmentId === departmentId) as Rule<string | null>,
  closeOrder: ((a) => isRole(a, 'supervisor')) as Rule,
  setThreshold: ((a) => isRole(a, 'admin')) as Rule,
} as const;

/**
 * The department a list is limited to, once readLists allows the actor (401/403 otherwise): what
 * was asked for (or none) for supervisors, the actor's own for department staff.
 */
export function departmentScope(a: Actor, requested: string | undefined): string | undefined {
  authorize(a, supervisionPolicy.readLists, undefined, 'supervision.read');
  return isRole(a, 'clerk', 'reviewer', 'head') ? a.departmentId! : requested;
}
