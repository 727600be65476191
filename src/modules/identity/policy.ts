import type { Rule } from '../../shared/policy.js';
import { isRole } from '../../shared/policy.js';

export const identityPolicy = {
  manageUsers: ((a) => isRole(a, 'admin')) as Rule,
  /** The staff directory (names and roles, no contact data): every staff member. */
  listColleagues: ((a) => isRole(a, 'clerk', 'reviewer', 'head', 'supervisor', 'admin')) as Rule,
  /** Integration tokens: an administrator for anyone; staff for themselves. */
  createToken: ((a, ownerId: string) =>
    isRole(a, 'admin') ||
    (a.id !== null &&
      a.id === ownerId &&
      !isRole(a, 'applicant', 'anonymous', 'system', 'device'))) as Rule<string>,
  revokeToken: ((a, ownerId: string) =>
    isRole(a, 'admin') || (a.id !== null && a.id === ownerId && !isRole(a, 'device'))) as Rule<string>,
  /** An applicant's own profile (prefills their application forms). */
  keepProfile: ((a) => isRole(a, 'applicant') && a.id !== null) as Rule,
} as const;
