import { isRole, type Rule } from '../../shared/policy.js';

/**
 * Who may do what with fees. The resource is the collecting department of the form (or, for
 * reports, the department asked about; null means every department). The window (clerks) serves
 * every department; a department head acts for their own unit; administrators act for finance
 * (财政) until a finance role exists; supervisors (电子监察) approve voiding a receipt.
 */
export const feePolicy = {
  issue: ((a, dept: string) =>
    isRole(a, 'clerk', 'admin') || (isRole(a, 'head') && a.departmentId === dept)) as Rule<string>,
  waive: ((a, dept: string) =>
    isRole(a, 'admin') || (isRole(a, 'head') && a.departmentId === dept)) as Rule<string>,
  cancel: ((a, dept: string) =>
    isRole(a, 'clerk', 'admin') || (isRole(a, 'head') && a.departmentId === dept)) as Rule<string>,
  collectAtCounter: ((a) => isRole(a, 'clerk')) as Rule,
  requestVoid: ((a, dept: string) =>
    isRole(a, 'clerk') || (isRole(a, 'head') && a.departmentId === dept)) as Rule<string>,
  approveVoid: ((a) => isRole(a, 'supervisor')) as Rule,
  /** A refund the payer asks for: only the applicant of the form's case. */
  requestRefund: ((a, applicantUserId: string | null) =>
    isRole(a, 'applicant') && a.id !== null && a.id === applicantUserId) as Rule<string | null>,
  /** A refund the unit finds itself (多收、错收): raised and filed by the collecting unit. */
  fileRefund: ((a, dept: string) =>
    isRole(a, 'clerk', 'admin') || (isRole(a, 'head') && a.departmentId === dept)) as Rule<string>,
  reviewRefund: ((a, dept: string) =>
    isRole(a, 'admin') || (isRole(a, 'head') && a.departmentId === dept)) as Rule<string>,
  approveRefund: ((a) => isRole(a, 'admin')) as Rule,
  payRefund: ((a) => isRole(a, 'admin')) as Rule,
  remit: ((a) => isRole(a, 'admin')) as Rule,
  reconcile: ((a) => isRole(a, 'admin')) as Rule,
  readReports: ((a, dept: string | null) =>
    isRole(a, 'admin', 'supervisor') ||
    (isRole(a, 'head') && dept !== null && a.departmentId === dept)) as Rule<string | null>,
  checkLedger: ((a) => isRole(a, 'admin', 'supervisor')) as Rule,
  readRefunds: ((a, dept: string | null) =>
    isRole(a, 'admin', 'supervisor', 'clerk') ||
    (isRole(a, 'head') && dept !== null && a.departmentId === dept)) as Rule<string | null>,
  itemSettings: ((a) => isRole(a, 'admin')) as Rule,
} as const;
