import { STAFF_ROLES } from '../../shared/actor.js';
import { isRole, type Rule } from '../../shared/policy.js';

/**
 * Staff learning (职业教育): administrators keep the library, the question bank and the assignments;
 * every staff member studies and takes quizzes; supervisors and administrators see everyone's
 * progress, a department head their own department's.
 */
export const learningPolicy = {
  manage: ((a) => isRole(a, 'admin')) as Rule,
  study: ((a) => isRole(a, ...STAFF_ROLES)) as Rule,
  progress: ((a, departmentId: string | null | undefined) =>
    isRole(a, 'admin', 'supervisor') ||
    (isRole(a, 'head') && a.departmentId !== null && departmentId === a.departmentId)) as Rule<
    string | null | undefined
  >,
} as const;
