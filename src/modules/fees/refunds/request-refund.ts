import type { Actor } from '../../../shared/actor.js';
import { authorize } from '../../../shared/policy.js';
import { audited } from '../../audit/audited-transaction.js';
import { AppError, notFound } from '../../../server/errors.js';
import { findCase } from '../../cases/case-reads.js';
import { yuan } from '../../documents/money-text.js';
import { feePolicy } from '../policy.js';
import { findForm, type RefundRow } from '../repository.js';
import type { FeeRuntime } from '../runtime.js';
import { openRefund } from './open-refund.js';
import { refundableFee } from './refund-access.js';

/**
 * A refund of fees paid on a form: asked for by the payer (the case's applicant), or raised by the
 * collecting unit that finds it charged too much (多收、错收). Never more than is still refundable.
 */
export async function requestRefund(
  rt: FeeRuntime,
  actor: Actor,
  formId: string,
  input: { amountFen: number; reason: string },
): Promise<RefundRow> {
  const cal = await rt.calendars.get();
  return audited(rt.db, rt.clock, actor, async (uow) => {
    const form = await findForm(uow.db, formId);
    if (!form) throw notFound('payment_form', formId);
    const c = (await findCase(uow.db, form.case_id))!;
    const byPayer = actor.role === 'applicant';
    if (byPayer) authorize(actor, feePolicy.requestRefund, c.applicant_user_id, 'refund.request');
    else authorize(actor, feePolicy.fileRefund, form.department_id, 'refund.raise');
    const available = await refundableFee(uow, form.id);
    if (input.amountFen > available) {
      throw new AppError('validation_failed', { summary: '/body/amountFen' }, [
        {
          path: '/body/amountFen',
          code: 'exceeds_refundable',
          zh: `可退金额为 ¥${yuan(Math.max(0, available))}`,
          en: `At most ¥${yuan(Math.max(0, available))} can be refunded`,
        },
      ]);
    }
    return openRefund(uow, cal, rt, {
      form,
      amountFen: input.amountFen,
      source: 'fee',
      origin: byPayer ? 'payer' : 'unit',
      reason: input.reason.trim(),
    });
  });
}
