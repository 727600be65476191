import { timingSafeEqual } from 'node:crypto';
import type { Db } from '../../db/database.js';
import type { Clock } from '../../shared/clock.js';
import { AppError } from '../../server/errors.js';
import { fromJson } from '../../shared/json.js';
import type { DialectName } from '../../db/column-types.js';
import { AddressGate } from '../identity/address-failures.js';
import { departmentNameOf, findFormByNumber, findReceiptForCheck, linesOf } from './repository.js';

/** Wrong number or code: at most this many per address in the window, then 429 (shared by every instance). */
export const VERIFY_POLICY = { maxFailures: 20, windowMinutes: 10 };

const same = (a: string, b: string) =>
  a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

const masked = (name: string) =>
  name.replace(/^(.).*$/u, (_, a: string) => `${a}${'*'.repeat(Math.max(1, [...name].length - 1))}`);

// A wrong pair looks like an unknown number, in each language alone.
const wrongPair = (resource: 'payment_form' | 'receipt', number: string) =>
  new AppError('fee_document_not_found', {
    number,
    what: resource === 'receipt' ? '收据' : '缴款通知书',
    whatEn: resource === 'receipt' ? 'receipt' : 'payment form',
  });

/**
 * Anyone may check that a payment form or a receipt is genuine with its number and the code printed
 * on it (the form's payment code, the receipt's check code). A wrong pair looks like an unknown number.
 */
async function verifyForm(db: Db, gate: AddressGate, now: Date, ip: string, number: string, code: string) {
  const f = await gate.guard(ip, now, async () => {
    const found = await findFormByNumber(db, number);
    return found && same(found.payment_code, code.replace(/\s+/g, '')) ? found : undefined;
  });
  if (!f) throw wrongPair('payment_form', number);
  const [agency, lines] = await Promise.all([departmentNameOf(db, f.department_id), linesOf(db, [f.id])]);
  return {
    authentic: true as const,
    kind: 'payment_form',
    number: f.number,
    status: f.status,
    issuedAt: f.issued_at,
    amountFen: f.charged_fen - f.waived_fen,
    payer: masked(f.payer_name),
    agency,
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

async function verifyReceipt(db: Db, gate: AddressGate, now: Date, ip: string, number: string, code: string) {
  const r = await gate.guard(ip, now, async () => {
    const found = await findReceiptForCheck(db, number);
    return found && same(found.check_code, code.trim().toUpperCase()) ? found : undefined;
  });
  if (!r) throw wrongPair('receipt', number);
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
    payer: masked(r.payer_name),
    agency: r.agency,
    lines: lines.map((l) => ({ feeCode: l.feeCode, name: l.name, amountFen: l.amountFen })),
    dueDate: null,
    paidFen: null,
    formNumber: r.form_number,
  };
}

/**
 * The verification door: wrong pairs count against the address like a tracking guess (AddressGate),
 * so concurrent guesses cannot slip past the limit on either database.
 */
export class DocumentVerifier {
  private readonly gate: AddressGate;

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    dialect: DialectName,
  ) {
    this.gate = new AddressGate(db, dialect, 'verify', VERIFY_POLICY);
  }

  form(ip: string, number: string, code: string) {
    return verifyForm(this.db, this.gate, this.clock.now(), ip, number, code);
  }

  receipt(ip: string, number: string, code: string) {
    return verifyReceipt(this.db, this.gate, this.clock.now(), ip, number, code);
  }
}
