import type { Db } from '../../db/database.js';
import type { DialectName } from '../../db/column-types.js';
import type { Clock } from '../../shared/clock.js';
import { audited } from '../audit/audited-transaction.js';
import { WORKER } from './expand-outbox.js';
import { scrubSettled } from './scrub-secrets.js';

/** Waits before attempts 2…6; the sixth failure is final. */
export const RETRY_DELAYS_MS = [60_000, 5 * 60_000, 30 * 60_000, 2 * 3_600_000, 12 * 3_600_000] as const;
export const MAX_ATTEMPTS = RETRY_DELAYS_MS.length + 1;
const CUT_SHORT = 'every attempt was cut short: no outcome was recorded after the last one';
/**
 * How long a claimed delivery stays out of everyone's reach. Settling moves it on well before; the
 * lease only matters when an instance dies mid-send, and it must outlast a batch's sends.
 */
export const LEASE_MS = 15 * 60_000;

export interface ClaimedDelivery {
  id: string;
  outbox_id: string;
  channel: string;
  address: string;
  /** This attempt's number, counted when claimed, so an attempt cut short by a crash still counts. */
  attempts: number;
}

/**
 * Claims due deliveries in a short transaction (FOR UPDATE SKIP LOCKED on PostgreSQL): each gets its
 * attempt counted and its next_attempt_at pushed out by the lease, so no other worker picks it up
 * while this one sends, outside any transaction.
 */
export async function claimDeliveries(
  db: Db,
  clock: Clock,
  opts: { dialect: DialectName; batchSize: number; channels: string[] },
): Promise<ClaimedDelivery[]> {
  if (opts.channels.length === 0) return [];
  return audited(db, clock, WORKER, async (uow) => {
    const { db: trx, now, nowIso } = uow;
    let q = trx
      .selectFrom('notification_deliveries')
      .select(['id', 'outbox_id', 'channel', 'address', 'attempts'])
      // Only channels this instance can send on: another instance may have SMS or email and this one not.
      .where('status', '=', 'pending')
      .where('next_attempt_at', '<=', nowIso)
      .where('channel', 'in', opts.channels)
      .orderBy('next_attempt_at')
      .orderBy('id')
      .limit(opts.batchSize);
    if (opts.dialect === 'postgres') q = q.forUpdate().skipLocked();
    const found = await q.execute();
    // Every attempt was claimed and none came back (the sender died mid-send each time, e.g. on
    // this very message): given up like a sixth failure, not claimed every lease for ever.
    const spent = found.filter((r) => r.attempts >= MAX_ATTEMPTS);
    if (spent.length) {
      await trx
        .updateTable('notification_deliveries')
        .set({ status: 'failed', next_attempt_at: null, last_error: CUT_SHORT })
        .where(
          'id',
          'in',
          spent.map((r) => r.id),
        )
        .where('status', '=', 'pending')
        .execute();
      await scrubSettled(
        trx,
        spent.map((r) => r.outbox_id),
      );
      await uow.audit({
        action: 'notification.deliveries_settled',
        entityType: 'notification_delivery',
        entityId: 'batch',
        data: { failed: spent.map((r) => r.id), reason: CUT_SHORT },
      });
    }
    const rows = found.filter((r) => r.attempts < MAX_ATTEMPTS);
    if (rows.length === 0) return spent.length ? [] : uow.unchanged([]);
    const leaseUntil = new Date(now.getTime() + LEASE_MS).toISOString();
    await trx
      .updateTable('notification_deliveries')
      .set((eb) => ({ attempts: eb('attempts', '+', 1), next_attempt_at: leaseUntil }))
      .where(
        'id',
        'in',
        rows.map((r) => r.id),
      )
      .execute();
    await uow.audit({
      action: 'notification.deliveries_claimed',
      entityType: 'notification_delivery',
      entityId: 'batch',
      data: { count: rows.length, leaseUntil },
    });
    return rows.map((r) => ({ ...r, attempts: r.attempts + 1 }));
  });
}
