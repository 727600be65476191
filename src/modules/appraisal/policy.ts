import { isRole, type Rule } from '../../shared/policy.js';

/** Democratic appraisal (民主评议政风行风): run by the administrators; ballots cast by code, by anyone. */
export const appraisalPolicy = {
  /** Open a campaign, issue ballot codes, close it and publish its results. */
  manage: ((a) => isRole(a, 'admin')) as Rule,
  /** Campaigns in preparation and the batches issued: the administrators and the supervisors. */
  readAll: ((a) => isRole(a, 'admin', 'supervisor')) as Rule,
  /** A department's rectification after the appraisal: its head reports it. */
  reportRectification: ((a, r: { departmentId: string }) =>
    isRole(a, 'head') && a.departmentId !== null && a.departmentId === r.departmentId) as Rule<{
    departmentId: string;
  }>,
} as const;
