import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type SQLite from 'better-sqlite3';
import { WAL_LIMIT_BYTES } from './disk-headroom.js';

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

// Under steady reads a PASSIVE checkpoint copies the log but the log never starts over, so it only
// grows (255 MB for a 71 MB database after 30 s of load); once it is past its limit, a TRUNCATE
// checkpoint waits (up to the busy timeout) for the readers, copies the rest and cuts it to nothing.
// After a failure (a full disk, a file made read-only) the connection is opened afresh, and a
// failure is reported once until it changes, not at every tick.
const WORKER_SOURCE = `
const fs = require('node:fs');
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const open = () => {
  const c = new Database(workerData.file, { fileMustExist: true });
  c.pragma('busy_timeout = 1000');
  return c;
};
let db = open();
let stopping = false;
let lastError = '';
const walBytes = () => { try { return fs.statSync(workerData.file + '-wal').size; } catch { return 0; } };
parentPort.on('message', (m) => { if (m === 'stop') stopping = true; });
function tick() {
  if (stopping) { db.close(); parentPort.postMessage('stopped'); return; }
  try {
    db.pragma(walBytes() > workerData.walLimit ? 'wal_checkpoint(TRUNCATE)' : 'wal_checkpoint(PASSIVE)');
    lastError = '';
  } catch (e) {
    const message = String(e && e.message || e);
    if (message !== lastError) parentPort.postMessage({ error: message });
    lastError = message;
    try { db.close(); db = open(); } catch { /* the next tick tries again */ }
  }
  setTimeout(tick, workerData.intervalMs);
}
tick();
`;

export function startCheckpointer(
  connection: () => SQLite.Database,
  file: string,
  opts: { intervalMs?: number; onError?: (message: string) => void } = {},
): Checkpointer {
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  connection().pragma('wal_autocheckpoint = 0');
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: { driver, file, intervalMs: opts.intervalMs ?? 200, walLimit: WAL_LIMIT_BYTES },
  });
  worker.unref();
  let fellBack = false;
  const fallBack = (why: string) => {
    if (fellBack) return;
    fellBack = true;
    if (connection().open) connection().pragma('wal_autocheckpoint = 1000');
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
