import { performance } from 'node:perf_hooks';
import type { Db } from '../open-database.js';

/** How long a process sharing the file leaves the write lock free after its commit (timers tick in ms). */
const HANDOVER_MS = 2;

/**
 * SQLite keeps no queue of waiters: whoever asks first after a commit gets the lock. A process that
 * began again at once would keep it for as long as it has work, and the others (polling) would wait
 * that long. So when other processes share the file, each leaves the lock free for a moment after
 * its commit, and a waiting process's next try falls in that gap.
 */
export class WriteLockTurns {
  private freeUntil = 0;
  /**
   * @param shared other processes write to the file: always leave the gap (they cannot be seen waiting).
   * @param state shared memory of this process's threads writing to the file (shareWriteLock): how
   *   many of their connections wait for the lock, and whether one of them holds it. The gap is left
   *   only while one waits, and a waiter sleeps until the holder lets go instead of trying again.
   */
  constructor(
    readonly shared: boolean,
    public state?: Int32Array,
  ) {}
  acquired(): void {
    if (this.state) Atomics.store(this.state, HELD, 1);
  }
  released(): void {
    if (this.state) {
      Atomics.store(this.state, HELD, 0);
      Atomics.notify(this.state, HELD);
    }
    if (this.shared || (this.state && Atomics.load(this.state, WAITERS) > 0))
      this.freeUntil = performance.now() + HANDOVER_MS;
  }
  waiting(delta: 1 | -1): void {
    if (this.state) Atomics.add(this.state, WAITERS, delta);
  }
  /**
   * Resolves when this connection may try for the lock (at once when nobody else writes to the file):
   * after its own hand-over gap, and while another thread of this process holds the lock, once that
   * one lets go. Neither wait blocks the thread.
   */
  async turn(): Promise<void> {
    const gap = this.freeUntil - performance.now();
    if (gap > 0) await new Promise((r) => setTimeout(r, gap));
    const s = this.state;
    if (!s || Atomics.load(s, HELD) === 0) return;
    this.waiting(1);
    try {
      // (a bounded sleep: a thread that died holding the flag cannot keep this one waiting; SQLite decides)
      for (let rounds = 0; Atomics.load(s, HELD) !== 0 && rounds < 50; rounds++) {
        const w = waitAsync(s, HELD, 1, 100);
        if (w.async) await w.value;
      }
    } finally {
      this.waiting(-1);
    }
  }
}

/** Slots of the shared lock state. */
const WAITERS = 0;
const HELD = 1;
// Atomics.waitAsync (V8, Node ≥ 16) is not in TypeScript's ES2023 library.
const waitAsync = (
  Atomics as unknown as {
    waitAsync(
      a: Int32Array,
      i: number,
      v: number,
      ms: number,
    ): { async: boolean; value: Promise<string> | string };
  }
).waitAsync;

const turns = new WeakMap<Db, WriteLockTurns>();

/** Ties a database to the lock turns of its SQLite connection (open-database.ts). */
export function registerWriteLock(db: Db, lock: WriteLockTurns): void {
  turns.set(db, lock);
}

/**
 * Waits out the hand-over gap before a transaction, outside the connection: a commit group calls
 * this before it takes the connection, so reads of this process go on meanwhile.
 */
export function writeLockTurn(db: Db): Promise<void> {
  return turns.get(db)?.turn() ?? Promise.resolve();
}

/**
 * Another thread of this process is about to write to this SQLite file through a connection of its
 * own: returns the shared lock state to open that connection with (DatabaseOptions.lockState). Each
 * of the two then waits for the other's commit without holding its own connection (a thread whose
 * transaction sat waiting for the lock would hold up every read of that thread, its requests' too),
 * and leaves the lock free for a moment after a commit while the other waits.
 */
export function shareWriteLock(db: Db): Int32Array {
  const lock = turns.get(db);
  if (!lock) throw new Error('shareWriteLock: not an SQLite database');
  lock.state ??= new Int32Array(new SharedArrayBuffer(8));
  return lock.state;
}
