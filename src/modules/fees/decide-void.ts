import type { Actor } from '../../shared/actor.js';
import { authorize } from '../../shared/policy.js';
import { audited, type UnitOfWork } from '../audit/audited-transaction.js';
import { AppError, notFound, staleVersion } from '../../server/errors.js';
import { fromJson } from '../../shared/json.js';
import { feePolicy } from './policy.js';
import { issueReceipt, type Allocation } from './issue-receipt.js';
import { postLedger } from './ledger.js';
import { findReceipt, linesOf, lockForm, saveFormTotals, type ReceiptRow } from './repository.js';
import type { FeeRuntime } from './runtime.js';

/**
 * Undoes a counter payment line by line; refused if its money has already left the held account.
 * On a cancelled form the amount is not owed again: it is cancelled with the rest.
 */
async function reverse(uow: UnitOfWork, r: ReceiptRow, allocation: Allocation[]): Promise<void> {
  const form = (await lockForm(uow.db, r.form_id))!;
  const cancelled = form.status === 'cancelled';
  const lines = new Map((await linesOf(uow.db, [form.id])).map((l) => [l.id, l]));
  for (const a of allocation) {
    const l = lines.get(a.lineId)!;
    if (l.held_fen < a.amountFen)
      throw new AppError('invalid_state', {
        state: '款项已上缴或已退付',
        action: 'void_and_reverse',
        allowed: 'reissue, refund',
      });
    await uow.db
      .updateTable('fee_form_lines')
      .set({
        paid_fen: l.paid_fen - a.amountFen,
        held_fen: l.held_fen - a.amountFen,
        charged_fen: l.charged_fen - (cancelled ? a.amountFen : 0),
      })
      .where('id', '=', l.id)
      .execute();
  }
  const base = {
    caseId: form.case_id,
    formId: form.id,
    departmentId: form.department_id,
    refType: 'receipt' as const,
    refId: r.id,
  };
  await postLedger(
    uow.db,
    uow.now,
    allocation.flatMap((a) => [
      { ...base, kind: 'reversal' as const, amount: a.amountFen, lineId: a.lineId, feeCode: a.feeCode },
      ...(cancelled
        ? [{ ...base, kind: 'cancel' as const, amount: a.amountFen, lineId: a.lineId, feeCode: a.feeCode }]
        : []),
    ]),
  );
  await uow.db
    .updateTable('fee_payments')
    .set({ status: 'reversed' })
    .where('id', '=', r.payment_id)
    .execute();
  await saveFormTotals(uow.db, form, uow.nowIso);
}

/** A supervisor — not the one who asked — approves or refuses voiding a receipt. */
export async function decideVoid(
  rt: FeeRuntime,
  actor: Actor,
  receiptId: string,
  input: { version: number; approve: boolean; note?: string },
) {
  authorize(actor, feePolicy.approveVoid, undefined, 'receipt.approve_void');
  return audited(rt.db, rt.clock, actor, async (uow) => {
    const r = await findReceipt(uow.db, receiptId);
    if (!r) throw notFound('receipt', receiptId);
    if (r.version !== input.version) throw staleVersion(r.version, input.version);
    if (r.status !== 'void_requested')
      throw new AppError('invalid_state', { state: r.status, action: 'decide_void', allowed: '—' });
    if (r.void_requested_by === actor.id) throw new AppError('four_eyes');
    const base = {
      void_decided_by: actor.id,
      void_decided_at: uow.nowIso,
      void_note: input.note ?? null,
      version: r.version + 1,
    };
    if (!input.approve) {
      await uow.db
        .updateTable('fee_receipts')
        .set({ ...base, status: 'valid' })
        .where('id', '=', r.id)
        .execute();
      await uow.audit({
        action: 'receipt.void_rejected',
        entityType: 'receipt',
        entityId: r.id,
        data: { number: r.number, note: input.note ?? null },
      });
      return { voided: null, replacement: null };
    }
    const allocation = fromJson<{ lines: Allocation[] }>(r.allocation, { lines: [] }).lines;
    let replacement: ReceiptRow | null = null;
    if (r.void_reissue)
      replacement = await issueReceipt(
        uow,
        { paymentId: r.payment_id, formId: r.form_id, caseId: r.case_id },
        allocation,
        r.number,
      );
    else await reverse(uow, r, allocation);
    await uow.db
      .updateTable('fee_receipts')
      .set({ ...base, status: 'voided', replaced_by: replacement?.id ?? null })
      .where('id', '=', r.id)
      .execute();
    await uow.audit({
      action: 'receipt.voided',
      entityType: 'receipt',
      entityId: r.id,
      data: {
        number: r.number,
        reason: r.void_reason,
        reissuedAs: replacement?.number ?? null,
        reversed: !replacement,
      },
    });
    return { voided: r.number, replacement: replacement?.number ?? null };
  });
}
