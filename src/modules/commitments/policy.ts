import type { Actor } from '../../shared/actor.js';
import { isRole, type Rule } from '../../shared/policy.js';

const ofDepartment = (a: Actor, departmentId: string | null | undefined) =>
  a.departmentId !== null && departmentId !== null && a.departmentId === departmentId;

/**
 * Period commitments (部门承诺): a department's head publishes them and explains one not kept; its
 * staff record milestones and evidence; supervisors judge what no figure can, and see every one.
 * The published list is public (ROUTE_POLICIES says so).
 */
export const commitmentPolicy = {
  publish: ((a, departmentId: string | null) => isRole(a, 'head') && ofDepartment(a, departmentId)) as Rule<
    string | null
  >,
  record: ((a, departmentId: string | null) =>
    isRole(a, 'reviewer', 'head') && ofDepartment(a, departmentId)) as Rule<string | null>,
  explain: ((a, departmentId: string | null) => isRole(a, 'head') && ofDepartment(a, departmentId)) as Rule<
    string | null
  >,
  judge: ((a) => isRole(a, 'supervisor')) as Rule,
  /** The working list: supervisors and administrators all, department staff their own. */
  list: ((a) =>
    isRole(a, 'supervisor', 'admin') ||
    (isRole(a, 'clerk', 'reviewer', 'head') && a.departmentId !== null)) as Rule,
} as const;
