import type { Actor } from '../../shared/actor.js';
import { authorize } from '../../shared/policy.js';
import { audited } from '../audit/audited-transaction.js';
import { AppError, notFound, staleVersion } from '../../server/errors.js';
import { feePolicy } from './policy.js';
import { findForm, findPayment, findReceipt } from './repository.js';
import type { FeeRuntime } from './runtime.js';

export interface VoidRequest {
  version: number;
  reason: string;
  reissue: boolean;
}

/**
 * Asks for a receipt to be voided (作废), with the reason. Either a new receipt replaces it (wrong
 * details, the money stands) or the counter payment it records is undone (the money never came);
 * money that came through a gateway is only ever refunded. A supervisor decides; nothing is deleted.
 */
export async function requestVoid(rt: FeeRuntime, actor: Actor, receiptId: string, input: VoidRequest) {
  const reason = input.reason.trim();
  if (reason.length < 4)
    throw new AppError('validation_failed', { summary: '/body/reason' }, [
      { path: '/body/reason', code: 'reason_required', zh: '作废须写明理由', en: 'Voiding needs a reason' },
    ]);
  return audited(rt.db, rt.clock, actor, async (uow) => {
    const r = await findReceipt(uow.db, receiptId);
    if (!r) throw notFound('receipt', receiptId);
    const form = (await findForm(uow.db, r.form_id))!;
    authorize(actor, feePolicy.requestVoid, form.department_id, 'receipt.request_void');
    if (r.version !== input.version) throw staleVersion(r.version, input.version);
    if (r.status !== 'valid')
      throw new AppError('invalid_state', { state: r.status, action: 'request_void', allowed: '—' });
    const p = (await findPayment(uow.db, r.payment_id))!;
    if (!input.reissue && !p.channel.startsWith('counter')) {
      throw new AppError('invalid_state', {
        state: `网上缴款（${p.channel}）`,
        action: 'void_without_reissue',
        allowed: 'reissue, refund',
      });
    }
    const changes = {
      status: 'void_requested',
      void_reason: reason,
      void_reissue: input.reissue ? 1 : 0,
      void_requested_by: actor.id,
      void_requested_at: uow.nowIso,
      version: r.version + 1,
    };
    await uow.db
      .updateTable('fee_receipts')
      .set(changes)
      .where('id', '=', r.id)
      .where('version', '=', r.version)
      .execute();
    await uow.audit({
      action: 'receipt.void_requested',
      entityType: 'receipt',
      entityId: r.id,
      data: { number: r.number, reason, reissue: input.reissue },
    });
    return { ...r, ...changes };
  });
}
