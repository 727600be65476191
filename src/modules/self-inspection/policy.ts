import type { Actor } from '../../shared/actor.js';
import { isRole, type Rule } from '../../shared/policy.js';

const ofDepartment = (a: Actor, departmentId: string | null) =>
  a.departmentId !== null && departmentId !== null && a.departmentId === departmentId;

/**
 * Self-inspection campaigns (自查自纠): supervisors open, follow up (reject, spot-check, add what a
 * department missed) and publish; a department's reviewers and head file its report and rectify.
 */
export const selfInspectionPolicy = {
  supervise: ((a) => isRole(a, 'supervisor')) as Rule,
  file: ((a, departmentId: string | null) =>
    isRole(a, 'reviewer', 'head') && ofDepartment(a, departmentId)) as Rule<string | null>,
  list: ((a) =>
    isRole(a, 'supervisor', 'admin') ||
    (isRole(a, 'clerk', 'reviewer', 'head') && a.departmentId !== null)) as Rule,
  /** A report: supervisors and administrators, and the department's own staff. */
  read: ((a, departmentId: string | null) =>
    isRole(a, 'supervisor', 'admin') ||
    (isRole(a, 'clerk', 'reviewer', 'head') && ofDepartment(a, departmentId))) as Rule<string | null>,
} as const;
