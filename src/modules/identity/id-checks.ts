/**
 * Resident ID numbers (GB 11643) and unified social credit codes (GB 32100), checked by their
 * check characters. Pure functions; see domain.md §6.
 */
const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

export type IdCheckFailure = 'format' | 'birth_date' | 'check_char';

export function residentIdCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * ID_WEIGHTS[i]!;
  return ID_CHECK[sum % 11]!;
}

function isRealDate(y: number, m: number, d: number): boolean {
  const dt = new Date(Date.UTC(y, m - 1, d));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d;
}

/** Returns null when valid, otherwise why not. `today` bounds the birth date (no births in the future). */
export function checkResidentId(raw: string, today: Date): IdCheckFailure | null {
  const id = raw.trim().toUpperCase();
  if (!/^\d{17}[\dX]$/.test(id)) return 'format';
  const y = Number(id.slice(6, 10));
  const m = Number(id.slice(10, 12));
  const d = Number(id.slice(12, 14));
  if (y < 1900 || !isRealDate(y, m, d)) return 'birth_date';
  if (Date.UTC(y, m - 1, d) > today.getTime()) return 'birth_date';
  if (residentIdCheckChar(id) !== id[17]) return 'check_char';
  return null;
}

/** 0-9 A-H J-N P-R T-U W-Y: 31 characters, no I, O, S, V, Z. */
export const CREDIT_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const CREDIT_WEIGHTS = Array.from({ length: 17 }, (_, i) => 3 ** i % 31);

export function creditCodeCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += CREDIT_ALPHABET.indexOf(first17[i]!) * CREDIT_WEIGHTS[i]!;
  return CREDIT_ALPHABET[(31 - (sum % 31)) % 31]!;
}

export function checkCreditCode(raw: string): IdCheckFailure | null {
  const code = raw.trim().toUpperCase();
  // Registering authority: 1-9 or A, N, Y. The rest is free within the alphabet; we do not demand
  // that positions 3-8 be digits (administrative division codes are, but other issuers differ).
  if (!/^[1-9ANY][0-9A-HJ-NP-RTUW-Y]{17}$/.test(code)) return 'format';
  if (creditCodeCheckChar(code) !== code[17]) return 'check_char';
  return null;
}

export const ID_FAILURE_TEXT: Record<IdCheckFailure, { zh: string; en: string }> = {
  format: { zh: '格式不正确', en: 'has the wrong format' },
  birth_date: { zh: '出生日期不是真实日期', en: 'has a birth date that is not a real date' },
  check_char: { zh: '校验位不正确', en: 'has a wrong check character' },
};
