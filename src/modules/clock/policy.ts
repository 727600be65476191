import { isRole, type Rule } from '../../shared/policy.js';

export const clockPolicy = {
  /** Loading a State Council notice and confirming it are administrators' acts, by two different people. */
  proposeCalendar: ((a) => isRole(a, 'admin')) as Rule,
  confirmCalendar: ((a, proposerId: string | null) =>
    isRole(a, 'admin') && a.id !== null && a.id !== proposerId) as Rule<string | null>,
  readProposals: ((a) => isRole(a, 'admin', 'supervisor')) as Rule,
  /** A clock's detail: supervisors and administrators, and staff of the clock's department. */
  readClock: ((a, departmentId: string | null) =>
    isRole(a, 'admin', 'supervisor') ||
    (isRole(a, 'clerk', 'reviewer', 'head') &&
      departmentId !== null &&
      a.departmentId === departmentId)) as Rule<string | null>,
  moveTestClock: ((a) => isRole(a, 'admin')) as Rule,
} as const;
