import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely } from 'kysely';
import type { Database } from '../schema.js';
import type { DatabaseHandle, DatabaseOptions } from '../open-database.js';
import { runBeforeClose } from '../open-database.js';
import { useCommitGroup } from '../commit-group.js';
import { startCheckpointer } from './checkpointer.js';
import { BUSY_TIMEOUT_MS, ImmediateSqliteDialect } from './immediate-dialect.js';
import { openReadConnection } from './read-connection.js';
import { registerDirectStatements, statementCache } from './statement-cache.js';
import { registerWriteLock, WriteLockTurns } from './write-lock.js';

/** An SQLite file (or ':memory:') in WAL mode with durable commits, one writer and its commit group. */
export function openSqlite(opts: DatabaseOptions): DatabaseHandle {
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
  registerWriteLock(db, lock);
  registerDirectStatements(db, statements.prepare);
  const reader = file !== ':memory:' && opts.reader !== false ? openReadConnection(db, file) : undefined;
  // One writer: concurrent units of work share durable commits (src/db/commit-group.ts).
  useCommitGroup(db);
  // Checkpoints leave the request thread (checkpointer.ts).
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
      reader?.close();
    },
  };
}
