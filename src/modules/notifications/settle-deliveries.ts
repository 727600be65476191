import type { Db } from '../../db/database.js';
import type { Clock } from '../../shared/clock.js';
import { audited } from '../audit/audited-transaction.js';
import { MAX_ATTEMPTS, RETRY_DELAYS_MS, type ClaimedDelivery } from './claim-deliveries.js';
import { WORKER } from './expand-outbox.js';
import { scrubSettled } from './scrub-secrets.js';

export type Outcome =
  | { delivery: ClaimedDelivery; ok: true }
  | { delivery: ClaimedDelivery; ok: false; error: string; permanent: boolean };

export interface SettleResult {
  delivered: number;
  retrying: number;
  failed: number;
  /** Deliveries whose lease ran out and that another worker claimed meanwhile: left to it. */
  lost: number;
}

/**
 * Writes the attempts' results in one transaction: delivered; failed (a permanent refusal or the
 * last attempt); or pending again after the backoff for this attempt. Each update is guarded by the
 * attempt number it claimed, so a worker whose lease ran out cannot overwrite a newer attempt.
 */
export async function settleDeliveries(db: Db, clock: Clock, outcomes: Outcome[]): Promise<SettleResult> {
  return audited(db, clock, WORKER, async (uow) => {
    const { db: trx, now, nowIso } = uow;
    const ids = {
      delivered: [] as string[],
      retrying: [] as string[],
      failed: [] as string[],
      lost: [] as string[],
    };
    // Deliveries that went through all get the same change: one update per attempt number (a batch
    // claimed together has one), not one per delivery.
    const delivered = new Map<number, string[]>();
    for (const o of outcomes)
      if (o.ok)
        delivered.set(o.delivery.attempts, [...(delivered.get(o.delivery.attempts) ?? []), o.delivery.id]);
    for (const [attempts, list] of delivered) {
      const done = new Set(
        (
          await trx
            .updateTable('notification_deliveries')
            .set({ status: 'delivered', delivered_at: nowIso, next_attempt_at: null, last_error: null })
            .where('id', 'in', list)
            .where('attempts', '=', attempts)
            .where('status', '=', 'pending')
            .returning('id')
            .execute()
        ).map((r) => r.id),
      );
      for (const id of list) ids[done.has(id) ? 'delivered' : 'lost'].push(id);
    }
    for (const o of outcomes) {
      if (o.ok) continue;
      const d = o.delivery;
      let set;
      let bucket: keyof typeof ids;
      if (o.permanent || d.attempts >= MAX_ATTEMPTS) {
        set = { status: 'failed', next_attempt_at: null, last_error: o.error };
        bucket = 'failed';
      } else {
        set = {
          last_error: o.error,
          next_attempt_at: new Date(now.getTime() + RETRY_DELAYS_MS[d.attempts - 1]!).toISOString(),
        };
        bucket = 'retrying';
      }
      const r = await trx
        .updateTable('notification_deliveries')
        .set(set)
        .where('id', '=', d.id)
        .where('attempts', '=', d.attempts)
        .where('status', '=', 'pending')
        .executeTakeFirst();
      ids[Number(r.numUpdatedRows) === 1 ? bucket : 'lost'].push(d.id);
    }
    await scrubSettled(
      trx,
      outcomes.map((o) => o.delivery.outbox_id),
    );
    await uow.audit({
      action: 'notification.deliveries_settled',
      entityType: 'notification_delivery',
      entityId: 'batch',
      data: ids,
    });
    return {
      delivered: ids.delivered.length,
      retrying: ids.retrying.length,
      failed: ids.failed.length,
      lost: ids.lost.length,
    };
  });
}
