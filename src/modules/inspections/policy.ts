import type { Actor } from '../../shared/actor.js';
import { isRole, type Rule } from '../../shared/policy.js';

/** An inspection, or what a department publishes, as authorization sees it: its department. */
export interface InspectionParties {
  departmentId: string | null;
}

const own = (a: Actor, r: InspectionParties) => a.departmentId !== null && a.departmentId === r?.departmentId;

export const inspectionPolicy = {
  /**
   * Publishing a department's inspection items, discretion standards and inspectors: its head, or an
   * administrator on its behalf.
   */
  publish: ((a, r: InspectionParties) =>
    isRole(a, 'admin') || (isRole(a, 'head') && own(a, r))) as Rule<InspectionParties>,
  /** Registering an inspection before it starts: the department's inspectors and head. */
  register: ((a, r: InspectionParties) =>
    isRole(a, 'inspector', 'head') && own(a, r)) as Rule<InspectionParties>,
  /** Scanning an enterprise's code at its door: inspectors only. */
  scan: ((a) => isRole(a, 'inspector') && a.departmentId !== null) as Rule,
  /** Ending the visit, recording the result, joining a joint visit: the department's inspectors and head. */
  act: ((a, r: InspectionParties) => isRole(a, 'inspector', 'head') && own(a, r)) as Rule<InspectionParties>,
  /** An inspection and its record: the department's staff, supervisors and administrators. */
  read: ((a, r: InspectionParties) =>
    isRole(a, 'supervisor', 'admin') ||
    (isRole(a, 'inspector', 'head', 'reviewer') && own(a, r))) as Rule<InspectionParties>,
  /** The department's plan, calendar and records (supervisors see every department's). */
  list: ((a) =>
    isRole(a, 'supervisor', 'admin') ||
    (isRole(a, 'inspector', 'head', 'reviewer') && a.departmentId !== null)) as Rule,
  /** The city overview by department and enterprise, and the thresholds: supervisors and administrators. */
  oversee: ((a) => isRole(a, 'supervisor', 'admin')) as Rule,
  /** An enterprise's own history and its codes, through its applicant account. */
  enterprise: ((a) => isRole(a, 'applicant')) as Rule,
} as const;
