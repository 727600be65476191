import { Worker } from 'node:worker_threads';
import type { Config } from '../config/config.js';
import { AppError, type FieldError } from '../server/errors.js';
import type { ErrorCode } from '../server/error-codes.js';
import { offsetFromRealTime, type Clock } from '../shared/clock.js';
import { showCommitGroup, type CommitGroup, type CommitGroupStats } from './commit-group.js';
import type { DatabaseHandle } from './open-database.js';
import { shareWriteLock } from './sqlite/write-lock.js';
import { THREAD_BOOT, threadEntry } from '../shared/thread-boot.js';

/**
 * What a module that writes in the writer thread exports as `writer` (from a file of its own, loaded
 * by the thread): how to compose what its writes need on the thread's connection.
 */
export interface ThreadWriter<J, R> {
  compose(env: WriterEnv): ComposedWriter<J, R>;
}

export interface ComposedWriter<J, R> {
  /** Writes one job (plain data, checked in the request thread) in units of work of env.group. */
  write(job: J): Promise<R>;
  /** The request thread's calendar changed: drop what was built from the old one. */
  refresh?(): void;
}

/** What the thread gives every writer: its own connection, the request thread's clock, and one commit group for all. */
export interface WriterEnv {
  config: Config;
  database: DatabaseHandle;
  clock: Clock;
  /**
   * The thread's one commit group: the jobs of every kind that arrive while a batch is being
   * written share the next durable commit. Optimistic: a job computes all it writes inside its unit
   * and may run twice, so a batch goes without a savepoint per unit unless one of them fails.
   */
  group: CommitGroup;
}

/** What the thread is told once, when it starts. */
export interface WriterThreadInit {
  config: Config;
  sqliteFile: string;
  lockState: Int32Array;
}

/** One job to write, with what the thread must take over from this one's clock and calendar. */
export interface WriterRequest {
  id: number;
  /** The URL of the module whose `writer` writes it. */
  writer: string;
  job: unknown;
  /** This thread's clock minus real time (the test time mode moves it). */
  clockOffsetMs: number;
  /** Changes of the calendar made in this thread so far: a different number makes the writers refresh. */
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

export type WriterReply =
  | { id: number; ok: true; value: unknown; stats: CommitGroupStats['stats'] }
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

/** The URL of a writer module beside `base` (import.meta.url): the compiled one under dist/, else the TypeScript one. */
export function writerUrl(base: string, name: string): string {
  return new URL(`./${name}${base.endsWith('.js') ? '.js' : '.ts'}`, base).href;
}

/**
 * Writes the hot inserts (new applications, new complaint tickets) in a thread of its own, on a
 * connection of its own to the same SQLite file (writer-thread-worker.ts runs each job's writer
 * there, all of them in one commit group).
 *
 * A new row's work inside the write lock — its number, the chain links, the rows, the clocks — and
 * the durable commit with its fsync are most of what intake costs; on the request thread they leave
 * the second core idle. Here the request thread checks the next requests, answers the last batch and
 * serves everything else while the thread writes, and each request still hears back only once its
 * job is durable. The two connections take turns at the write lock (src/db/sqlite/write-lock.ts).
 * If the thread dies, the jobs in its hands fail (503 intake_interrupted; an Idempotency-Key makes
 * a retry safe) and the next job starts a new thread.
 */
export class WriterThread implements CommitGroupStats {
  readonly name = 'intake thread';
  readonly stats = { batches: 0, units: 0, largest: 0, retried: 0 };
  /** What threads that have ended committed: the counts go on from there, as /metrics expects. */
  private readonly ended = { batches: 0, units: 0, retried: 0 };
  private worker: Worker | undefined;
  private exited: Promise<void> | undefined;
  private nextId = 1;
  private readonly pending = new Map<
    number,
    { resolve: (v: unknown) => void; reject: (e: unknown) => void }
  >();
  private stopping = false;

  constructor(
    private readonly database: DatabaseHandle,
    private readonly config: Config,
    private readonly clock: Clock,
    private readonly calendarGeneration: () => number,
  ) {
    if (!database.sqliteFile) throw new Error('the writer thread needs an SQLite file');
    showCommitGroup(database.db, this);
    database.beforeClose.push(() => this.stop());
  }

  /** Jobs sent to the thread and not yet answered. */
  get inHand(): number {
    return this.pending.size;
  }

  /** Has the writer exported by the module at `writer` (a URL, see writerUrl) write the job. */
  write<R>(writer: string, job: unknown): Promise<R> {
    // Closing: the requests in hand are answered, a new one is told to come back (503).
    if (this.stopping) return Promise.reject(new AppError('not_ready', { reason: 'the server is stopping' }));
    const worker = this.worker ?? this.start();
    return new Promise<R>((resolve, reject) => {
      const id = this.nextId++;
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      const request: WriterRequest = {
        id,
        writer,
        job,
        clockOffsetMs: offsetFromRealTime(this.clock),
        calendarGeneration: this.calendarGeneration(),
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

  /** Starts the thread now rather than at the first job (it takes a moment to load). */
  start(): Worker {
    if (this.worker) return this.worker;
    const init: WriterThreadInit = {
      config: this.config,
      sqliteFile: this.database.sqliteFile!,
      lockState: shareWriteLock(this.database.db),
    };
    const worker = new Worker(THREAD_BOOT, {
      eval: true,
      workerData: {
        ...init,
        ...threadEntry(import.meta.url, 'writer-thread-worker'),
      },
    });
    this.worker = worker;
    worker.on('message', (m: WriterReply) => this.answer(m));
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
          // Whether their batch committed before the thread ended is not known here; a job sent
          // again with its Idempotency-Key finds its row if it did, and makes it if it did not.
          const why = failure?.message ?? `exit code ${code}`;
          process.emitWarning(`intake thread stopped with ${this.pending.size} job(s) unanswered: ${why}`);
          const interrupted = new AppError('intake_interrupted', {}, [], { retryAfter: 1 });
          for (const p of this.pending.values()) p.reject(interrupted);
          this.pending.clear();
        }
        resolve();
      }),
    );
    return worker;
  }

  private answer(m: WriterReply): void {
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

  /** Lets the jobs in hand be written, then closes the thread's connection and ends it. */
  async stop(): Promise<void> {
    this.stopping = true;
    const worker = this.worker;
    if (!worker) return;
    worker.postMessage('stop');
    await this.exited;
  }
}

const threads = new WeakMap<DatabaseHandle, WriterThread | null>();

/**
 * The database's writer thread, shared by every module that writes there: one process on an SQLite
 * file with INTAKE_THREAD on. Under HTTP_WORKERS the processes are the parallelism; on PostgreSQL the
 * server is; there it is undefined and the jobs are written in this thread.
 */
export function writerThreadOf(
  database: DatabaseHandle,
  config: Config,
  clock: Clock,
  calendarGeneration: () => number,
): WriterThread | undefined {
  let t = threads.get(database);
  if (t === undefined) {
    t =
      config.intakeThread && config.httpWorkers === 0 && database.dialect === 'sqlite' && database.sqliteFile
        ? new WriterThread(database, config, clock, calendarGeneration)
        : null;
    threads.set(database, t);
  }
  return t ?? undefined;
}
