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

export const DEVICE_KINDS = ['kiosk', 'tablet', 'display'] as const;
export type DeviceKind = (typeof DEVICE_KINDS)[number];

/**
 * What a device's token binds it to (the hall's kiosk, a window's tablet, a screen): read from the
 * token's scope, never from anything the device sends.
 */
export interface DeviceBinding {
  deviceId: string;
  kind: DeviceKind;
  windowId: string | null;
  groupId: string | null;
}

/**
 * Who is acting: a logged-in user, an anonymous visitor, the system itself (CLI, workers), or a
 * registered device (role `device`, its binding in `device`; never a role a user can be given).
 */
export interface Actor {
  id: string | null;
  role: Role | 'anonymous' | 'system' | 'device';
  departmentId: string | null;
  ip: string | null;
  username?: string;
  device?: DeviceBinding;
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
