import type { Actor } from '../../shared/actor.js';
import { authorize } from '../../shared/policy.js';
import { audited } from '../audit/audited-transaction.js';
import { AppError, notFound, staleVersion } from '../../server/errors.js';
import { feePolicy } from './policy.js';
import { postLedger } from './ledger.js';
import { linesOf, lockForm, saveFormTotals, type FormRow } from './repository.js';
import type { UnitOfWork } from '../audit/audited-transaction.js';
import type { FeeRuntime } from './runtime.js';

/**
 * Cancels what is still owed on a form (作废): the case was withdrawn or refused, or the form was
 * wrong and is issued again. What was already paid stays paid and may be refunded; a payment that
 * arrives later is an overpayment and is refunded.
 */
export async function cancelForm(
  rt: FeeRuntime,
  actor: Actor,
  formId: string,
  input: { version: number; reason: string },
) {
  return audited(rt.db, rt.clock, actor, async (uow) => {
    const form = await lockForm(uow.db, formId);
    if (!form) throw notFound('payment_form', formId);
    authorize(actor, feePolicy.cancel, form.department_id, 'fee_form.cancel');
    if (form.version !== input.version) throw staleVersion(form.version, input.version);
    if (form.status === 'cancelled')
      throw new AppError('invalid_state', { state: form.status, action: 'cancel', allowed: '—' });
    return cancelOutstanding(uow, form, input.reason);
  });
}

/** The cancellation itself, inside the caller's unit of work (a clerk's, or the end of a case). */
export async function cancelOutstanding(uow: UnitOfWork, form: FormRow, reason: string): Promise<FormRow> {
  const lines = await linesOf(uow.db, [form.id]);
  for (const l of lines) {
    const open = l.charged_fen - l.waived_fen - l.paid_fen;
    if (open <= 0) continue;
    await uow.db
      .updateTable('fee_form_lines')
      .set({ charged_fen: l.charged_fen - open })
      .where('id', '=', l.id)
      .execute();
    await postLedger(uow.db, uow.now, [
      {
        kind: 'cancel',
        amount: open,
        caseId: form.case_id,
        formId: form.id,
        departmentId: form.department_id,
        lineId: l.id,
        feeCode: l.fee_code,
        refType: 'form',
        refId: form.id,
      },
    ]);
  }
  const next = await saveFormTotals(uow.db, form, uow.nowIso, {
    status: 'cancelled',
    cancelled_at: uow.nowIso,
    cancel_reason: reason.trim(),
  });
  await uow.audit({
    action: 'fee_form.cancelled',
    entityType: 'fee_form',
    entityId: form.id,
    data: { number: form.number, reason, cancelledFen: form.outstanding_fen },
  });
  return next;
}
