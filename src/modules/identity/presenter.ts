import type { Role } from '../../shared/actor.js';
import type { UserRow } from './repository.js';

/** 110105********002X: area and sequence stay, the birth date does not. */
export const maskIdNumber = (id: string | null): string | null =>
  id ? `${id.slice(0, 6)}********${id.slice(14)}` : null;
export const maskCreditCode = (code: string | null): string | null =>
  code ? `${code.slice(0, 8)}******${code.slice(14)}` : null;
export const maskPhone = (p: string | null): string | null =>
  p ? (p.length >= 7 ? `${p.slice(0, 3)}****${p.slice(-4)}` : '****') : null;
/** 张三丰 → 张**; a single character stays as it is. */
export const maskName = (n: string): string => (n.length <= 1 ? n : n[0] + '*'.repeat(n.length - 1));

export function presentUser(u: UserRow) {
  return {
    id: u.id,
    username: u.username,
    displayName: u.display_name,
    role: u.role as Role, // written only from ROLES (create-user, update-user)
    departmentId: u.department_id,
    applicantKind: u.applicant_kind,
    idNumber: maskIdNumber(u.id_number),
    creditCode: maskCreditCode(u.credit_code),
    phone: maskPhone(u.phone),
    email: u.email,
    status: u.status,
    lockedUntil: u.locked_until,
    createdAt: u.created_at,
    version: u.version,
  };
}
