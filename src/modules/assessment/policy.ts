import type { Actor } from '../../shared/actor.js';
import { isRole, type Rule } from '../../shared/policy.js';

const ofDepartment = (a: Actor, departmentId: string | null) =>
  a.departmentId !== null && departmentId !== null && a.departmentId === departmentId;

/**
 * Performance assessment (效能考核): supervisors and administrators see every department's results,
 * records and exports; a department's head sees the table and the records behind their own figures
 * and comments on their own result before it is final; supervisors and administrators finalise;
 * only administrators set weights and grade thresholds.
 */
export const assessmentPolicy = {
  view: ((a) => isRole(a, 'supervisor', 'admin', 'head')) as Rule,
  trace: ((a, departmentId: string | null) =>
    isRole(a, 'supervisor', 'admin') || (isRole(a, 'head') && ofDepartment(a, departmentId))) as Rule<
    string | null
  >,
  comment: ((a, departmentId: string | null) => isRole(a, 'head') && ofDepartment(a, departmentId)) as Rule<
    string | null
  >,
  finalise: ((a) => isRole(a, 'supervisor', 'admin')) as Rule,
  scheme: ((a) => isRole(a, 'admin')) as Rule,
} as const;
