/**
 * Resident ID numbers (GB 11643) and unified social credit codes (GB 32100) checked in the browser
 * before anything is sent, by the same rules the server applies (src/modules/identity/id-checks.ts):
 * the format, a real birth date not in the future, and the check character.
 */
export type IdCheckFailure = 'format' | 'birth_date' | 'check_char';

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

export function residentIdCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * ID_WEIGHTS[i]!;
  return ID_CHECK[sum % 11]!;
}

export function checkResidentId(raw: string, today: Date = new Date()): IdCheckFailure | null {
  const id = raw.trim().toUpperCase();
  if (!/^\d{17}[\dX]$/.test(id)) return 'format';
  const y = Number(id.slice(6, 10));
  const m = Number(id.slice(10, 12));
  const d = Number(id.slice(12, 14));
  const birth = new Date(Date.UTC(y, m - 1, d));
  if (y < 1900 || birth.getUTCFullYear() !== y || birth.getUTCMonth() !== m - 1 || birth.getUTCDate() !== d) return 'birth_date';
  if (birth.getTime() > today.getTime()) return 'birth_date';
  if (residentIdCheckChar(id) !== id[17]) return 'check_char';
  return null;
}

/** 0-9 A-H J-N P-R T-U W-Y: 31 characters, no I, O, S, V, Z. */
const CREDIT_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const CREDIT_WEIGHTS = Array.from({ length: 17 }, (_, i) => 3 ** i % 31);

export function creditCodeCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += CREDIT_ALPHABET.indexOf(first17[i]!) * CREDIT_WEIGHTS[i]!;
  return CREDIT_ALPHABET[(31 - (sum % 31)) % 31]!;
}

export function checkCreditCode(raw: string): IdCheckFailure | null {
  const code = raw.trim().toUpperCase();
  if (!/^[1-9ANY][0-9A-HJ-NP-RTUW-Y]{17}$/.test(code)) return 'format';
  if (creditCodeCheckChar(code) !== code[17]) return 'check_char';
  return null;
}
