import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type SQLite from 'better-sqlite3';

/**
 * Copies the SQLite write-ahead log back into the database file from a worker thread. SQLite's own
 * automatic checkpoint runs inside a commit, on the thread that commits — here the one thread that
 * also answers every request — and with synchronous=FULL it fsyncs the database file there too. The
 * worker opens its own connection and runs PASSIVE checkpoints (they never block the writer and
 * wait for no reader) whenever the log has grown; durability is unchanged, since every commit is
 * already durable in the log. If the worker cannot run, the connection's automatic checkpoint is
 * switched back on, so the log never grows without bound.
 */
export interface Checkpointer {
  stop(): Promise<void>;
}

const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file, { fileMustExist: true });
db.pragma('busy_timeout = 1000');
let stopping = false;
parentPort.on('message', (m) => { if (m === 'stop') stopping = true; });
function tick() {
  if (stopping) { db.close(); parentPort.postMessage('stopped'); return; }
  try {
    db.pragma('wal_checkpoint(PASSIVE)');
  } catch (e) {
    parentPort.postMessage({ error: String(e && e.message || e) });
  }
  setTimeout(tick, workerData.intervalMs);
}
tick();
`;

export function startCheckpointer(
  sqlite: SQLite.Database,
  file: string,
  opts: { intervalMs?: number; onError?: (message: string) => void } = {},
): Checkpointer {
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  sqlite.pragma('wal_autocheckpoint = 0');
  // A log that did grow large (a burst, a long reader) is cut back once it has been checkpointed.
  sqlite.pragma('journal_size_limit = 67108864');
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: { driver, file, intervalMs: opts.intervalMs ?? 200 },
  });
  worker.unref();
  let fellBack = false;
  const fallBack = (why: string) => {
    if (fellBack) return;
    fellBack = true;
    if (sqlite.open) sqlite.pragma('wal_autocheckpoint = 1000');
    opts.onError?.(why);
  };
  let stopped: (() => void) | undefined;
  worker.on('message', (m: unknown) => {
    if (m === 'stopped') stopped?.();
    else if (m && typeof m === 'object' && 'error' in m)
      opts.onError?.(String((m as { error: string }).error));
  });
  worker.on('error', (e) => fallBack(e.message));
  let stopping = false;
  worker.on('exit', (code) => {
    stopped?.();
    if (code !== 0 && !stopping) fallBack(`checkpoint worker exited with ${code}`);
  });
  return {
    // The worker closes its connection between two checkpoints, then the thread is ended.
    stop: async () => {
      stopping = true;
      if (!fellBack) {
        await new Promise<void>((resolve) => {
          stopped = resolve;
          worker.postMessage('stop');
        });
      }
      await worker.terminate();
    },
  };
}
