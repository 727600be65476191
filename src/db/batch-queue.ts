export type Settled<O> = { ok: true; value: O } | { ok: false; error: unknown };

interface Pending<I, O> {
  item: I;
  resolve: (v: O) => void;
  reject: (e: unknown) => void;
}

export interface BatchQueueOptions {
  /** The most items in one batch. */
  maxBatch: number;
  /** How long a batch waits for company after its first item; 0: one turn of the event loop. */
  lingerMs?: number;
  /** Batches handled at once (1 where there is one writer). */
  parallel?: number;
  /** Awaited before each batch is handled; the items that arrive meanwhile join the batch. */
  beforeBatch?: () => Promise<void>;
}

/**
 * The queue of a group commit: items that arrive while a batch is being handled wait in line and go
 * together in the next batch, so a burst shares one durable commit instead of paying one each. The
 * group sizes itself to the load: a lone item waits only the linger. Every caller hears back with
 * its own item's outcome, after the batch that holds it.
 */
export class BatchQueue<I, O> {
  private queue: Pending<I, O>[] = [];
  private active = 0;
  private readonly lingerMs: number;
  private readonly parallel: number;

  constructor(
    private readonly handle: (items: I[]) => Promise<Settled<O>[]>,
    private readonly opts: BatchQueueOptions,
  ) {
    this.lingerMs = opts.lingerMs ?? 0;
    this.parallel = opts.parallel ?? 1;
  }

  push(item: I): Promise<O> {
    return new Promise<O>((resolve, reject) => {
      this.queue.push({ item, resolve, reject });
      if (this.active < this.parallel) {
        this.active++;
        void this.linger().then(() => this.drain());
      }
    });
  }

  private linger(): Promise<void> {
    return new Promise((r) => (this.lingerMs ? setTimeout(r, this.lingerMs) : setImmediate(r)));
  }

  private async drain(): Promise<void> {
    try {
      while (this.queue.length) {
        const batch = this.queue.splice(0, this.opts.maxBatch);
        if (this.opts.beforeBatch) {
          await this.opts.beforeBatch();
          batch.push(...this.queue.splice(0, this.opts.maxBatch - batch.length));
        }
        let settled: Settled<O>[];
        try {
          settled = await this.handle(batch.map((p) => p.item));
        } catch (error) {
          for (const p of batch) p.reject(error);
          settled = [];
        }
        settled.forEach((s, i) => (s.ok ? batch[i]!.resolve(s.value) : batch[i]!.reject(s.error)));
        // Let the items that arrived while this batch was handled reach the queue.
        if (this.queue.length) await this.linger();
      }
    } finally {
      this.active--;
    }
  }
}
