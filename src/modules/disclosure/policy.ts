import { isRole, type Rule } from '../../shared/policy.js';

/**
 * Disclosure (政务公开): administrators keep the library of normative documents (publish, amend,
 * repeal, link items' legal basis) and register villages with their cadence; the staff of the
 * department a village reports to (the township's, 乡镇) publish its statements, as may an
 * administrator. Reading is public (ROUTE_POLICIES says so).
 */
export const disclosurePolicy = {
  manageDocuments: ((a) => isRole(a, 'admin')) as Rule,
  manageVillages: ((a) => isRole(a, 'admin')) as Rule,
  publishStatement: ((a, departmentId: string | null) =>
    isRole(a, 'admin') ||
    (isRole(a, 'clerk', 'head') && a.departmentId !== null && a.departmentId === departmentId)) as Rule<
    string | null
  >,
} as const;
