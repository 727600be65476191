import type { Actor } from '../../shared/actor.js';
import { isRole, type Rule } from '../../shared/policy.js';

const ofDepartment = (a: Actor, departmentId: string | null) =>
  a.departmentId !== null && departmentId !== null && a.departmentId === departmentId;

/**
 * The periodic review of fees (清理收费): the price and finance authority (an administrator) opens a
 * round and decides; each fee's department proposes keep, reduce or abolish. Supervisors read.
 */
export const feeReviewPolicy = {
  manage: ((a) => isRole(a, 'admin')) as Rule,
  propose: ((a, departmentId: string | null) =>
    isRole(a, 'reviewer', 'head') && ofDepartment(a, departmentId)) as Rule<string | null>,
  list: ((a) =>
    isRole(a, 'admin', 'supervisor') || (isRole(a, 'reviewer', 'head') && a.departmentId !== null)) as Rule,
} as const;
