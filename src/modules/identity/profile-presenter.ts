import type { ApplicantProfileTable } from '../../db/schema-account.js';
import { maskCreditCode, maskIdNumber } from './presenter.js';
import type { UserRow } from './repository.js';

/**
 * An applicant's own profile, for their profile page and to prefill application forms: their own
 * phone and email in full (they are filling in their own forms), the ID number and credit code
 * masked as everywhere (cases take them from the account, so the form never needs them in full).
 */
export function presentProfile(
  u: UserRow,
  p: Pick<ApplicantProfileTable, 'address' | 'contact_name'> | undefined,
) {
  return {
    username: u.username,
    kind: u.applicant_kind === 'enterprise' ? ('enterprise' as const) : ('person' as const),
    displayName: u.display_name,
    idNumber: maskIdNumber(u.id_number),
    creditCode: maskCreditCode(u.credit_code),
    phone: u.phone,
    email: u.email,
    address: p?.address ?? null,
    contactName: p?.contact_name ?? null,
    version: u.version,
  };
}
