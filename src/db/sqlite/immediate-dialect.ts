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
