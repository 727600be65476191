import { BatchQueue } from '../../db/batch-queue.js';
import type { VerifiedNotification } from './gateway/payment-channel.js';
import { applyNotifications, type NotificationOutcome } from './apply-notifications.js';
import type { FeeRuntime } from './runtime.js';

export interface BatcherOptions {
  /** the most notifications in one transaction */
  maxBatch?: number;
  /** how long a batch waits for company after its first notification */
  lingerMs?: number;
  /** batches written at once: 1 on SQLite (one writer); a few on PostgreSQL */
  parallel?: number;
}

/**
 * Group commit for payment notifications, on the database layer's batch queue: while a batch is
 * being written, the notifications that arrive wait in line and go together in the next
 * transaction, applied as one batch (applyNotifications reads what the batch needs once). A batch
 * starts a moment (lingerMs) after its first notification — SQLite commits synchronously, and while
 * it does no request is read — which costs that moment of latency and lets a burst share one commit.
 * Every caller hears back only after its own notification is committed (or has failed). Several
 * processes may each run one: the unique key keeps every notification applied once.
 */
export class NotificationBatcher {
  private readonly queue: BatchQueue<VerifiedNotification, NotificationOutcome>;

  constructor(rt: FeeRuntime, opts: BatcherOptions = {}) {
    this.queue = new BatchQueue(
      async (batch) => (await applyNotifications(rt, batch)).map((value) => ({ ok: true, value })),
      { maxBatch: opts.maxBatch ?? 200, lingerMs: opts.lingerMs ?? 4, parallel: opts.parallel ?? 1 },
    );
  }

  submit(n: VerifiedNotification): Promise<NotificationOutcome> {
    return this.queue.push(n);
  }
}
