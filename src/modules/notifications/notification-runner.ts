import type { FastifyBaseLogger } from 'fastify';
import type { DatabaseHandle } from '../../db/database.js';
import type { Clock } from '../../shared/clock.js';
import type { Channel } from './channels/channel.js';
import { deliverDue } from './deliver-due.js';
import { expandOutbox } from './expand-outbox.js';
import { ANNOUNCE_EVERY_MS, announceChannels } from './announce-channels.js';
import { describeError } from './errors.js';
import type { ChannelName } from './kinds.js';

export interface NotificationPass {
  /** Outbox rows expanded into deliveries, and those rejected as undeliverable. */
  expanded: number;
  rejected: number;
  /** Delivery attempts made, and how they ended. */
  attempted: number;
  delivered: number;
  retrying: number;
  failed: number;
}

/**
 * Delivers notifications: every interval, expands the pending outbox rows, then sends what is due
 * until nothing is. Safe to run in every instance (claims skip what another instance holds).
 * Logs counts only: never an address or a message.
 */
export class NotificationRunner {
  private timer: NodeJS.Timeout | undefined;
  private stopped = true;
  private running: Promise<NotificationPass> | undefined;
  private readonly channels: ReadonlyMap<ChannelName, Channel>;
  /** When this instance last announced its channels (by the injected clock). */
  private announcedAt: number | undefined;

  constructor(
    private readonly database: DatabaseHandle,
    private readonly clock: Clock,
    channels: Channel[],
    private readonly opts: { batchSize?: number; concurrency?: number; log?: FastifyBaseLogger } = {},
  ) {
    this.channels = new Map(channels.map((c) => [c.name, c]));
  }

  /** The channels this instance sends on (the inbox always; email and SMS when configured). */
  get channelNames(): ChannelName[] {
    return [...this.channels.keys()];
  }

  setLogger(log: FastifyBaseLogger): void {
    this.opts.log = log;
  }

  /** Expands and delivers until a batch comes back short; concurrent callers share the same pass. */
  drain(): Promise<NotificationPass> {
    this.running ??= this.pass().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  private async pass(): Promise<NotificationPass> {
    const { db, dialect } = this.database;
    const batchSize = this.opts.batchSize ?? 100;
    const total: NotificationPass = {
      expanded: 0,
      rejected: 0,
      attempted: 0,
      delivered: 0,
      retrying: 0,
      failed: 0,
    };
    // Other instances expand notices for the channels this one sends on (and this one for theirs).
    const now = this.clock.now().getTime();
    if (
      this.announcedAt === undefined ||
      now - this.announcedAt >= ANNOUNCE_EVERY_MS ||
      now < this.announcedAt
    ) {
      await announceChannels(db, this.clock, this.channelNames);
      this.announcedAt = now;
    }
    for (;;) {
      const r = await expandOutbox(db, this.clock, this.channels, { dialect, batchSize });
      total.expanded += r.claimed - r.rejected;
      total.rejected += r.rejected;
      // Deliveries made inside the expansion (the inbox) count as attempts, as if claimed and sent.
      total.attempted += r.delivered + r.failed;
      total.delivered += r.delivered;
      total.failed += r.failed;
      if (r.claimed < batchSize) break;
    }
    for (;;) {
      const r = await deliverDue(db, this.clock, this.channels, {
        dialect,
        batchSize,
        concurrency: this.opts.concurrency ?? 4,
      });
      total.attempted += r.claimed;
      total.delivered += r.delivered;
      total.retrying += r.retrying;
      total.failed += r.failed;
      if (r.claimed < batchSize) return total;
    }
  }

  start(intervalMs: number): void {
    this.stopped = false;
    const loop = async () => {
      try {
        const r = await this.drain();
        if (r.rejected + r.failed > 0)
          this.opts.log?.warn({ notifications: r }, 'notification pass: some notifications failed for good');
        else if (r.attempted > 0) this.opts.log?.info({ notifications: r }, 'notification pass');
      } catch (err) {
        // Not the error object: a database error's detail can quote a row, addresses included.
        this.opts.log?.error({ error: describeError(err) }, 'notification pass failed');
      }
      if (this.stopped) return;
      this.timer = setTimeout(loop, intervalMs);
      this.timer.unref();
    };
    void loop();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    await this.running?.catch(() => undefined);
  }
}
