import type { Actor } from '../../../shared/actor.js';
import { authorize } from '../../../shared/policy.js';
import { audited } from '../../audit/audited-transaction.js';
import { feePolicy } from '../policy.js';
import type { FeeRuntime } from '../runtime.js';
import { moveRefundClock } from './refund-clock.js';
import { refundForStep, saveRefund } from './refund-access.js';

/** The collecting unit files a refund it found (within the filing limit); it goes to finance for approval. */
export async function fileRefund(
  rt: FeeRuntime,
  actor: Actor,
  id: string,
  input: { version: number; note?: string },
) {
  const cal = await rt.calendars.get();
  return audited(rt.db, rt.clock, actor, async (uow) => {
    const { r, form } = await refundForStep(uow, id, 'found', 'file', input.version);
    authorize(actor, feePolicy.fileRefund, r.department_id, 'refund.file');
    const clockId = await moveRefundClock(uow, cal, rt, r, form.number, 'filed', 'approval');
    const next = await saveRefund(uow, r, {
      status: 'filed',
      filed_at: uow.nowIso,
      reviewed_by: actor.id,
      reviewed_at: uow.nowIso,
      review_note: input.note ?? null,
      clock_id: clockId,
    });
    await uow.audit({
      action: 'refund.filed',
      entityType: 'refund',
      entityId: r.id,
      data: { formNumber: form.number, amountFen: r.amount_fen },
    });
    return next;
  });
}
