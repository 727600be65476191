import type { Actor } from '../../shared/actor.js';
import { isRole, type Rule } from '../../shared/policy.js';

/**
 * Disclosure (政务公开): administrators keep the library of normative documents (publish, amend,
 * repeal, link items' legal basis). The staff (clerks, heads) of the department a village reports
 * to (the township's, 乡镇) register its villages, set their cadence and publish their statements,
 * as may an administrator for any department. Reading is public (ROUTE_POLICIES says so).
 */
const ofDepartment = (a: Actor, departmentId: string | null) =>
  isRole(a, 'admin') ||
  (isRole(a, 'clerk', 'head') && a.departmentId !== null && a.departmentId === departmentId);

export const disclosurePolicy = {
  manageDocuments: ((a) => isRole(a, 'admin')) as Rule,
  manageVillages: ((a, departmentId: string | null) => ofDepartment(a, departmentId)) as Rule<string | null>,
  publishStatement: ((a, departmentId: string | null) => ofDepartment(a, departmentId)) as Rule<
    string | null
  >,
} as const;
