import SQLite from 'better-sqlite3';
import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';
import { BUSY_TIMEOUT_MS } from './immediate-dialect.js';
import { statementCache } from './statement-cache.js';

/** Runs one read-only statement; undefined when the statement writes (the caller goes the usual way). */
export interface ReadStatements {
  read(text: string, params: readonly unknown[]): unknown[] | undefined;
}
const readers = new WeakMap<object, ReadStatements>();

/** A read-only connection to an SQLite file, serving readStatements(db) for this database. */
export function openReadConnection(db: Kysely<Database>, file: string): SQLite.Database {
  const connection = new SQLite(file, { readonly: true });
  connection.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  const cache = statementCache(connection);
  readers.set(db.getExecutor().adapter, {
    read: (text, params) => {
      const stmt = cache.prepare(text);
      return stmt.readonly && stmt.reader ? stmt.all(params as unknown[]) : undefined;
    },
  });
  return connection;
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
