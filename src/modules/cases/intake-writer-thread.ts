import { Worker } from 'node:worker_threads';
import type { Config } from '../../config/config.js';
import { shareWriteLock, type DatabaseHandle } from '../../db/database.js';
import { showCommitGroup, type CommitGroupStats } from '../../db/commit-group.js';
import { AppError, type FieldError } from '../../server/errors.js';
import type { ErrorCode } from '../../server/error-codes.js';
import { offsetFromRealTime, type Clock } from '../../shared/clock.js';
import type { CalendarStore } from '../clock/calendar-store.js';
import type { IntakeJob, IntakeSummary } from './intake-job.js';
import { THREAD_BOOT, threadEntry } from '../../shared/thread-boot.js';

/** What the thread is told once, when it starts. */
export interface IntakeThreadInit {
  config: Config;
  sqliteFile: string;
  lockState: Int32Array;
}

/** One application to write, with what the thread must take over from this one's clock and calendar. */
export interface IntakeRequest {
  id: number;
  job: IntakeJob;
  /** This thread's clock minus real time (the test time mode moves it). */
  clockOffsetMs: number;
  /** Changes of the calendar made in this thread so far: a different number makes the thread rebuild its own. */
  calendarGeneration: number;
}

/** An error as it crosses between threads. */
export type WireError =
  | {
      app: true;
      code: ErrorCode;
      params: Record<string, string | number>;
      fieldErrors: FieldError[];
      extra: Record<string, unknown>;
    }
  | { app: false; name: string; message: string; code?: string; stack?: string };

export type IntakeReply =
  | { id: number; ok: true; value: IntakeSummary; stats: CommitGroupStats['stats'] }
  | { id: number; ok: false; error: WireError; stats: CommitGroupStats['stats'] }
  | { id: 0; failed: string };

export function toWire(e: unknown): WireError {
  if (e instanceof AppError)
    return { app: true, code: e.code, params: e.params, fieldErrors: e.fieldErrors, extra: e.extra };
  const err = e instanceof Error ? e : new Error(String(e));
  const code = (err as { code?: unknown }).code;
  return {
    app: false,
    name: err.name,
    message: err.message,
    ...(typeof code === 'string' ? { code } : {}),
    ...(err.stack ? { stack: err.stack } : {}),
  };
}

export function fromWire(w: WireError): Error {
  if (w.app) return new AppError(w.code, w.params, w.fieldErrors, w.extra);
  const err = new Error(w.message) as Error & { code?: string };
  err.name = w.name;
  if (w.code) err.code = w.code;
  if (w.stack) err.stack = w.stack;
  return err;
}

/**
 * Writes new applications in a thread of their own, on a connection of its own to the same SQLite
 * file (intake-writer-worker.ts runs writeSubmission there, in that connection's commit group).
 *
 * A submission's work inside the write lock — the receipt number, the chain links, the rows, the
 * tracking snapshot, the fee forms — and the durable commit with its fsync are most of what it
 * costs; on the request thread they leave the second core idle. Here the request thread checks the
 * next requests, answers the last batch and serves everything else while the thread writes, and each
 * request still hears back only once its case is durable. The two connections take turns at the
 * write lock (src/db/sqlite/write-lock.ts). If the thread dies, the applications in its hands fail (their
 * Idempotency-Keys make a retry safe: a committed one is found, an uncommitted one written anew) and
 * the next application starts a new thread.
 */
export class IntakeWriterThread implements CommitGroupStats {
  readonly name = 'intake thread';
  readonly stats = { batches: 0, units: 0, largest: 0, retried: 0 };
  /** What threads that have ended committed: the counts go on from there, as /metrics expects. */
  private readonly ended = { batches: 0, units: 0, retried: 0 };
  private worker: Worker | undefined;
  private exited: Promise<void> | undefined;
  private nextId = 1;
  private readonly pending = new Map<
    number,
    { resolve: (v: IntakeSummary) => void; reject: (e: unknown) => void }
  >();
  private stopping = false;

