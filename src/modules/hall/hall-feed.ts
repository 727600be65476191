import type { Db } from '../../db/database.js';
import { eventsFrom, lastSeq, type EventRow } from './repository-tickets.js';

const BATCH = 1000;

export type FeedListener = (events: EventRow[]) => void;

/**
 * The hall's events as they commit, for every display and phone connected to this instance. One
 * poller per instance reads the event log by its sequence (every instance of a cluster sees every
 * other's events within one interval); a change made in this instance pokes it at once. Commits can
 * land out of sequence order on PostgreSQL, so each read starts a margin below the last sequence
 * seen and skips what it already delivered.
 */
export class HallFeed {
  private readonly listeners = new Set<FeedListener>();
  private last: number | undefined;
  /** Events up to here were in the log before anyone listened: never delivered. */
  private floor = 0;
  private readonly seen = new Set<number>();
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private again = false;
  /** Errors are counted, not thrown: a display keeps its connection through a database hiccup. */
  failures = 0;

  constructor(
    private readonly db: Db,
    private readonly intervalMs = 200,
    private readonly margin = 256,
  ) {}

  get size(): number {
    return this.listeners.size;
  }

  subscribe(listener: FeedListener): () => void {
    this.listeners.add(listener);
    if (!this.timer) {
      this.timer = setInterval(() => this.poke(), this.intervalMs);
      this.timer.unref();
      this.poke();
    }
    return () => {
      this.listeners.delete(listener);
      if (!this.listeners.size && this.timer) {
        clearInterval(this.timer);
        this.timer = undefined;
      }
    };
  }

  /** Reads new events now (after a change committed here); a read in progress is followed by another. */
  poke(): void {
    if (!this.listeners.size) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.poll()
      .catch(() => {
        this.failures++;
      })
      .finally(() => {
        this.running = undefined;
        if (this.again) {
          this.again = false;
          this.poke();
        }
      });
  }

  /** Resolves once the reads in progress are done (tests, shutdown). */
  async settled(): Promise<void> {
    while (this.running) await this.running;
  }

  close(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    this.listeners.clear();
  }

  private async poll(): Promise<void> {
    if (this.last === undefined) {
      this.last = this.floor = await lastSeq(this.db);
      return;
    }
    const fresh: EventRow[] = [];
    let from = Math.max(this.floor, this.last - this.margin);
    for (let page = 0; page < 20; page++) {
      const rows = await eventsFrom(this.db, from, BATCH);
      for (const r of rows) {
        const seq = Number(r.seq);
        from = Math.max(from, seq);
        if (seq <= this.floor || this.seen.has(seq)) continue;
        this.seen.add(seq);
        fresh.push({ ...r, seq });
        if (seq > this.last) this.last = seq;
      }
      if (rows.length < BATCH) break;
    }
    for (const s of this.seen) if (s <= this.last - this.margin) this.seen.delete(s);
    if (!fresh.length) return;
    for (const l of this.listeners) l(fresh);
  }
}
