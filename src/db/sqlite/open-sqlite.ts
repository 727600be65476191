import fs from 'node:fs';
import path from 'node:path';
import type SQLite from 'better-sqlite3';
import { Kysely, sql } from 'kysely';
import type { Database } from '../schema.js';
import type { DatabaseHandle, DatabaseOptions } from '../open-database.js';
import { runBeforeClose } from '../open-database.js';
import { useCommitGroup } from '../commit-group.js';
import { startCheckpointer } from './checkpointer.js';
import { BUSY_TIMEOUT_MS, ImmediateSqliteDialect } from './immediate-dialect.js';
import { openReadConnection } from './read-connection.js';
import { registerDirectStatements, statementCache } from './statement-cache.js';
import { registerWriteLock, WriteLockTurns } from './write-lock.js';
import { WriteConnection } from './write-connection.js';
import { fileWritable, freeBytes, MIN_FREE_BYTES, WAL_LIMIT_BYTES } from './disk-headroom.js';
import { DatabaseLog } from '../database-log.js';
import type { StorageProblem } from '../storage-failure.js';

/** An SQLite file (or ':memory:') in WAL mode with durable commits, one writer and its commit group. */
export function openSqlite(opts: DatabaseOptions): DatabaseHandle {
  const file = opts.sqliteFile ?? ':memory:';
  if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
  // The checkpointer thread, or another process, checkpoints; a connection that replaces this one too.
  const ownCheckpoints = file === ':memory:';
  const write = new WriteConnection(
    file,
    (c) => configure(c, ownCheckpoints),
    () => statements.clear(),
  );
  const lock = new WriteLockTurns(!!opts.sharedFile, opts.lockState);
  const statements = statementCache(() => write.current);
  const db = new Kysely<Database>({
    dialect: new ImmediateSqliteDialect(
      write,
      file === ':memory:' ? undefined : file,
      { database: statements.database },
      lock,
    ),
  });
  registerWriteLock(db, lock);
  registerDirectStatements(db, statements.prepare);
  const reader = file !== ':memory:' && opts.reader !== false ? openReadConnection(db, file) : undefined;
  // One writer: concurrent units of work share durable commits (src/db/commit-group.ts).
  useCommitGroup(db);
  // Checkpoints leave the request thread (checkpointer.ts).
  const log = new DatabaseLog();
  const checkpointer =
    file !== ':memory:' && opts.checkpoints !== 'elsewhere'
      ? startCheckpointer(() => write.current, file, {
          onError: (why) => log.warn({ err: why }, 'SQLite checkpoint failed'),
        })
      : undefined;
  const beforeClose: (() => Promise<void>)[] = [];
  return {
    db,
    dialect: 'sqlite',
    get sqlite() {
      return write.current;
    },
    ...(file !== ':memory:' ? { sqliteFile: file } : {}),
    beforeClose,
    setLogger: (l) => log.setLogger(l),
    // (the free space and the page limit show a full disk as it is: no need to remember failures)
    writeProblem: async () => (file === ':memory:' ? undefined : writeProblem(db, write, file)),
    needsRestart: () => file !== ':memory:' && write.readOnly && fileWritable(file),
    writeFailed: (failure) => {
      // The connection may have been opened on a file it could not write, or its file made read-only
      // since: it is replaced once the file can be written (write-connection.ts).
      if (failure === 'read_only' && file !== ':memory:') write.readOnly = true;
    },
    close: async () => {
      await runBeforeClose(beforeClose);
      await checkpointer?.stop();
      await db.destroy();
      reader?.close();
    },
  };
}

/** The connection's settings, for the first one and any that replaces it (write-connection.ts). */
function configure(sqlite: SQLite.Database, ownCheckpoints: boolean): void {
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  // Savepoints (one per unit of a commit group) keep their undo pages in a sub-journal; in a file
  // that costs a write per first change of every page, in memory it halved a submission's time.
  sqlite.pragma('temp_store = memory');
  // A log that did grow large (a burst, a long reader) is cut back once it has been checkpointed.
  sqlite.pragma(`journal_size_limit = ${WAL_LIMIT_BYTES}`);
  if (!ownCheckpoints) sqlite.pragma('wal_autocheckpoint = 0');
}

/** Why writes to the file would fail now, if they would: read-only, or short of space. */
async function writeProblem(
  db: Kysely<Database>,
  write: WriteConnection,
  file: string,
): Promise<StorageProblem | undefined> {
  if (write.readOnly) {
    // Holding the connection (no transaction is open on it then) while it is replaced.
    await db.connection().execute(async () => write.reopenIfWritable(true));
    if (write.readOnly)
      return {
        failure: 'read_only',
        reason: fileWritable(file)
          ? `the database file ${file} can be written again, but this process opened it read-only: restart it`
          : `the database file ${file} is read-only`,
      };
  }
  const free = freeBytes(file);
  if (free < MIN_FREE_BYTES)
    return {
      failure: 'full',
      reason: `${Math.floor(free / 1048576)} MB free beside ${file} (at least ${MIN_FREE_BYTES / 1048576} MB needed)`,
    };
  const pages = await sql<{ n: number; max: number }>`
    select (select page_count from pragma_page_count()) as n, (select max_page_count from pragma_max_page_count()) as max`.execute(
    db,
  );
  const { n, max } = pages.rows[0]!;
  if (max - n < 16)
    return { failure: 'full', reason: `the database file has reached its page limit (${n} of ${max})` };
  return undefined;
}
