import type { Actor } from '../../../shared/actor.js';
import { authorize } from '../../../shared/policy.js';
import { audited, type UnitOfWork } from '../../audit/audited-transaction.js';
import { AppError } from '../../../server/errors.js';
import { yuan } from '../../documents/money-text.js';
import { feePolicy } from '../policy.js';
import { postLedger, type LedgerEntry } from '../ledger.js';
import { linesOf, saveFormTotals, lockForm, type FormRow, type RefundRow } from '../repository.js';
import type { FeeRuntime } from '../runtime.js';
import { moveRefundClock } from './refund-clock.js';
import { refundForStep, saveRefund } from './refund-access.js';
import { enqueueNotifications } from '../../supervision/signals.js';

export const REFUND_METHODS = ['original_channel', 'bank_transfer', 'cash'] as const;

/**
 * Takes a fee refund out of the lines, the last line first, from held money first and then from
 * money already remitted (a treasury refund, 退库). Refuses when less is refundable than asked.
 */
async function takeFromLines(uow: UnitOfWork, form: FormRow, r: RefundRow): Promise<LedgerEntry[]> {
  const lines = (await linesOf(uow.db, [form.id])).reverse();
  const available = lines.reduce((s, l) => s + l.paid_fen - l.refunded_fen, 0);
  if (available < r.amount_fen)
    throw new AppError('invalid_state', {
      state: `可退金额仅 ¥${yuan(available)}`,
      action: 'pay_refund',
      allowed: '—',
    });
  const entries: LedgerEntry[] = [];
  let left = r.amount_fen;
  for (const l of lines) {
    if (left === 0) break;
    const fromHeld = Math.min(l.held_fen, l.paid_fen - l.refunded_fen, left);
    const fromRemitted = Math.min(l.remitted_fen, l.paid_fen - l.refunded_fen - fromHeld, left - fromHeld);
    if (fromHeld + fromRemitted === 0) continue;
    left -= fromHeld + fromRemitted;
    await uow.db
      .updateTable('fee_form_lines')
      .set({
        held_fen: l.held_fen - fromHeld,
        remitted_fen: l.remitted_fen - fromRemitted,
        refunded_fen: l.refunded_fen + fromHeld + fromRemitted,
      })
      .where('id', '=', l.id)
      .execute();
    const base = {
      caseId: form.case_id,
      formId: form.id,
      departmentId: form.department_id,
      lineId: l.id,
      feeCode: l.fee_code,
      refType: 'refund' as const,
      refId: r.id,
    };
    entries.push(
      { ...base, kind: 'refund', amount: fromHeld },
      { ...base, kind: 'refund_remitted', amount: fromRemitted },
    );
  }
  if (left !== 0)
    throw new AppError('invalid_state', {
      state: `可退金额不足 ¥${yuan(r.amount_fen)}`,
      action: 'pay_refund',
      allowed: '—',
    });
  return entries;
}

/** Finance pays an approved refund back to the payer: the ledger moves the money, the clock stops. */
export async function payRefund(
  rt: FeeRuntime,
  actor: Actor,
  id: string,
  input: { version: number; method: (typeof REFUND_METHODS)[number]; reference: string },
) {
  authorize(actor, feePolicy.payRefund, undefined, 'refund.pay');
  const cal = await rt.calendars.get();
  return audited(rt.db, rt.clock, actor, async (uow) => {
    const { r, form } = await refundForStep(uow, id, 'approved', 'pay', input.version);
    const locked = (await lockForm(uow.db, form.id))!;
    const entries =
      r.source === 'fee'
        ? await takeFromLines(uow, locked, r)
        : [
            {
              kind: 'refund_excess' as const,
              amount: r.amount_fen,
              caseId: form.case_id,
              formId: form.id,
              departmentId: form.department_id,
              refType: 'refund' as const,
              refId: r.id,
            },
          ];
    await postLedger(uow.db, uow.now, entries);
    if (r.source === 'fee') await saveFormTotals(uow.db, locked, uow.nowIso);
    await moveRefundClock(uow, cal, rt, r, form.number, 'paid', null);
    const next = await saveRefund(uow, r, {
      status: 'paid',
      paid_by: actor.id,
      paid_at: uow.nowIso,
      method: input.method,
      reference: input.reference.trim(),
      clock_id: r.clock_id,
    });
    await uow.audit({
      action: 'refund.paid',
      entityType: 'refund',
      entityId: r.id,
      data: {
        formNumber: form.number,
        amountFen: r.amount_fen,
        source: r.source,
        method: input.method,
        reference: input.reference,
      },
    });
    const c = await uow.db
      .selectFrom('cases')
      .select(['id', 'receipt_no', 'title'])
      .where('id', '=', form.case_id)
      .executeTakeFirstOrThrow();
    await enqueueNotifications(
      uow.db,
      [
        {
          kind: 'fee_refund_paid',
          recipientType: 'applicant',
          recipientId: c.id,
          subjectType: 'case',
          subjectId: c.id,
          payload: {
            receiptNo: c.receipt_no,
            title: c.title,
            formNumber: form.number,
            amountFen: r.amount_fen,
          },
        },
      ],
      uow.nowIso,
    );
    return next;
  });
}
