import type { FastifyBaseLogger } from 'fastify';
import type { DatabaseHandle } from '../../db/database.js';
import type { Clock } from '../../shared/clock.js';
import type { CalendarStore } from '../clock/calendar-store.js';
import { runSupervisionTick, type RedHandler, type TickResult } from './run-supervision-tick.js';

/**
 * Runs the supervision loop: every interval, ticks until nothing is due. Deadlines that passed while
 * the server was down are simply due at the first pass. Safe to run in every instance.
 */
export class SupervisionRunner {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<TickResult> | undefined;
  readonly onRed: Record<string, RedHandler> = {};
  /** Run after each pass, outside its transaction (e.g. deemed acceptance of cases); must be idempotent. */
  readonly afterPass: (() => Promise<unknown>)[] = [];

  constructor(
    private readonly database: DatabaseHandle,
    private readonly clock: Clock,
    private readonly calendars: CalendarStore,
    private readonly opts: { batchSize?: number; log?: FastifyBaseLogger } = {},
  ) {}

  setLogger(log: FastifyBaseLogger): void {
    this.opts.log = log;
  }

  /** Ticks until a tick claims less than a full batch; concurrent callers share the same pass. */
  drain(): Promise<TickResult> {
    this.running ??= this.pass().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  private async pass(): Promise<TickResult> {
    const total: TickResult = { claimed: 0, yellow: 0, red: 0, recovered: 0 };
    const batchSize = this.opts.batchSize ?? 200;
    for (;;) {
      const cal = await this.calendars.get();
      const r = await runSupervisionTick(this.database.db, this.clock, cal, {
        dialect: this.database.dialect,
        batchSize,
        onRed: this.onRed,
      });
      total.claimed += r.claimed;
      total.yellow += r.yellow;
      total.red += r.red;
      total.recovered += r.recovered;
      if (r.claimed < batchSize) break;
    }
    for (const hook of this.afterPass) await hook();
    return total;
  }

  start(intervalMs: number): void {
    const loop = async () => {
      try {
        const r = await this.drain();
        if (r.yellow + r.red > 0) this.opts.log?.info({ supervision: r }, 'supervision pass');
      } catch (err) {
        this.opts.log?.error({ err }, 'supervision pass failed');
      }
      this.timer = setTimeout(loop, intervalMs);
      this.timer.unref();
    };
    void loop();
  }

  async stop(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    await this.running?.catch(() => undefined);
  }
}
