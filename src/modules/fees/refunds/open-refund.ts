import type { UnitOfWork } from '../../audit/audited-transaction.js';
import type { WorkingCalendar } from '../../clock/calendar/working-calendar.js';
import { newId } from '../../../shared/ids.js';
import type { FormRow, RefundRow } from '../repository.js';
import type { FeeRuntime } from '../runtime.js';
import { moveRefundClock } from './refund-clock.js';

export interface OpenRefundInput {
  form: Pick<FormRow, 'id' | 'case_id' | 'department_id' | 'number'>;
  amountFen: number;
  /** fee: money paid against fees; excess: money paid beyond them */
  source: 'fee' | 'excess';
  /** payer: the payer asked; unit: the collecting unit found it; overpayment: found when the money came in */
  origin: 'payer' | 'unit' | 'overpayment';
  paymentId?: string | null;
  reason: string;
}

/**
 * Opens a refund inside the caller's unit of work. A payer's request waits for the unit's review; a
 * refund the unit finds itself (or an overpayment) waits for the unit to file it — each step on its
 * own working-day clock, so supervision sees a late refund like any late matter.
 */
export async function openRefund(
  uow: UnitOfWork,
  cal: WorkingCalendar,
  rt: Pick<FeeRuntime, 'config'>,
  input: OpenRefundInput,
): Promise<RefundRow> {
  const byPayer = input.origin === 'payer';
  const row: RefundRow = {
    id: newId(uow.now.getTime()),
    form_id: input.form.id,
    case_id: input.form.case_id,
    department_id: input.form.department_id,
    origin: input.origin,
    source: input.source,
    payment_id: input.paymentId ?? null,
    amount_fen: input.amountFen,
    reason: input.reason,
    status: byPayer ? 'requested' : 'found',
    clock_id: null,
    requested_by: uow.actor.id,
    created_at: uow.nowIso,
    filed_at: byPayer ? uow.nowIso : null,
    reviewed_by: null,
    reviewed_at: null,
    review_note: null,
    approved_by: null,
    approved_at: null,
    approval_note: null,
    paid_by: null,
    paid_at: null,
    method: null,
    reference: null,
    version: 1,
  };
  row.clock_id = await moveRefundClock(
    uow,
    cal,
    rt,
    row,
    input.form.number,
    'opened',
    byPayer ? 'review' : 'file',
  );
  await uow.db.insertInto('fee_refunds').values(row).execute();
  await uow.audit({
    action: byPayer ? 'refund.requested' : 'refund.found',
    entityType: 'refund',
    entityId: row.id,
    data: {
      formNumber: input.form.number,
      amountFen: input.amountFen,
      source: input.source,
      origin: input.origin,
      reason: input.reason,
    },
  });
  return row;
}
