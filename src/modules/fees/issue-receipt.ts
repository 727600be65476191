import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { UnitOfWork } from '../audit/audited-transaction.js';
import { localDate } from '../clock/local-time.js';
import { newId } from '../../shared/ids.js';
import { toJson } from '../../shared/json.js';
import { newCheckCode, receiptNumber } from './codes.js';
import type { ReceiptRow } from './repository.js';

export interface Allocation {
  lineId: string;
  feeCode: string;
  name: string;
  amountFen: number;
}
export interface ReceiptDraft {
  paymentId: string;
  formId: string;
  caseId: string;
  allocation: Allocation[];
  replaces?: string;
}

/**
 * Takes k consecutive numbers of a named sequence inside the caller's transaction and returns the
 * first. One statement when the sequence exists. The counter row is held until commit, so writers
 * on PostgreSQL queue on it, and a rolled-back transaction gives its numbers back: no gaps.
 */
export async function takeNumbers(db: Kysely<Database>, name: string, k: number): Promise<number> {
  const bump = () =>
    db
      .updateTable('counters')
      .set((eb) => ({ value: eb('value', '+', k) }))
      .where('name', '=', name)
      .returning('value')
      .executeTakeFirst();
  let r = await bump();
  if (!r) {
    await db
      .insertInto('counters')
      .values({ name, value: 0 })
      .onConflict((oc) => oc.column('name').doNothing())
      .execute();
    r = await bump();
  }
  return Number(r!.value) - k + 1;
}

/**
 * Receipts (收款票据) for the parts of payments applied to fees, numbered per year without gaps.
 * The numbers are taken last, all at once, just before the transaction commits: the year's counter
 * is then held for the shortest time, and the receipts of one commit get consecutive numbers.
 */
export async function issueReceipts(uow: UnitOfWork, drafts: ReceiptDraft[]): Promise<ReceiptRow[]> {
  if (!drafts.length) return [];
  const year = localDate(uow.now).slice(0, 4);
  const first = await takeNumbers(uow.db, `fee:receipt:${year}`, drafts.length);
  const rows: ReceiptRow[] = drafts.map((d, i) => ({
    id: newId(uow.now.getTime()),
    number: receiptNumber(year, first + i),
    year: Number(year),
    seq: first + i,
    check_code: newCheckCode(),
    payment_id: d.paymentId,
    form_id: d.formId,
    case_id: d.caseId,
    amount_fen: d.allocation.reduce((s, a) => s + a.amountFen, 0),
    issued_at: uow.nowIso,
    status: 'valid',
    allocation: toJson({ lines: d.allocation, replaces: d.replaces ?? null }),
    void_reason: null,
    void_reissue: null,
    void_requested_by: null,
    void_requested_at: null,
    void_decided_by: null,
    void_decided_at: null,
    void_note: null,
    replaced_by: null,
    version: 1,
  }));
  for (let i = 0; i < rows.length; i += 100)
    await uow.db
      .insertInto('fee_receipts')
      .values(rows.slice(i, i + 100))
      .execute();
  return rows;
}

export async function issueReceipt(
  uow: UnitOfWork,
  p: { paymentId: string; formId: string; caseId: string },
  allocation: Allocation[],
  replaces?: string,
): Promise<ReceiptRow> {
  return (await issueReceipts(uow, [{ ...p, allocation, ...(replaces ? { replaces } : {}) }]))[0]!;
}
