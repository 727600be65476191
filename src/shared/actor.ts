export const ROLES = [
  'applicant',
  'clerk',
  'reviewer',
  'head',
  'supervisor',
  'admin',
  // Staff of the reporting center (举报中心): take complaints in, dispatch, close; see reporters.
  'complaint_officer',
  // Enforcement staff of a department (执法人员): register inspections, scan in at the door, record results.
  'inspector',
] as const;
export type Role = (typeof ROLES)[number];
export const STAFF_ROLES: readonly Role[] = [
  'clerk',
  'reviewer',
  'head',
  'supervisor',
  'admin',
  'complaint_officer',
  'inspector',
];
/** Roles that belong to a department and see only its work. */
export const DEPARTMENT_ROLES: readonly Role[] = ['clerk', 'reviewer', 'head', 'inspector'];

/** Who is acting: a logged-in user, an anonymous visitor, or the system itself (CLI, workers). */
export interface Actor {
  id: string | null;
  role: Role | 'anonymous' | 'system';
  departmentId: string | null;
  ip: string | null;
  username?: string;
}

export const anonymous = (ip: string | null = null): Actor => ({
  id: null,
  role: 'anonymous',
  departmentId: null,
  ip,
});
export const systemActor = (what = 'system'): Actor => ({
  id: null,
  role: 'system',
  departmentId: null,
  ip: null,
  username: what,
});
