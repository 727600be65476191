import type SQLite from 'better-sqlite3';
import { sql, type Kysely } from 'kysely';
import type { Database } from './schema.js';
import type { DialectName } from './column-types.js';
import { openPostgres } from './postgres/open-postgres.js';
import { openSqlite } from './sqlite/open-sqlite.js';
import type { DatabaseLogger } from './database-log.js';
import type { StorageFailure, StorageProblem } from './storage-failure.js';

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
  /** Where the layer reports what it survives (lost connections, a full disk); stderr until given. */
  setLogger(log: DatabaseLogger): void;
  /** Why a write would fail now (a read-only database, a disk short of space), if it would: /readyz. */
  writeProblem(): Promise<StorageProblem | undefined>;
  /**
   * Only a new process can write again: SQLite keeps a file it opened read-only so within the
   * process, even once the file is writable. Cheap (no query), for the liveness probe.
   */
  needsRestart(): boolean;
  /** A write failed for this reason (the error handler saw it): taken into account by writeProblem(). */
  writeFailed(failure: StorageFailure): void;
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
  /** PostgreSQL: statements run again and again are prepared once per connection (default on). */
  pgPreparedStatements?: boolean;
}

/** PostgreSQL when a URL is given, else SQLite (postgres/, sqlite/). */
export function openDatabase(opts: DatabaseOptions): DatabaseHandle {
  return opts.databaseUrl ? openPostgres({ ...opts, databaseUrl: opts.databaseUrl }) : openSqlite(opts);
}

export async function runBeforeClose(list: (() => Promise<void>)[]): Promise<void> {
  while (list.length) await list.pop()!();
}

export async function ping(db: Db): Promise<void> {
  await sql`select 1`.execute(db);
}
