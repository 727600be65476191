import fs from 'node:fs';
import { performance } from 'node:perf_hooks';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import {
  Kysely,
  PostgresDialect,
  SqliteDialect,
  SqliteDriver,
  sql,
  type DatabaseConnection,
  type Driver,
  type SqliteDialectConfig,
} from 'kysely';
import type { Database } from './schema.js';
import type { DialectName } from './column-types.js';
import { useCommitGroup } from './commit-group.js';
import { startCheckpointer } from './checkpointer.js';

export type Db = Kysely<Database>;

export interface DatabaseHandle {
  db: Db;
  dialect: DialectName;
  /** The SQLite file, for online backup; undefined on PostgreSQL and in memory. */
  sqliteFile?: string;
  sqlite?: SQLite.Database;
  /** Run by close() first, last added first (e.g. a thread with a connection of its own to this file). */
  beforeClose: (() => Promise<void>)[];
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** postgres://… selects PostgreSQL; otherwise SQLite. */
  databaseUrl?: string;
  /** SQLite file; ':memory:' for an in-memory database. */
  sqliteFile?: string;
  /**
   * SQLite checkpoints: 'thread' (default) runs them in a worker thread of this process; 'elsewhere'
   * leaves them to another process on the same file (the HTTP workers of `serve` under HTTP_WORKERS).
   */
  checkpoints?: 'thread' | 'elsewhere';
  /** Other processes write to this SQLite file too (`serve` under HTTP_WORKERS): hand the write lock over fairly. */
  sharedFile?: boolean;
  /** Another thread of this process writes to the file too: the lock state shareWriteLock() gave it. */
  lockState?: Int32Array;
  /**
   * A second, read-only SQLite connection for prepared() reads outside a transaction (readStatements);
   * default on for a file. The intake thread, which only writes, turns it off.
   */
  reader?: boolean;
  /** PostgreSQL schema to work in (tests give each file its own). */
  pgSchema?: string;
  pgPoolSize?: number;
}

// PostgreSQL hands back the same shapes SQLite does: ISO strings, YYYY-MM-DD, numbers.
const PG_TIMESTAMPTZ = 1184;
const PG_TIMESTAMP = 1114;
const PG_DATE = 1082;
const PG_INT8 = 20;
const PG_NUMERIC = 1700;
const pgTypes = {
  getTypeParser(oid: number, format?: 'text' | 'binary'): (value: string) => unknown {
    if (oid === PG_TIMESTAMPTZ || oid === PG_TIMESTAMP)
      return (v: string) => new Date(oid === PG_TIMESTAMP ? `${v}Z` : v).toISOString();
    if (oid === PG_DATE) return (v: string) => v;
    if (oid === PG_INT8 || oid === PG_NUMERIC) return (v: string) => Number(v);
    return format === 'binary' ? pg.types.getTypeParser(oid, 'binary') : pg.types.getTypeParser(oid, 'text');
  },
};