  constructor(
    private readonly database: DatabaseHandle,
    private readonly config: Config,
    private readonly clock: Clock,
    private readonly calendars: CalendarStore,
  ) {
    if (!database.sqliteFile) throw new Error('the intake thread needs an SQLite file');
    showCommitGroup(database.db, this);
    database.beforeClose.push(() => this.stop());
  }

  /** Applications sent to the thread and not yet answered. */
  get inHand(): number {
    return this.pending.size;
  }

  write(job: IntakeJob): Promise<IntakeSummary> {
    // Closing: the requests in hand are answered, a new one is told to come back (503).
    if (this.stopping) return Promise.reject(new AppError('not_ready', { reason: 'the server is stopping' }));
    const worker = this.worker ?? this.start();
    return new Promise((resolve, reject) => {
      const id = this.nextId++;
      this.pending.set(id, { resolve, reject });
      const request: IntakeRequest = {
        id,
        job,
        clockOffsetMs: offsetFromRealTime(this.clock),
        calendarGeneration: this.calendars.generation,
      };
      try {
        worker.postMessage(request);
      } catch (e) {
        // (a job that cannot be copied to the thread never reaches it: nothing would answer it)
        this.pending.delete(id);
        reject(e);
      }
    });
  }

  /** Starts the thread now rather than at the first application (it takes a moment to load). */
  start(): Worker {
    if (this.worker) return this.worker;
    const init: IntakeThreadInit = {
      config: this.config,
      sqliteFile: this.database.sqliteFile!,
      lockState: shareWriteLock(this.database.db),
    };
    const worker = new Worker(THREAD_BOOT, {
      eval: true,
      workerData: { ...init, ...threadEntry(import.meta.url, 'intake-writer-worker') },
    });
    this.worker = worker;
    worker.on('message', (m: IntakeReply) => this.answer(m));
    let failure: Error | undefined;
    worker.on('error', (e) => {
      failure = e;
    });
    this.exited = new Promise((resolve) =>
      worker.once('exit', (code) => {
        if (this.worker === worker) this.worker = undefined;
        this.ended.batches = this.stats.batches;
        this.ended.units = this.stats.units;
        this.ended.retried = this.stats.retried;
        if (this.pending.size > 0) {
          // Whether their batch committed before the thread ended is not known here; a submission sent
          // again with its Idempotency-Key finds its case if it did, and makes it if it did not.
          const why = failure?.message ?? `exit code ${code}`;
          process.emitWarning(
            `intake thread stopped with ${this.pending.size} application(s) unanswered: ${why}`,
          );
          const interrupted = new AppError('intake_interrupted', {}, [], { retryAfter: 1 });
          for (const p of this.pending.values()) p.reject(interrupted);
          this.pending.clear();
        }
        resolve();
      }),
    );
    return worker;
  }

  private answer(m: IntakeReply): void {
    if ('failed' in m) {
      // The thread could not start (a broken file, a bad configuration): it exits after saying why.
      process.emitWarning(`intake thread: ${m.failed}`);
      return;
    }
    this.stats.batches = this.ended.batches + m.stats.batches;
    this.stats.units = this.ended.units + m.stats.units;
    this.stats.retried = this.ended.retried + m.stats.retried;
    this.stats.largest = Math.max(this.stats.largest, m.stats.largest);
    const p = this.pending.get(m.id);
    if (!p) return;
    this.pending.delete(m.id);
    if (m.ok) p.resolve(m.value);
    else p.reject(fromWire(m.error));
  }

  /** Lets the applications in hand be written, then closes the thread's connection and ends it. */
  async stop(): Promise<void> {
    this.stopping = true;
    const worker = this.worker;
    if (!worker) return;
    worker.postMessage('stop');
    await this.exited;
  }
}
