import type { UnitOfWork } from '../audit/audited-transaction.js';
import type { WorkingCalendar } from '../clock/calendar/working-calendar.js';
import { localDate } from '../clock/local-time.js';
import { newId } from '../../shared/ids.js';
import type { Allocation, ReceiptDraft } from './issue-receipt.js';
import { postLedger, type LedgerEntry } from './ledger.js';
import { linesOf, saveFormTotals, type FormRow, type PaymentRow, type RefundRow } from './repository.js';
import { openRefund } from './refunds/open-refund.js';
import type { FeeRuntime } from './runtime.js';

/** A payment with this gateway transaction id or POS reference is already recorded. */
export class DuplicateReference extends Error {
  constructor(readonly refKey: string) {
    super(`payment ${refKey} is already recorded`);
  }
}

export const PAYMENT_CHANNELS = ['gateway', 'simulated', 'counter_cash', 'counter_pos'] as const;
export type PaymentChannelKind = (typeof PAYMENT_CHANNELS)[number];

export interface IncomingPayment {
  channel: PaymentChannelKind;
  /** the online gateway's name (simulated, or the configured one); null at the counter */
  gateway: string | null;
  /** the gateway's transaction id or the POS slip's reference */
  reference: string | null;
  amountFen: number;
  paidAt: string;
  notificationId?: string | null;
  /** chosen by the caller when it must name the payment before applying it */
  paymentId?: string;
}

/** What a payment did; its receipt is drafted here and numbered by the caller (issueReceipts). */
export interface PaymentOutcome {
  form: FormRow;
  payment: PaymentRow;
  receipt: ReceiptDraft | null;
  refund: RefundRow | null;
}

/**
 * Applies money received for a form, inside the caller's unit of work; the caller holds the form
 * (lockForm). What the form still asks for is paid line by line, in order, and a receipt drafted;
 * anything beyond it — a second payment of a settled form, a payment of a cancelled one, too much —
 * is recorded as an overpayment and becomes a refund the unit has found (退费), on its working-day
 * clock. A payment after the due date is still taken, and marked late.
 */
export async function applyPayment(
  uow: UnitOfWork,
  cal: WorkingCalendar,
  rt: Pick<FeeRuntime, 'config'>,
  form: FormRow,
  p: IncomingPayment,
): Promise<PaymentOutcome> {
  const applied = form.status === 'open' ? Math.min(p.amountFen, form.outstanding_fen) : 0;
  const excess = p.amountFen - applied;
  const payment: PaymentRow = {
    id: p.paymentId ?? newId(uow.now.getTime()),
    form_id: form.id,
    case_id: form.case_id,
    channel: p.channel,
    gateway: p.gateway,
    reference: p.reference,
    ref_key: p.reference ? `${p.gateway ?? p.channel}:${p.reference}` : null,
    amount_fen: p.amountFen,
    applied_fen: applied,
    excess_fen: excess,
    late: localDate(new Date(p.paidAt)) > form.due_date ? 1 : 0,
    paid_at: p.paidAt,
    recorded_at: uow.nowIso,
    recorded_by: uow.actor.id,
    status: 'applied',
    notification_id: p.notificationId ?? null,
  };
  // The same gateway transaction or POS slip is recorded once: the unique key decides, not a read.
  const inserted = await uow.db
    .insertInto('fee_payments')
    .values(payment)
    .onConflict((oc) => oc.column('ref_key').doNothing())
    .executeTakeFirst();
  if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0)
    throw new DuplicateReference(payment.ref_key ?? payment.id);
  let receipt: ReceiptDraft | null = null;
  let next = form;
  if (applied > 0) {
    const allocation: Allocation[] = [];
    const lines = await linesOf(uow.db, [form.id]);
    let left = applied;
    for (const l of lines) {
      const take = Math.min(l.charged_fen - l.waived_fen - l.paid_fen, left);
      if (take <= 0) continue;
      left -= take;
      allocation.push({ lineId: l.id, feeCode: l.fee_code, name: l.fee_name, amountFen: take });
      l.paid_fen += take;
      l.held_fen += take;
      await uow.db
        .updateTable('fee_form_lines')
        .set({ paid_fen: l.paid_fen, held_fen: l.held_fen })
        .where('id', '=', l.id)
        .execute();
      if (left === 0) break;
    }
    const base = {
      caseId: form.case_id,
      formId: form.id,
      departmentId: form.department_id,
      refType: 'payment' as const,
      refId: payment.id,
    };
    const ledger: LedgerEntry[] = allocation.map((a) => ({
      ...base,
      kind: 'payment',
      amount: a.amountFen,
      lineId: a.lineId,
      feeCode: a.feeCode,
    }));
    if (excess > 0) ledger.push({ ...base, kind: 'overpayment', amount: excess });
    await postLedger(uow.db, uow.now, ledger);
    next = await saveFormTotals(uow.db, form, uow.nowIso, {}, lines);
    receipt = { paymentId: payment.id, formId: form.id, caseId: form.case_id, allocation };
  } else {
    await postLedger(uow.db, uow.now, [
      {
        kind: 'overpayment',
        amount: excess,
        caseId: form.case_id,
        formId: form.id,
        departmentId: form.department_id,
        refType: 'payment',
        refId: payment.id,
      },
    ]);
  }
  let refund: RefundRow | null = null;
  if (excess > 0) {
    const why =
      form.status === 'cancelled'
        ? '缴款书已作废后收到的缴款'
        : form.status === 'settled'
          ? '重复缴款'
          : '超额缴款';
    refund = await openRefund(uow, cal, rt, {
      form,
      amountFen: excess,
      source: 'excess',
      origin: 'overpayment',
      paymentId: payment.id,
      reason: `${why}（${payment.reference ?? payment.channel}）`,
    });
  }
  return { form: next, payment, receipt, refund };
}