export function openDatabase(opts: DatabaseOptions): DatabaseHandle {
  if (opts.databaseUrl) {
    const pool = new pg.Pool({
      connectionString: opts.databaseUrl,
      max: opts.pgPoolSize ?? 10,
      types: pgTypes,
      ...(opts.pgSchema ? { options: `-c search_path=${opts.pgSchema}` } : {}),
    });
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    const beforeClose: (() => Promise<void>)[] = [];
    return {
      db,
      dialect: 'postgres',
      beforeClose,
      close: async () => {
        await runBeforeClose(beforeClose);
        await db.destroy();
      },
    };
  }
  const file = opts.sqliteFile ?? ':memory:';
  if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new SQLite(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  // Savepoints (one per unit of a commit group) keep their undo pages in a sub-journal; in a file
  // that costs a write per first change of every page, in memory it halved a submission's time.
  sqlite.pragma('temp_store = memory');
  const lock = new WriteLockTurns(!!opts.sharedFile, opts.lockState);
  const statements = statementCache(sqlite);
  const db = new Kysely<Database>({
    dialect: new ImmediateSqliteDialect(sqlite, { database: statements.database }, lock),
  });
  turns.set(db, lock);
  direct.set(db.getExecutor().adapter, {
    run: (text, params) => {
      const stmt = statements.prepare(text);
      if (stmt.reader) return stmt.all(params as unknown[]);
      stmt.run(params as unknown[]);
      return [];
    },
  });
  const reader = file !== ':memory:' && opts.reader !== false ? openReader(file) : undefined;
  if (reader) readers.set(db.getExecutor().adapter, reader.statements);
  // One writer: concurrent units of work share durable commits (src/db/commit-group.ts).
  useCommitGroup(db);
  // Checkpoints leave the request thread (src/db/checkpointer.ts).
  if (opts.checkpoints === 'elsewhere') sqlite.pragma('wal_autocheckpoint = 0');
  const checkpointer =
    file !== ':memory:' && opts.checkpoints !== 'elsewhere'
      ? startCheckpointer(sqlite, file, {
          onError: (why) => process.emitWarning(`SQLite checkpoints: ${why}`),
        })
      : undefined;
  const beforeClose: (() => Promise<void>)[] = [];
  return {
    db,
    dialect: 'sqlite',
    sqlite,
    ...(file !== ':memory:' ? { sqliteFile: file } : {}),
    beforeClose,
    close: async () => {
      await runBeforeClose(beforeClose);
      await checkpointer?.stop();
      await db.destroy();
      reader?.connection.close();
    },
  };
}

async function runBeforeClose(list: (() => Promise<void>)[]): Promise<void> {
  while (list.length) await list.pop()!();
}

const BUSY_TIMEOUT_MS = 5000;
/** How long a process sharing the file leaves the write lock free after its commit (timers tick in ms). */
const HANDOVER_MS = 2;

/**
 * Transactions begin IMMEDIATE: the write lock is taken at BEGIN, so a transaction that reads before
 * it writes can never fail half-way because another connection (a second process on the same file)
 * wrote in between. While another connection holds the lock, the wait is asynchronous: the event
 * loop goes on reading requests (which join the next commit group batch) instead of sleeping in
 * SQLite's busy handler.
 */
/**
 * SQLite keeps no queue of waiters: whoever asks first after a commit gets the lock. A process that
 * began again at once would keep it for as long as it has work, and the others (polling) would wait
 * that long. So when other processes share the file, each leaves the lock free for a moment after
 * its commit, and a waiting process's next try falls in that gap.
 */
class WriteLockTurns {
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

class ImmediateSqliteDialect extends SqliteDialect {
  constructor(
    private readonly sqlite: SQLite.Database,
    private readonly driverConfig: SqliteDialectConfig,
    private readonly lock: WriteLockTurns,
  ) {
    super(driverConfig);
  }

  override createDriver(): Driver {
    const { sqlite, lock } = this;
    return new (class extends SqliteDriver {
      override async beginTransaction(_connection: DatabaseConnection): Promise<void> {
        await lock.turn();
        const started = performance.now();
        let waiting = false;
        try {
          for (;;) {
            sqlite.pragma('busy_timeout = 0');
            try {
              sqlite.prepare('begin immediate').run();
              lock.acquired();
              return;
            } catch (e) {
              if (
                (e as { code?: string }).code !== 'SQLITE_BUSY' ||
                performance.now() - started > BUSY_TIMEOUT_MS
              )
                throw e;
            } finally {
              sqlite.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
            }
            if (!waiting) lock.waiting(1);
            waiting = true;
            await new Promise((r) => setTimeout(r, 1));
          }
        } finally {
          if (waiting) lock.waiting(-1);
        }
      }

      override async commitTransaction(connection: DatabaseConnection): Promise<void> {
        try {
          await super.commitTransaction(connection);
        } finally {
          lock.released();
        }
      }

      override async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
        try {
          await super.rollbackTransaction(connection);
        } finally {
          lock.released();
        }
      }
    })(this.driverConfig);
  }
}

/**
 * Kysely prepares every query anew; preparing costs more than running most of ours. Statements are
 * reusable in better-sqlite3, so prepared ones are kept by their SQL text (bounded, oldest out).
 */
function statementCache(
  sqlite: SQLite.Database,
  max = 2000,
): { database: SQLite.Database; prepare: (source: string) => SQLite.Statement } {
  const cache = new Map<string, SQLite.Statement>();
  const prepare = (source: string) => {
    let stmt = cache.get(source);
    if (stmt) return stmt;
    stmt = sqlite.prepare(source);
    cache.set(source, stmt);
    if (cache.size > max) cache.delete(cache.keys().next().value!);
    return stmt;
  };
  const database = new Proxy(sqlite, {
    get(target, prop) {
      if (prop === 'prepare') return prepare;
      const value = Reflect.get(target, prop, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  return { database, prepare };
}

/** Runs one statement on a connection at once; the rows of a query (or of RETURNING), else none. */
export interface DirectStatements {
  run(text: string, params: readonly unknown[]): unknown[];
}
const direct = new WeakMap<object, DirectStatements>();

/**
 * Inside a transaction on SQLite: the connection itself, to run a compiled statement synchronously
 * rather than through Kysely's asynchronous executor (for the hot paths, where those layers cost
 * more than SQLite's own work on a small insert). Only a transaction may: it holds the one
 * connection, so a statement run here is in it, in the order the unit runs them. The rows are what
 * Kysely's SQLite driver would return. Undefined elsewhere (PostgreSQL, outside a transaction).
 */
export function directStatements(db: Kysely<Database>): DirectStatements | undefined {
  return db.isTransaction ? direct.get(db.getExecutor().adapter) : undefined;
}

/** Runs one read-only statement; undefined when the statement writes (the caller goes the usual way). */
export interface ReadStatements {
  read(text: string, params: readonly unknown[]): unknown[] | undefined;
}
const readers = new WeakMap<object, ReadStatements>();

function openReader(file: string): { connection: SQLite.Database; statements: ReadStatements } {
  const connection = new SQLite(file, { readonly: true });
  connection.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  const cache = statementCache(connection);
  return {
    connection,
    statements: {
      read: (text, params) => {
        const stmt = cache.prepare(text);
        return stmt.readonly && stmt.reader ? stmt.all(params as unknown[]) : undefined;
      },
    },
  };
}

/**
 * Outside a transaction on an SQLite file: a read-only connection of its own, to run a compiled
 * query synchronously. It sees what is committed (WAL gives every statement a consistent snapshot)
 * and never waits for the writer: the Kysely connection may be held by a transaction across awaits,
 * and a read on it would queue behind that transaction, or see its uncommitted rows if it went
 * around Kysely. Undefined in a transaction (directStatements serves those), in memory and on
 * PostgreSQL.
 */
export function readStatements(db: Kysely<Database>): ReadStatements | undefined {
  return db.isTransaction ? undefined : readers.get(db.getExecutor().adapter);
}

export async function ping(db: Db): Promise<void> {
  await sql`select 1`.execute(db);
}
