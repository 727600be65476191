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
  input: { id: string; code?: string; ip: string },
): Promise<boolean> {
  if (!input.code) return false;
  await gate.check(input.ip);
  const t = await findComplaint(db, input.id);
  if (t && equal(t.check_code, input.code.trim().toUpperCase())) return true;
  await gate.fail(input.ip);
  throw notFound('complaint', input.id);
}
