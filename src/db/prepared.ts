import { CompiledQuery, type Compilable, type Kysely } from 'kysely';
import type { Database } from './schema.js';
import { directStatements } from './sqlite/statement-cache.js';
import { readStatements } from './sqlite/read-connection.js';

/**
 * A query built with Kysely once per dialect and then run again with new arguments, without
 * rebuilding its tree — for the statements every request runs (the session lookup, the hot paths of
 * a submission). The builder receives the arguments and must use each exactly once as a parameter,
 * in order, and nothing else as a parameter (constants go in as sql.lit or as arguments). The first
 * compilation with distinct arguments checks that, and a builder that breaks the rule throws: it
 * is a programming error, found by the first test that runs the query. The rows are Kysely's. Inside
 * a transaction on SQLite the statement runs on the connection directly (directStatements); a read
 * outside one, on an SQLite file, runs on the read-only connection (readStatements).
 */
export type Prepared<A extends readonly unknown[], R> = (db: Kysely<Database>, ...args: A) => Promise<R[]>;

export function prepared<A extends readonly unknown[], R>(
  build: (db: Kysely<Database>, ...args: A) => Compilable<R>,
): Prepared<A, R> {
  const texts = new WeakMap<object, string>();
  // The statement's text for these arguments (which are its parameters in order), or, on a call
  // whose equal arguments cannot show the order, the compiled query to run as it is.
  const textOf = (db: Kysely<Database>, args: A): string | CompiledQuery<R> => {
    const adapter = db.getExecutor().adapter;
    const text = texts.get(adapter);
    if (text) return text;
    const compiled = build(db, ...args).compile();
    // Equal arguments could hide a different order: judge the query on a call where they differ.
    if (new Set(args).size !== args.length) return compiled;
    if (!parametersAre(compiled.parameters, args))
      throw new Error(`prepared query: its parameters are not its arguments in order: ${compiled.sql}`);
    texts.set(adapter, compiled.sql);
    return compiled.sql;
  };
  // The rows at once when the statement can run synchronously here (on SQLite: in a transaction, or
  // a read on a file); undefined when it must go through Kysely's asynchronous executor.
  const now = (db: Kysely<Database>, ...args: A): R[] | undefined => {
    const d = directStatements(db);
    const r = d ? undefined : readStatements(db);
    if (!d && !r) return undefined;
    const t = textOf(db, args);
    const text = typeof t === 'string' ? t : t.sql;
    const params = typeof t === 'string' ? args : t.parameters;
    return (d ? d.run(text, params) : r!.read(text, params)) as R[] | undefined;
  };
  const run = async (db: Kysely<Database>, ...args: A): Promise<R[]> => {
    const rows = now(db, ...args);
    if (rows) return rows;
    const t = textOf(db, args);
    return (await db.executeQuery<R>(typeof t === 'string' ? CompiledQuery.raw(t, [...args]) : t)).rows;
  };
  return run;
}

function parametersAre(params: readonly unknown[], args: readonly unknown[]): boolean {
  if (params.length !== args.length) return false;
  return params.every((p, i) => p === args[i] && (p === null || typeof p !== 'object'));
}
