import { CompiledQuery, type Transaction } from 'kysely';
import type { Db } from './open-database.js';
import { writeLockTurn } from './sqlite/write-lock.js';
import type { Database } from './schema.js';
import { BatchQueue, type Settled } from './batch-queue.js';
import { holdWrites, stopHolding } from './postgres/write-buffer.js';
import { compiledRows } from './insert-rows.js';

type Work<T> = (trx: Transaction<Database>) => Promise<T>;
const SAVEPOINT = CompiledQuery.raw('savepoint unit');
const RELEASE = CompiledQuery.raw('release savepoint unit');
const ROLLBACK_TO = CompiledQuery.raw('rollback to savepoint unit');

export interface CommitGroupOptions {
  /** The most units of work in one transaction. */
  maxBatch?: number;
  /** Its name in /metrics. */
  name?: string;
  /**
   * Run a batch without savepoints first, and only if one of its units fails, roll the whole
   * batch back and run it again unit by unit in savepoints. For units that fail rarely and may run
   * twice (each computes everything it writes inside the transaction and touches nothing outside
   * it); on PostgreSQL it saves each unit two round trips.
   */
  optimistic?: boolean;
}

/** Batches whose writes were held (write-behind) and the statements that carried them. */
interface HeldStats {
  batches: number;
  statements: number;
  writes: number;
}

/**
 * Group commit for an engine with one writer (SQLite). Units of work that arrive while a
 * transaction is being written wait in line (batch-queue.ts) and then run together in the next
 * transaction, each inside its own savepoint: one that fails is rolled back to its savepoint and
 * fails alone, the others go on, and all of them share one durable commit (one fsync) instead of
 * paying one each.
 *
 * Every caller hears back only after the commit that holds its work, so a resolved unit is durable
 * exactly as before; if the commit itself fails, every unit of that batch fails with it. Units run
 * one after another in arrival order and each sees the writes of those before it, just as
 * back-to-back transactions would. SQLite runs statements synchronously, so while a batch is being
 * written no request is read: the batch that follows holds whatever arrived meanwhile.
 */
export class CommitGroup {
  private readonly queue: BatchQueue<Work<unknown>, unknown>;
  private readonly optimistic: boolean;
  readonly name: string;
  /** Batches and units committed (shown in /metrics). */
  readonly stats = { batches: 0, units: 0, largest: 0, retried: 0 };
  /** PostgreSQL: the optimistic batches' held writes (write-buffer.ts). */
  readonly held: HeldStats = { batches: 0, statements: 0, writes: 0 };

  constructor(
    private readonly db: Db,
    opts: CommitGroupOptions = {},
  ) {
    this.optimistic = opts.optimistic ?? false;
    this.name = opts.name ?? 'database';
    this.queue = new BatchQueue((batch) => this.write(batch), {
      maxBatch: opts.maxBatch ?? 256,
      // Another process sharing the SQLite file gets its turn at the lock before a batch takes the
      // connection; requests go on being read into the queue meanwhile (the batch takes them along).
      beforeBatch: () => writeLockTurn(db),
    });
    showCommitGroup(db, this);
  }

  run<T>(work: Work<T>): Promise<T> {
    return this.queue.push(work as Work<unknown>) as Promise<T>;
  }

  private async write(batch: Work<unknown>[]): Promise<Settled<unknown>[]> {
    if (this.optimistic && batch.length > 1) {
      try {
        const values = await this.db.transaction().execute(async (trx) => {
          // PostgreSQL: the units' inserts and updates by key wait and go together with the next
          // statement (a read, another unit's first statement) or before the commit, so a unit costs
          // the round trips of its reads only, and rows of one table from all of them go as one insert.
          const buffer = await holdWrites(trx, (table, list, conflict) =>
            compiledRows(trx, table as never, list, conflict),
          );
          try {
            const out: unknown[] = [];
            for (const work of batch) out.push(await work(trx));
            await buffer?.flush();
            if (buffer) {
              this.held.batches++;
              this.held.statements += buffer.stats.statements;
              this.held.writes += buffer.stats.writes;
            }
            return out;
          } finally {
            if (buffer) await stopHolding(trx);
          }
        });
        this.committed(batch.length);
        return values.map((value) => ({ ok: true, value }));
      } catch {
        // Some unit failed (or the commit did): nothing of the batch was kept; run it carefully.
        this.stats.retried++;
      }
    }
    const settled: Settled<unknown>[] = [];
    await this.db.transaction().execute(async (trx) => {
      if (batch.length === 1) {
        // Alone: no savepoint needed; a failure rolls back the transaction as it always did.
        settled.push({ ok: true, value: await batch[0]!(trx) });
        return;
      }
      for (const work of batch) {
        await trx.executeQuery(SAVEPOINT);
        try {
          const value = await work(trx);
          await trx.executeQuery(RELEASE);
          settled.push({ ok: true, value });
        } catch (error) {
          try {
            await trx.executeQuery(ROLLBACK_TO);
            await trx.executeQuery(RELEASE);
          } catch {
            // The engine rolled the whole transaction back itself (a full disk, an I/O error), so
            // the savepoint is gone with it: the batch fails with the error that says why, not
            // with "no such savepoint".
            throw error;
          }
          settled.push({ ok: false, error });
        }
      }
    });
    this.committed(batch.length);
    return settled;
  }

  private committed(units: number): void {
    this.stats.batches++;
    this.stats.units += units;
    this.stats.largest = Math.max(this.stats.largest, units);
  }
}

/** What /metrics shows of a commit group: this process's, or one that writes for it from another thread. */
export interface CommitGroupStats {
  readonly name: string;
  readonly stats: { batches: number; units: number; largest: number; retried: number };
}

const groups = new WeakMap<Db, CommitGroup>();
const all = new WeakMap<Db, CommitGroupStats[]>();

/** Every commit group working on this database. */
export function commitGroupsOf(db: Db): readonly CommitGroupStats[] {
  return all.get(db) ?? [];
}

/** Shows a commit group that writes to this database from another thread beside the groups of this one. */
export function showCommitGroup(db: Db, group: CommitGroupStats): void {
  const list = all.get(db) ?? [];
  list.push(group);
  all.set(db, list);
}

/** Makes every audited unit of work on this database go through one commit group. */
export function useCommitGroup(db: Db, opts?: CommitGroupOptions): CommitGroup {
  const g = new CommitGroup(db, opts);
  groups.set(db, g);
  return g;
}

export function commitGroupOf(db: Db): CommitGroup | undefined {
  return groups.get(db);
}

/**
 * A transaction of a background worker (claims, settlements): through the database's commit group
 * where there is one (it then shares the fsync with whatever else is being written), else its own.
 */
export function inTransaction<T>(db: Db, work: (trx: Transaction<Database>) => Promise<T>): Promise<T> {
  const group = groups.get(db);
  return group ? group.run(work) : db.transaction().execute(work);
}
