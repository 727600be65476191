import { DEPARTMENT_ROLES, type Actor } from '../../shared/actor.js';
import { isRole, type Rule } from '../../shared/policy.js';

/** What decides an actor's relation to a ticket. */
export interface ComplaintParties {
  /** 'supervisors' when the report is about a department's leadership (it never goes to the department). */
  route: 'department' | 'supervisors';
  assignedDepartmentId: string | null;
  reporterUserId: string | null;
  /** The visitor proved to be the reporter with the ticket number and check code. */
  codeProved?: boolean;
}

/** How an actor stands to a ticket; the presenter masks by it. */
export type Viewer = 'center' | 'supervisor' | 'reporter' | 'department' | 'none';

const isCenter = (a: Actor) => isRole(a, 'complaint_officer');
const isReporter = (a: Actor, p: ComplaintParties) =>
  (!!a.id && a.id === p.reporterUserId) || p.codeProved === true;
/** The department the ticket was dispatched to; never the department of a report about its leadership. */
const isHandlingDepartment = (a: Actor, p: ComplaintParties) =>
  p.route === 'department' &&
  !!p.assignedDepartmentId &&
  DEPARTMENT_ROLES.includes(a.role as never) &&
  a.departmentId === p.assignedDepartmentId;

export function viewerOf(a: Actor, p: ComplaintParties): Viewer {
  if (isCenter(a)) return 'center';
  if (isRole(a, 'supervisor')) return 'supervisor';
  if (isReporter(a, p)) return 'reporter';
  if (isHandlingDepartment(a, p)) return 'department';
  return 'none';
}

/** Who takes each step: the center, whoever handles the ticket, or its reporter. */
export const COMPLAINT_ACTION_PARTY = {
  accept: 'center',
  refuse: 'center',
  dispatch: 'center',
  return: 'handler',
  decide_return: 'center',
  reassign: 'center',
  reply: 'handler',
  close: 'center',
  callback: 'center',
  rate: 'reporter',
  reopen: 'reporter',
  merge: 'center',
} as const;
export type ComplaintAction = keyof typeof COMPLAINT_ACTION_PARTY;

const mayAct = (a: Actor, r: { action: ComplaintAction; ticket: ComplaintParties }): boolean => {
  const party = COMPLAINT_ACTION_PARTY[r.action];
  if (party === 'center') return isCenter(a);
  if (party === 'reporter') return isReporter(a, r.ticket);
  // Leadership reports are handled by the supervisors (discipline inspection), all others by the department.
  return r.ticket.route === 'supervisors' ? isRole(a, 'supervisor') : isHandlingDepartment(a, r.ticket);
};

export const complaintPolicy = {
  /** Anyone may report, logged in or not (the portal takes anonymous reports). */
  submit: (() => true) as Rule,
  /** A walk-in or a phone call, written down by the center or the one window. */
  recordForCaller: ((a) => isRole(a, 'complaint_officer', 'clerk')) as Rule,
  read: ((a, p) => viewerOf(a, p) !== 'none') as Rule<ComplaintParties>,
  /** The reporter's identity and contact: the center and the supervisors only. */
  seeIdentity: ((a) => isRole(a, 'complaint_officer', 'supervisor')) as Rule,
  act: mayAct as Rule<{ action: ComplaintAction; ticket: ComplaintParties }>,
  workbench: ((a) => isRole(a, 'complaint_officer', 'supervisor')) as Rule,
  departmentList: ((a) => isRole(a, 'clerk', 'reviewer', 'head')) as Rule,
  supervisorView: ((a) => isRole(a, 'supervisor')) as Rule,
  /** A 乱收费 report's fee form or receipt beside the published fee lines. */
  feeContext: ((a) => isRole(a, 'supervisor', 'complaint_officer')) as Rule,
  manageCategories: ((a) => isRole(a, 'admin')) as Rule,
  issueOpen311Key: ((a) => isRole(a, 'admin')) as Rule,
};
