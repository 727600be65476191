import { timingSafeEqual } from 'node:crypto';
import type { Db } from '../../db/database.js';
import { notFound } from '../../server/errors.js';
import type { AddressGate } from '../identity/address-failures.js';
import { findComplaint } from './repository.js';

const equal = (a: string, b: string) =>
  a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

/**
 * A reporter without an account proves the ticket is theirs with its check code. Wrong codes count
 * against the address like wrong tracking codes (429 after too many), and look like an unknown ticket.
 */
export async function proveReporter(
  db: Db,
  gate: AddressGate,
  input: { id: string; code?: string; ip: string; now: Date },
): Promise<boolean> {
  const code = input.code;
  if (!code) return false;
  const proven = await gate.guard(input.ip, input.now, async () => {
    const t = await findComplaint(db, input.id);
    return t && equal(t.check_code, code.trim().toUpperCase()) ? true : undefined;
  });
  if (!proven) throw notFound('complaint', input.id);
  return true;
}
