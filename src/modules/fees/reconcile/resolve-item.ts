import type { Actor } from '../../../shared/actor.js';
import { authorize } from '../../../shared/policy.js';
import { audited } from '../../audit/audited-transaction.js';
import { AppError, notFound } from '../../../server/errors.js';
import { feePolicy } from '../policy.js';
import type { FeeRuntime } from '../runtime.js';
import type { NotificationOutcome } from '../apply-notifications.js';
import type { VerifiedNotification } from '../gateway/payment-channel.js';

export interface ResolveInput {
  note: string;
  apply?: boolean;
}

/**
 * A person resolves a reconciliation item with a note. A "missing" payment (on the statement, never
 * notified) may be applied from the statement: it goes through the same exactly-once path as a
 * notification, keyed by the statement row, so resolving twice cannot pay twice.
 */
export async function resolveItem(
  rt: FeeRuntime,
  actor: Actor,
  submit: (n: VerifiedNotification) => Promise<NotificationOutcome>,
  reconciliationId: string,
  itemId: string,
  input: ResolveInput,
) {
  authorize(actor, feePolicy.reconcile, undefined, 'fee.reconcile');
  const recon = await rt.db
    .selectFrom('fee_reconciliations')
    .selectAll()
    .where('id', '=', reconciliationId)
    .executeTakeFirst();
  const item = await rt.db
    .selectFrom('fee_reconciliation_items')
    .selectAll()
    .where('id', '=', itemId)
    .where('reconciliation_id', '=', reconciliationId)
    .executeTakeFirst();
  if (!recon || !item) throw notFound('reconciliation_item', itemId);
  if (item.status !== 'open')
    throw new AppError('invalid_state', { state: item.status, action: 'resolve', allowed: '—' });
  let applied: NotificationOutcome | null = null;
  if (input.apply) {
    if (item.kind !== 'missing' || !item.payment_code || !item.statement_fen)
      throw new AppError('invalid_state', {
        state: item.kind,
        action: 'apply_from_statement',
        allowed: 'resolve with a note',
      });
    applied = await submit({
      gateway: recon.gateway,
      notificationId: `statement-${item.id}`,
      transactionId: item.transaction_id,
      paymentCode: item.payment_code,
      amountFen: item.statement_fen,
      paidAt: `${recon.statement_date}T04:00:00.000Z`,
    });
    if (applied.status === 'error' || applied.status === 'unmatched')
      throw new AppError('invalid_state', {
        state: applied.status,
        action: 'apply_from_statement',
        allowed: 'resolve with a note',
      });
  }
  return audited(rt.db, rt.clock, actor, async (uow) => {
    const r = await uow.db
      .updateTable('fee_reconciliation_items')
      .set({
        status: 'resolved',
        resolution: input.note.trim(),
        resolved_by: actor.id,
        resolved_at: uow.nowIso,
      })
      .where('id', '=', itemId)
      .where('status', '=', 'open')
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) !== 1)
      throw new AppError('invalid_state', { state: 'resolved', action: 'resolve', allowed: '—' });
    await uow.db
      .updateTable('fee_reconciliations')
      .set((eb) => ({ open_items: eb('open_items', '-', 1), version: eb('version', '+', 1) }))
      .where('id', '=', reconciliationId)
      .execute();
    await uow.audit({
      action: 'reconciliation.item_resolved',
      entityType: 'reconciliation',
      entityId: reconciliationId,
      data: {
        itemId,
        kind: item.kind,
        transactionId: item.transaction_id,
        note: input.note,
        applied: applied?.status ?? null,
      },
    });
    return { id: itemId, status: 'resolved', applied };
  });
}
