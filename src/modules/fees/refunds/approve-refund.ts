import type { Actor } from '../../../shared/actor.js';
import { authorize } from '../../../shared/policy.js';
import { audited } from '../../audit/audited-transaction.js';
import { feePolicy } from '../policy.js';
import type { FeeRuntime } from '../runtime.js';
import { moveRefundClock } from './refund-clock.js';
import { refundForStep, saveRefund } from './refund-access.js';

/** Finance approves (or refuses) a filed refund; the payment step's clock starts. */
export async function approveRefund(
  rt: FeeRuntime,
  actor: Actor,
  id: string,
  input: { version: number; approve: boolean; note?: string },
) {
  authorize(actor, feePolicy.approveRefund, undefined, 'refund.approve');
  const cal = await rt.calendars.get();
  return audited(rt.db, rt.clock, actor, async (uow) => {
    const { r, form } = await refundForStep(uow, id, 'filed', 'approve', input.version);
    const clockId = await moveRefundClock(
      uow,
      cal,
      rt,
      r,
      form.number,
      input.approve ? 'approved' : 'rejected',
      input.approve ? 'payment' : null,
    );
    const next = await saveRefund(uow, r, {
      status: input.approve ? 'approved' : 'rejected',
      approved_by: actor.id,
      approved_at: uow.nowIso,
      approval_note: input.note ?? null,
      clock_id: clockId,
    });
    await uow.audit({
      action: input.approve ? 'refund.approved' : 'refund.rejected',
      entityType: 'refund',
      entityId: r.id,
      data: { formNumber: form.number, step: 'approval', note: input.note ?? null },
    });
    return next;
  });
}
