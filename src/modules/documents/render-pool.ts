import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { THREAD_BOOT, threadEntry } from '../../shared/thread-boot.js';
import type { DocumentInput } from './document-types.js';
import type { RenderReply, RenderRequest } from './render-worker.js';

export interface RenderedPdf {
  pdf: Buffer;
  sha256: string;
  contentSha256: string;
}

interface Job {
  input: DocumentInput;
  resolve: (r: RenderedPdf) => void;
  reject: (e: Error) => void;
}

interface Slot {
  worker: Worker;
  job?: Job & { id: number };
}

/**
 * A pool of render threads (render-worker.ts): documents are rendered there, never on the request
 * thread. Threads start when there is work and stay (each keeps its parsed fonts); an idle thread
 * does not keep the process alive. A thread that dies fails the document in its hands and is
 * replaced at the next one.
 */
export class RenderPool {
  private readonly slots: Slot[] = [];
  private readonly queue: Job[] = [];
  private nextId = 1;
  private closed = false;

  constructor(readonly size: number) {
    if (!Number.isInteger(size) || size < 1) throw new Error('RenderPool: size must be a positive integer');
  }

  /** Documents waiting for a thread, and those being rendered. */
  get load(): { queued: number; rendering: number } {
    return { queued: this.queue.length, rendering: this.slots.filter((s) => s.job).length };
  }

  render(input: DocumentInput): Promise<RenderedPdf> {
    if (this.closed) return Promise.reject(new Error('the render pool is closed'));
    return new Promise((resolve, reject) => {
      this.queue.push({ input, resolve, reject });
      this.dispatch();
    });
  }

  private dispatch(): void {
    while (this.queue.length > 0) {
      const slot =
        this.slots.find((s) => !s.job) ?? (this.slots.length < this.size ? this.spawn() : undefined);
      if (!slot) return;
      const job = { ...this.queue.shift()!, id: this.nextId++ };
      slot.job = job;
      slot.worker.ref();
      try {
        slot.worker.postMessage({ id: job.id, input: job.input } satisfies RenderRequest);
      } catch (e) {
        slot.job = undefined;
        job.reject(e instanceof Error ? e : new Error(String(e)));
      }
    }
  }

  private spawn(): Slot {
    const worker = new Worker(THREAD_BOOT, {
      eval: true,
      workerData: threadEntry(import.meta.url, 'render-worker'),
    });
    const slot: Slot = { worker };
    this.slots.push(slot);
    worker.on('message', (m: RenderReply) => {
      const job = slot.job;
      if (!job || job.id !== m.id) return;
      slot.job = undefined;
      worker.unref();
      if (m.ok)
        job.resolve({
          pdf: Buffer.from(m.pdf.buffer, m.pdf.byteOffset, m.pdf.byteLength),
          sha256: m.sha256,
          contentSha256: m.contentSha256,
        });
      else job.reject(new Error(m.message));
      this.dispatch();
    });
    let failure: Error | undefined;
    worker.on('error', (e) => {
      failure = e;
    });
    worker.once('exit', (code) => {
      this.slots.splice(this.slots.indexOf(slot), 1);
      slot.job?.reject(failure ?? new Error(`a render thread stopped (exit code ${code})`));
      slot.job = undefined;
      if (!this.closed) this.dispatch();
    });
    return slot;
  }

  /** Ends the threads; documents not yet rendered fail (their jobs stay queued in the database). */
  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.queue.splice(0)) job.reject(new Error('the render pool is closed'));
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }
}

let shared: RenderPool | undefined;

/**
 * The process's render pool, made at the first call with that size (RENDER_THREADS, passed by the
 * documents' wiring; else the cores less one): threads are a resource of the process, and the
 * application contexts in one process share them.
 */
export function renderPool(size = Math.max(1, availableParallelism() - 1)): RenderPool {
  shared ??= new RenderPool(size);
  return shared;
}
