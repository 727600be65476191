import { randomInt, timingSafeEqual } from 'node:crypto';
import type { Clock } from '../../shared/clock.js';
import type { AddressGate } from '../identity/address-failures.js';
import type { Actor } from '../../shared/actor.js';
import { newId } from '../../shared/ids.js';
import { AppError } from '../../server/errors.js';
import type { UnitOfWork } from '../audit/audited-transaction.js';
import { findUser } from '../identity/user-reads.js';
import type { Db } from '../../db/database.js';
import {
  findEnterpriseByCode,
  findEnterpriseByCredit,
  insertEnterprise,
  type EnterpriseRow,
} from './repository.js';

const same = (a: string, b: string) =>
  a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const randomCode = (n: number) =>
  Array.from({ length: n }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');

/**
 * The enterprise of a credit code, created at its first registration: with its code (the QR on the
 * sign at its door, public) and its check code (its own, to see its history and act on its inspections).
 */
export async function ensureEnterprise(
  uow: UnitOfWork,
  creditCode: string,
  name: string,
): Promise<EnterpriseRow> {
  const known = await findEnterpriseByCredit(uow.db, creditCode);
  if (known) return known;
  const row = {
    id: newId(uow.now.getTime()),
    credit_code: creditCode,
    name,
    address: null,
    code: randomCode(10),
    check_code: randomCode(8),
    created_at: uow.nowIso,
  };
  await insertEnterprise(uow.db, row);
  return row;
}

export interface EnterpriseProof {
  /** the code on the sign */
  code?: string;
  /** the enterprise's check code */
  check?: string;
}

/**
 * The enterprise acting or reading: an applicant account of the enterprise (its credit code), or
 * anyone holding both the code on its sign and its check code. A wrong pair is "not found".
 */
export async function enterpriseOf(
  deps: { db: Db; clock: Clock; proofGate: AddressGate },
  actor: Actor,
  proof: EnterpriseProof,
): Promise<EnterpriseRow> {
  const { db } = deps;
  if (proof.code && proof.check) {
    const code = proof.code.trim().toUpperCase();
    const check = proof.check.trim().toUpperCase();
    // A wrong pair counts against the address, like a tracking code (AddressGate), then 429.
    const e = await deps.proofGate.guard(actor.ip ?? 'unknown', deps.clock.now(), async () => {
      const found = await findEnterpriseByCode(db, code);
      return found && same(found.check_code, check) ? found : undefined;
    });
    if (e) return e;
    throw new AppError('enterprise_not_found');
  }
  if (actor.role === 'applicant' && actor.id) {
    const u = await findUser(db, actor.id);
    const e = u?.credit_code ? await findEnterpriseByCredit(db, u.credit_code) : undefined;
    if (e) return e;
    throw new AppError('enterprise_not_found');
  }
  // Without an account of the enterprise or its pair of codes, there is no enterprise to show.
  throw new AppError('enterprise_not_found');
}
