import { systemActor } from '../../shared/actor.js';
import { newId } from '../../shared/ids.js';
import { audited, type UnitOfWork } from '../audit/audited-transaction.js';
import type { WorkingCalendar } from '../clock/calendar/working-calendar.js';
import { applyPayment, DuplicateReference } from './apply-payment.js';
import type { VerifiedNotification } from './gateway/payment-channel.js';
import { issueReceipts, type ReceiptDraft } from './issue-receipt.js';
import { lockFormByCode } from './repository.js';
import type { FeeRuntime } from './runtime.js';

export type NotificationOutcome =
  | { status: 'applied'; formNumber: string; receipt: string | null; appliedFen: number; excessFen: number }
  | { status: 'duplicate' }
  | { status: 'unmatched' }
  | { status: 'error'; message: string };

type Pending =
  | {
      status: 'applied';
      formNumber: string;
      draft: ReceiptDraft | null;
      appliedFen: number;
      excessFen: number;
    }
  | Exclude<NotificationOutcome, { status: 'applied' }>;

/**
 * Applies one notification exactly once. The (gateway, notification id) primary key is the gate: a
 * second delivery inserts nothing and changes nothing, on either database, however the deliveries
 * race (on PostgreSQL the second insert waits for the first transaction, then finds the row). A
 * second notification of the same gateway transaction is a duplicate too.
 */
async function applyOne(
  uow: UnitOfWork,
  cal: WorkingCalendar,
  rt: Pick<FeeRuntime, 'config'>,
  n: VerifiedNotification,
): Promise<Pending> {
  const form = await lockFormByCode(uow.db, n.paymentCode);
  const paymentId = newId(uow.now.getTime());
  const inserted = await uow.db
    .insertInto('fee_gateway_notifications')
    .values({
      gateway: n.gateway,
      notification_id: n.notificationId,
      transaction_id: n.transactionId,
      payment_code: n.paymentCode,
      amount_fen: n.amountFen,
      paid_at: n.paidAt,
      received_at: uow.nowIso,
      status: form ? 'applied' : 'unmatched',
      payment_id: form ? paymentId : null,
    })
    .onConflict((oc) => oc.columns(['gateway', 'notification_id']).doNothing())
    .executeTakeFirst();
  const about = { entityType: 'payment_notification', entityId: `${n.gateway}:${n.notificationId}` };
  const paid = { transactionId: n.transactionId, amountFen: n.amountFen };
  if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0) {
    await uow.audit({ action: 'payment.notification_duplicate', ...about, data: paid });
    return { status: 'duplicate' };
  }
  if (!form) {
    const data = { ...paid, paymentCode: n.paymentCode };
    await uow.audit({ action: 'payment.notification_unmatched', ...about, data });
    return { status: 'unmatched' };
  }
  try {
    const out = await applyPayment(uow, cal, rt, form, {
      channel: n.gateway === 'simulated' ? 'simulated' : 'gateway',
      gateway: n.gateway,
      reference: n.transactionId,
      amountFen: n.amountFen,
      paidAt: n.paidAt,
      notificationId: n.notificationId,
      paymentId,
    });
    await uow.audit({
      action: 'payment.notification_applied',
      ...about,
      data: {
        ...paid,
        formNumber: form.number,
        appliedFen: out.payment.applied_fen,
        excessFen: out.payment.excess_fen,
      },
    });
    return {
      status: 'applied',
      formNumber: form.number,
      draft: out.receipt,
      appliedFen: out.payment.applied_fen,
      excessFen: out.payment.excess_fen,
    };
  } catch (e) {
    if (!(e instanceof DuplicateReference)) throw e;
    // Another notification id for a gateway transaction already paid: the same money, once.
    const first = await uow.db
      .selectFrom('fee_payments')
      .select('id')
      .where('ref_key', '=', e.refKey)
      .executeTakeFirstOrThrow();
    await uow.db
      .updateTable('fee_gateway_notifications')
      .set({ status: 'duplicate', payment_id: first.id })
      .where('gateway', '=', n.gateway)
      .where('notification_id', '=', n.notificationId)
      .execute();
    const data = { ...paid, sameTransaction: true as const };
    await uow.audit({ action: 'payment.notification_duplicate', ...about, data });
    return { status: 'duplicate' };
  }
}

/** One transaction for the whole batch; the receipts are numbered at its end, all at once. */
async function applyTogether(
  rt: FeeRuntime,
  cal: WorkingCalendar,
  batch: VerifiedNotification[],
): Promise<NotificationOutcome[]> {
  return audited(rt.db, rt.clock, systemActor('payment-gateway'), async (uow) => {
    const seen = new Map<string, number>();
    const pending: Pending[] = [];
    for (const n of batch) {
      const key = `${n.gateway}\u0000${n.notificationId}`;
      // The same notification twice in one batch (two deliveries racing): the second is a duplicate.
      if (seen.has(key)) {
        pending.push({ status: 'duplicate' });
        continue;
      }
      seen.set(key, pending.length);
      pending.push(await applyOne(uow, cal, rt, n));
    }
    const drafts = pending.flatMap((p) => (p.status === 'applied' && p.draft ? [p.draft] : []));
    const receipts = new Map((await issueReceipts(uow, drafts)).map((r) => [r.payment_id, r.number]));
    return pending.map((p) =>
      p.status === 'applied'
        ? {
            status: 'applied',
            formNumber: p.formNumber,
            receipt: p.draft ? receipts.get(p.draft.paymentId)! : null,
            appliedFen: p.appliedFen,
            excessFen: p.excessFen,
          }
        : p,
    );
  });
}

/**
 * Applies a batch of notifications in one transaction: one durable commit for all. If anything in
 * it fails, the batch is rolled back and each notification is applied again on its own, so one bad
 * notification is reported alone (and is delivered again by its gateway) while the others stand.
 */
export async function applyNotifications(
  rt: FeeRuntime,
  batch: VerifiedNotification[],
): Promise<NotificationOutcome[]> {
  const cal = await rt.calendars.get();
  try {
    return await applyTogether(rt, cal, batch);
  } catch (e) {
    if (batch.length === 1) return [{ status: 'error', message: (e as Error).message }];
    const out: NotificationOutcome[] = [];
    for (const n of batch) out.push((await applyNotifications(rt, [n]))[0]!);
    return out;
  }
}
