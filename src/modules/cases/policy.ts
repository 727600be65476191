import type { Actor, Role } from '../../shared/actor.js';
import { isRole, type Rule } from '../../shared/policy.js';
import type { CaseAction } from './case-machine.js';

/** A case as authorization sees it: whose it is and which departments have a task on it. */
export interface CaseParties {
  applicantUserId: string | null;
  /** Departments with a task on the case (and the lead department). */
  departmentIds: readonly string[];
}

/**
 * Who may read a case: its applicant; the window (clerks serve every department); reviewers and
 * heads of a department with a task on it; supervisors and administrators.
 */
export function canReadCase(a: Actor, c: CaseParties): boolean {
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
export function canReadMaterials(a: Actor, c: CaseParties & { createdBy: string | null }): boolean {
  if (isRole(a, 'system')) return true;
  if (isRole(a, 'applicant')) return a.id !== null && a.id === c.applicantUserId;
  if (isRole(a, 'clerk') && a.id !== null && a.id === c.createdBy) return true;
  if (isRole(a, 'clerk', 'reviewer', 'head'))
    return a.departmentId !== null && c.departmentIds.includes(a.departmentId);
  return false;
}

/**
 * The roles that may take each action of the case machine (case-machine.ts says from which states).
 * The system acts on deadlines (deemed acceptance).
 */
export const CASE_ACTION_ROLES: Record<CaseAction, readonly (Role | 'system')[]> = {
  submit: ['applicant', 'clerk'],
  edit_draft: ['applicant', 'clerk'],
  request_supplement: ['clerk'],
  supplement: ['applicant', 'clerk'],
  accept: ['clerk', 'system'],
  accept_with_shortfall: ['clerk'],
  refuse_intake: ['clerk'],
  provide_deferred: ['applicant', 'clerk'],
  record_opinion: ['reviewer', 'head'],
  record_site_verification: ['reviewer', 'head'],
  start_special_procedure: ['reviewer', 'head'],
  end_special_procedure: ['reviewer', 'head'],
  request_extension: ['reviewer', 'head'],
  approve_extension: ['head'],
  decide_task: ['reviewer', 'head'],
  deliver: ['clerk'],
  withdraw: ['applicant', 'clerk'],
};

/**
 * Whether the actor, by role and relation to the case, may ever take the action on it (its state
 * aside): an applicant only on their own case; reviewers and heads only where their department has
 * a task; clerks work at the one window for every department.
 */
function mayTakeAction(a: Actor, r: { action: CaseAction; case: CaseParties }): boolean {
  if (!CASE_ACTION_ROLES[r.action].includes(a.role as Role | 'system')) return false;
  if (isRole(a, 'applicant')) return a.id !== null && a.id === r.case.applicantUserId;
  if (isRole(a, 'reviewer', 'head'))
    return a.departmentId !== null && r.case.departmentIds.includes(a.departmentId);
  return true;
}

const STAFF = ['clerk', 'reviewer', 'head'] as const;

export const casePolicy = {
  read: canReadCase as Rule<CaseParties>,
  readMaterials: canReadMaterials as Rule<CaseParties & { createdBy: string | null }>,
  /**
   * The review record (opinions, site verifications, extension requests and their decisions, special
   * procedures, with who wrote them): every staff member who may read the case, so departments
   * reviewing in parallel read each other's opinions and the head sees why more time is asked.
   * The applicant learns the outcome through the documents instead.
   */
  readReviewRecord: ((a, c: CaseParties) =>
    !isRole(a, 'applicant') && canReadCase(a, c)) as Rule<CaseParties>,
  /** An uploaded file: its uploader, and whoever may read the materials of the case it belongs to. */
  readFile: ((
    a,
    f: { ownerUserId: string | null; case: (CaseParties & { createdBy: string | null }) | null },
  ) =>
    (f.ownerUserId !== null && f.ownerUserId === a.id) ||
    (f.case !== null && canReadMaterials(a, f.case))) as Rule<{
    ownerUserId: string | null;
    case: (CaseParties & { createdBy: string | null }) | null;
  }>,
  /** Applying (online, or for someone at the window) and uploading the materials for it. */
  submit: ((a) => isRole(a, 'applicant', 'clerk')) as Rule,
  uploadFile: ((a) => isRole(a, 'applicant', 'clerk')) as Rule,
  /** Case lists: applicants see their own, department staff their department's, the rest all. */
  list: ((a) => isRole(a, 'applicant', 'clerk', 'reviewer', 'head', 'supervisor', 'admin')) as Rule,
  /** A department's review tasks: its reviewers and head. */
  worklist: ((a) => isRole(a, 'reviewer', 'head') && a.departmentId !== null) as Rule,
  act: mayTakeAction as Rule<{ action: CaseAction; case: CaseParties }>,
  /** A reviewer or head acts only on a task of their own department (not merely on the same case). */
  actOnTask: ((a, taskDepartmentId: string) =>
    isRole(a, 'reviewer', 'head') && a.departmentId === taskDepartmentId) as Rule<string>,
  /** First inquiries (首问负责): any staff member asked records one and owns it. */
  handleInquiries: ((a) => isRole(a, ...STAFF)) as Rule,
  /** Only its owner answers an inquiry or hands it over. */
  ownInquiry: ((a, ownerId: string) => a.id !== null && a.id === ownerId) as Rule<string>,
  /** Staff see the inquiries they own; supervisors and administrators all. */
  listInquiries: ((a) => isRole(a, ...STAFF, 'supervisor', 'admin')) as Rule,
} as const;
