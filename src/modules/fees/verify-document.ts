import { timingSafeEqual } from 'node:crypto';
import type { Db } from '../../db/database.js';
import type { Clock } from '../../shared/clock.js';
import { AppError } from '../../server/errors.js';
import { fromJson } from '../../shared/json.js';
import { countFailures } from '../identity/address-failures.js';
import { findFormByNumber, linesOf } from './repository.js';

/** Wrong number or code: at most this many per address in the window, then 429 (shared by every instance). */
export const VERIFY_POLICY = { maxFailures: 20, windowMinutes: 10 };

const same = (a: string, b: string) =>
  a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

async function guard(db: Db, clock: Clock, ip: string) {
  const since = new Date(clock.now().getTime() - VERIFY_POLICY.windowMinutes * 60_000).toISOString();
  if ((await countFailures(db, `verify:${ip}`, since)) >= VERIFY_POLICY.maxFailures) {
    throw new AppError('rate_limited', { retryAfter: VERIFY_POLICY.windowMinutes * 60 }, [], {
      retryAfter: VERIFY_POLICY.windowMinutes * 60,
    });
  }
}

async function fail(db: Db, clock: Clock, ip: string, resource: string, number: string): Promise<never> {
  await db
    .insertInto('login_failures')
    .values({ key: `verify:${ip}`, at: clock.now().toISOString() })
    .execute();
  throw new AppError('resource_not_found', {
    resource,
    id: `${number}（编号或验证码不正确 / number or code wrong）`,
  });
}

/**
 * Anyone may check that a payment form or a receipt is genuine with its number and the code printed
 * on it (the form's payment code, the receipt's check code). A wrong pair looks like an unknown number.
 */
export async function verifyForm(db: Db, clock: Clock, ip: string, number: string, code: string) {
  await guard(db, clock, ip);
  const f = await findFormByNumber(db, number);
  if (!f || !same(f.payment_code, code.replace(/\s+/g, '')))
    return fail(db, clock, ip, 'payment_form', number);
  const [dept, lines] = await Promise.all([
    db.selectFrom('departments').select('name').where('id', '=', f.department_id).executeTakeFirstOrThrow(),
    linesOf(db, [f.id]),
  ]);
  return {
    authentic: true as const,
    kind: 'payment_form',
    number: f.number,
    status: f.status,
    issuedAt: f.issued_at,
    amountFen: f.charged_fen - f.waived_fen,
    payer: f.payer_name.replace(
      /^(.).*$/u,
      (_, a: string) => `${a}${'*'.repeat(Math.max(1, [...f.payer_name].length - 1))}`,
    ),
    agency: dept.name,
    lines: lines.map((l) => ({
      feeCode: l.fee_code,
      name: l.fee_name,
      amountFen: l.charged_fen - l.waived_fen,
    })),
    dueDate: f.due_date,
    paidFen: f.paid_fen,
    formNumber: null,
  };
}

export async function verifyReceipt(db: Db, clock: Clock, ip: string, number: string, code: string) {
  await guard(db, clock, ip);
  const r = await db
    .selectFrom('fee_receipts as r')
    .innerJoin('fee_forms as f', 'f.id', 'r.form_id')
    .innerJoin('departments as d', 'd.id', 'f.department_id')
    .select([
      'r.number',
      'r.check_code',
      'r.status',
      'r.issued_at',
      'r.amount_fen',
      'r.allocation',
      'f.payer_name',
      'f.number as form_number',
      'd.name as agency',
    ])
    .where('r.number', '=', number)
    .executeTakeFirst();
  if (!r || !same(r.check_code, code.trim().toUpperCase())) return fail(db, clock, ip, 'receipt', number);
  const lines = fromJson<{ lines: { feeCode: string; name: string; amountFen: number }[] }>(r.allocation, {
    lines: [],
  }).lines;
  return {
    authentic: true as const,
    kind: 'receipt',
    number: r.number,
    status: r.status,
    issuedAt: r.issued_at,
    amountFen: r.amount_fen,
    payer: r.payer_name.replace(
      /^(.).*$/u,
      (_, a: string) => `${a}${'*'.repeat(Math.max(1, [...r.payer_name].length - 1))}`,
    ),
    agency: r.agency,
    lines: lines.map((l) => ({ feeCode: l.feeCode, name: l.name, amountFen: l.amountFen })),
    dueDate: null,
    paidFen: null,
    formNumber: r.form_number,
  };
}
