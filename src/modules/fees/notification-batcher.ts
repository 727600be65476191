import type { VerifiedNotification } from './gateway/payment-channel.js';
import { applyNotifications, type NotificationOutcome } from './apply-notifications.js';
import type { FeeRuntime } from './runtime.js';

interface Pending {
  n: VerifiedNotification;
  resolve: (o: NotificationOutcome) => void;
  reject: (e: unknown) => void;
}

export interface BatcherOptions {
  /** the most notifications in one transaction */
  maxBatch?: number;
  /** how long a batch waits for company after its first notification */
  lingerMs?: number;
  /** batches written at once: 1 on SQLite (one writer); a few on PostgreSQL */
  parallel?: number;
}

/**
 * Group commit for payment notifications. While a batch is being written, the notifications that
 * arrive wait in line and go together in the next transaction, so a burst costs one durable commit
 * per batch instead of one per notification. A batch starts a moment (lingerMs) after its first
 * notification — SQLite commits synchronously, and while it does no request is read — which costs
 * that moment of latency and lets a burst share one commit. Every caller hears back only after its
 * own notification is committed (or has failed). Several processes may each run one: the unique key
 * keeps every notification applied once.
 */
export class NotificationBatcher {
  private queue: Pending[] = [];
  private active = 0;
  private readonly maxBatch: number;
  private readonly lingerMs: number;
  private readonly parallel: number;

  constructor(
    private readonly rt: FeeRuntime,
    opts: BatcherOptions = {},
  ) {
    this.maxBatch = opts.maxBatch ?? 200;
    this.lingerMs = opts.lingerMs ?? 4;
    this.parallel = opts.parallel ?? 1;
  }

  submit(n: VerifiedNotification): Promise<NotificationOutcome> {
    return new Promise((resolve, reject) => {
      this.queue.push({ n, resolve, reject });
      if (this.active < this.parallel) {
        this.active++;
        setTimeout(() => void this.drain(), this.lingerMs);
      }
    });
  }

  private async drain(): Promise<void> {
    try {
      while (this.queue.length) {
        const batch = this.queue.splice(0, this.maxBatch);
        try {
          const outcomes = await applyNotifications(
            this.rt,
            batch.map((b) => b.n),
          );
          batch.forEach((b, i) => b.resolve(outcomes[i]!));
        } catch (e) {
          batch.forEach((b) => b.reject(e));
        }
        await new Promise((r) => setTimeout(r, this.lingerMs));
      }
    } finally {
      this.active--;
    }
  }
}
