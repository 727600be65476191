import type { Actor } from '../../../shared/actor.js';
import { authorize } from '../../../shared/policy.js';
import { audited } from '../../audit/audited-transaction.js';
import { feePolicy } from '../policy.js';
import type { FeeRuntime } from '../runtime.js';
import { moveRefundClock } from './refund-clock.js';
import { refundForStep, saveRefund } from './refund-access.js';

/** The collecting unit reviews a payer's request: on to finance, or refused with the reason. */
export async function reviewRefund(
  rt: FeeRuntime,
  actor: Actor,
  id: string,
  input: { version: number; approve: boolean; note?: string },
) {
  const cal = await rt.calendars.get();
  return audited(rt.db, rt.clock, actor, async (uow) => {
    const { r, form } = await refundForStep(uow, id, 'requested', 'review', input.version);
    authorize(actor, feePolicy.reviewRefund, r.department_id, 'refund.review');
    const clockId = await moveRefundClock(
      uow,
      cal,
      rt,
      r,
      form.number,
      input.approve ? 'reviewed' : 'rejected',
      input.approve ? 'approval' : null,
    );
    const next = await saveRefund(uow, r, {
      status: input.approve ? 'filed' : 'rejected',
      reviewed_by: actor.id,
      reviewed_at: uow.nowIso,
      review_note: input.note ?? null,
      clock_id: clockId,
    });
    await uow.audit({
      action: input.approve ? 'refund.reviewed' : 'refund.rejected',
      entityType: 'refund',
      entityId: r.id,
      data: { formNumber: form.number, step: 'review', note: input.note ?? null },
    });
    return next;
  });
}
