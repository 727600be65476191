import type { Actor } from '../../shared/actor.js';
import { isRole } from '../../shared/policy.js';

/**
 * Who may read a case: its applicant; the window (clerks serve every department); reviewers and
 * heads of a department with a task on it; supervisors and administrators.
 */
export function canReadCase(
  a: Actor,
  c: { applicantUserId: string | null; departmentIds: readonly string[] },
): boolean {
  if (isRole(a, 'admin', 'supervisor', 'clerk', 'system')) return true;
  if (isRole(a, 'applicant')) return a.id !== null && a.id === c.applicantUserId;
  if (isRole(a, 'reviewer', 'head'))
    return a.departmentId !== null && c.departmentIds.includes(a.departmentId);
  return false;
}

/**
 * Who may open the applicant's material files: the applicant, and staff of a department on the case
 * (its reviewers and heads, and the window clerks of those departments or the clerk who took it in).
 * Supervisors see the case, not the applicant's papers.
 */
export function canReadMaterials(
  a: Actor,
  c: { applicantUserId: string | null; departmentIds: readonly string[]; createdBy: string | null },
): boolean {
  if (isRole(a, 'system')) return true;
  if (isRole(a, 'applicant')) return a.id !== null && a.id === c.applicantUserId;
  if (isRole(a, 'clerk') && a.id !== null && a.id === c.createdBy) return true;
  if (isRole(a, 'clerk', 'reviewer', 'head'))
    return a.departmentId !== null && c.departmentIds.includes(a.departmentId);
  return false;
}
