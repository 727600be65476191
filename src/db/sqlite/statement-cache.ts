import type SQLite from 'better-sqlite3';
import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';

/**
 * Kysely prepares every query anew; preparing costs more than running most of ours. Statements are
 * reusable in better-sqlite3, so prepared ones are kept by their SQL text (bounded, oldest out).
 */
export function statementCache(
  connection: SQLite.Database | (() => SQLite.Database),
  max = 2000,
): { database: SQLite.Database; prepare: (source: string) => SQLite.Statement; clear: () => void } {
  // A getter when the connection may be replaced (a write connection reopened, open-sqlite.ts).
  const current = typeof connection === 'function' ? connection : () => connection;
  const cache = new Map<string, SQLite.Statement>();
  const prepare = (source: string) => {
    let stmt = cache.get(source);
    if (stmt) return stmt;
    stmt = current().prepare(source);
    cache.set(source, stmt);
    if (cache.size > max) cache.delete(cache.keys().next().value!);
    return stmt;
  };
  const database = new Proxy(current(), {
    get(_target, prop) {
      if (prop === 'prepare') return prepare;
      const target = current();
      const value = Reflect.get(target, prop, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  return { database, prepare, clear: () => cache.clear() };
}

/** Runs one statement on a connection at once; the rows of a query (or of RETURNING), else none. */
export interface DirectStatements {
  run(text: string, params: readonly unknown[]): unknown[];
}
const direct = new WeakMap<object, DirectStatements>();

/** Lets the transactions of this database run statements on its connection directly. */
export function registerDirectStatements(
  db: Kysely<Database>,
  prepare: (source: string) => SQLite.Statement,
) {
  direct.set(db.getExecutor().adapter, {
    run: (text, params) => {
      const stmt = prepare(text);
      if (stmt.reader) return stmt.all(params as unknown[]);
      stmt.run(params as unknown[]);
      return [];
    },
  });
}

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
