import { hash, verify, Algorithm } from '@node-rs/argon2';

// OWASP's argon2id baseline: 19 MiB, 2 iterations, 1 lane.
const OPTIONS = { algorithm: Algorithm.Argon2id, memoryCost: 19456, timeCost: 2, parallelism: 1 };

export const hashPassword = (password: string): Promise<string> => hash(password, OPTIONS);

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** Used when the username does not exist, so a miss costs as long as a wrong password. */
let dummyHash: Promise<string> | undefined;
export function dummyVerify(password: string): Promise<boolean> {
  dummyHash ??= hashPassword('onewindow-dummy-password');
  return dummyHash.then((h) => verifyPassword(h, password)).then(() => false);
}

/** At least 8 characters with letters and digits; returns why not, or null. */
export function passwordProblem(password: string): { zh: string; en: string } | null {
  if (password.length < 8) return { zh: '密码至少 8 位', en: 'must be at least 8 characters' };
  if (password.length > 128) return { zh: '密码最多 128 位', en: 'must be at most 128 characters' };
  if (!/[A-Za-z]/.test(password) || !/\d/.test(password))
    return { zh: '密码须同时包含字母和数字', en: 'must contain letters and digits' };
  return null;
}
