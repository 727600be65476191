import type { Actor } from '../../shared/actor.js';
import { isRole, type Rule } from '../../shared/policy.js';

/** A rating, rectification or appeal as authorization sees it: the department rated. */
export interface RatedDepartment {
  departmentId: string;
}

const ofDepartment = (a: Actor, r: RatedDepartment, ...roles: Actor['role'][]) =>
  isRole(a, ...roles) && a.departmentId !== null && a.departmentId === r.departmentId;

/**
 * Ratings (好差评). Nobody may pressure a rater, so the rated department never learns who rated:
 * its staff read ratings of their department without the rater (presenter.ts), and only the
 * supervisors and the reporting center, who call bad raters back, see who they are.
 */
export const ratingPolicy = {
  /** Online, after the matter: the applicant who owns the case, or anyone holding its check code. */
  rateOnline: ((a) => isRole(a, 'anonymous', 'applicant')) as Rule,
  /**
   * On site: the window's tablet (评价器) by its device token, bound to its window; a clerk's
   * session may still enter a rating for a visit of the clerk's department.
   */
  rateOnSite: ((a) => isRole(a, 'clerk') || (a.role === 'device' && a.device?.kind === 'tablet')) as Rule,
  /** By phone: entered by the hotline staff and the supervisors, never by the rated window. */
  recordByPhone: ((a) => isRole(a, 'complaint_officer', 'supervisor')) as Rule,
  /** Ratings, rectifications and appeals of a department: its own staff, the supervisors, the center. */
  read: ((a, r: RatedDepartment) =>
    isRole(a, 'supervisor', 'admin', 'complaint_officer') ||
    ofDepartment(a, r, 'clerk', 'reviewer', 'head')) as Rule<RatedDepartment>,
  /** Lists across departments (each department's staff get their own only). */
  list: ((a) =>
    isRole(a, 'supervisor', 'admin', 'complaint_officer') ||
    (isRole(a, 'clerk', 'reviewer', 'head') && a.departmentId !== null)) as Rule,
  /** Who rated: only those who call bad raters back. */
  readRater: ((a) => isRole(a, 'supervisor', 'complaint_officer')) as Rule,
  /** The rated department acknowledges, answers and rectifies. */
  rectify: ((a, r: RatedDepartment) => ofDepartment(a, r, 'reviewer', 'head')) as Rule<RatedDepartment>,
  /** The call-back to a real-name bad rater. */
  callBack: ((a, _r: RatedDepartment) =>
    isRole(a, 'supervisor', 'complaint_officer')) as Rule<RatedDepartment>,
  /** A department's head appeals a rating of the department as mistaken or malicious. */
  appeal: ((a, r: RatedDepartment) => ofDepartment(a, r, 'head')) as Rule<RatedDepartment>,
  /** The supervisors decide an appeal, with reasons. */
  decideAppeal: ((a) => isRole(a, 'supervisor')) as Rule,
} as const;
