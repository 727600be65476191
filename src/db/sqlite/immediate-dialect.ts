import { performance } from 'node:perf_hooks';
import type SQLite from 'better-sqlite3';
import {
  SqliteDialect,
  SqliteDriver,
  type DatabaseConnection,
  type Driver,
  type SqliteDialectConfig,
} from 'kysely';
import type { WriteLockTurns } from './write-lock.js';
import type { WriteConnection } from './write-connection.js';
import { freeBytes, MIN_FREE_BYTES, WAL_LIMIT_BYTES, walBytes } from './disk-headroom.js';

export const BUSY_TIMEOUT_MS = 5000;

/**
 * Transactions begin IMMEDIATE: the write lock is taken at BEGIN, so a transaction that reads before
 * it writes can never fail half-way because another connection (a second process on the same file)
 * wrote in between. While another connection holds the lock, the wait is asynchronous: the event
 * loop goes on reading requests (which join the next commit group batch) instead of sleeping in
 * SQLite's busy handler.
 */
export class ImmediateSqliteDialect extends SqliteDialect {
  constructor(
    private readonly connection: WriteConnection,
    /** The file, to look at its log and free space after a failure; undefined in memory. */
    private readonly file: string | undefined,
    private readonly driverConfig: SqliteDialectConfig,
    private readonly lock: WriteLockTurns,
  ) {
    super(driverConfig);
  }

  override createDriver(): Driver {
    const { connection: write, file, lock } = this;
    return new (class extends SqliteDriver {
      override async beginTransaction(_connection: DatabaseConnection): Promise<void> {
        await lock.turn();
        write.reopenIfWritable();
        const sqlite = write.current;
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
          // SQLite rolls a transaction back itself when a write or the commit fails for want of
          // space or I/O (SQLITE_FULL, SQLITE_IOERR); a ROLLBACK then would fail with "no
          // transaction is active" and take the place of the error that says what happened.
          if (write.current.inTransaction) await super.rollbackTransaction(connection);
        } finally {
          lock.released();
        }
        if (file) truncateLogUnderPressure(write.current, file);
      }
    })(this.driverConfig);
  }
}

/**
 * After a failed transaction, when the disk is short of space or the log has outgrown its limit:
 * copy the log into the database and cut it to nothing (TRUNCATE), which frees the log's space at
 * once. It does not wait for readers (busy_timeout 0) since it runs on the request thread; the
 * checkpointer thread's next pass waits for them if this one could not finish.
 */
function truncateLogUnderPressure(sqlite: SQLite.Database, file: string): void {
  if (sqlite.inTransaction || (walBytes(file) <= WAL_LIMIT_BYTES && freeBytes(file) >= MIN_FREE_BYTES))
    return;
  try {
    sqlite.pragma('busy_timeout = 0');
    sqlite.pragma('wal_checkpoint(TRUNCATE)');
  } catch {
    // (best effort: the checkpointer thread tries again)
  } finally {
    sqlite.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  }
}
