import type { Actor } from '../../shared/actor.js';
import { authorize } from '../../shared/policy.js';
import { audited } from '../audit/audited-transaction.js';
import { AppError, notFound } from '../../server/errors.js';
import { yuan } from '../documents/money-text.js';
import { applyPayment, DuplicateReference } from './apply-payment.js';
import { issueReceipts } from './issue-receipt.js';
import { feePolicy } from './policy.js';
import { lockForm } from './repository.js';
import type { FeeRuntime } from './runtime.js';

export interface CounterPaymentInput { method: 'cash' | 'pos'; amountFen: number; reference?: string }

const invalid = (path: string, code: string, zh: string, en: string) => new AppError('validation_failed', { summary: path }, [{ path, code, zh, en }]);

/**
 * Payment at the counter: cash, or a bank card on the POS terminal with the slip's reference. The
 * clerk records what the form asks for at most (change is given in cash); partial payments are
 * allowed. The same POS reference is never recorded twice.
 */
export async function recordCounterPayment(rt: FeeRuntime, actor: Actor, formId: string, input: CounterPaymentInput) {
  authorize(actor, feePolicy.collectAtCounter, undefined, 'fee.collect_at_counter');
  const reference = input.reference?.trim() || null;
  if (input.method === 'pos' && !reference) throw invalid('/body/reference', 'reference_required', 'POS 刷卡须录入交易参考号', 'A POS payment needs the slip reference');
  const cal = await rt.calendars.get();
  try {
    return await audited(rt.db, rt.clock, actor, async (uow) => {
      const form = await lockForm(uow.db, formId);
      if (!form) throw notFound('payment_form', formId);
      if (form.status !== 'open') throw new AppError('invalid_state', { state: form.status, action: 'collect', allowed: form.status === 'settled' ? 'refund' : '—' });
      if (input.amountFen > form.outstanding_fen) throw invalid('/body/amountFen', 'exceeds_outstanding', `应缴余额为 ¥${yuan(form.outstanding_fen)}，多收部分请当场找零`, `Only ¥${yuan(form.outstanding_fen)} is outstanding; give change for the rest`);
      const out = await applyPayment(uow, cal, rt, form, { channel: input.method === 'cash' ? 'counter_cash' : 'counter_pos', gateway: null, reference, amountFen: input.amountFen, paidAt: uow.nowIso });
      const receipt = out.receipt ? (await issueReceipts(uow, [out.receipt]))[0]! : null;
      await uow.audit({ action: 'payment.counter_recorded', entityType: 'fee_form', entityId: form.id, data: { number: form.number, method: input.method, amountFen: input.amountFen, reference, receipt: receipt?.number ?? null } });
      return { ...out, receipt };
    });
  } catch (e) {
    if (e instanceof DuplicateReference) throw new AppError('already_exists', { resource: 'payment', id: reference ?? '' });
    throw e;
  }
}
