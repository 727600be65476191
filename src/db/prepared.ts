import { CompiledQuery, type Compilable, type Kysely } from 'kysely';
import type { Database } from './schema.js';
import { directStatements } from './database.js';

/**
 * A query built with Kysely once per dialect and then run again with new arguments, without
 * rebuilding its tree — for the statements every request runs (the session lookup, the hot paths of
 * a submission). The builder receives the arguments and must use each exactly once as a parameter,
 * in order, and nothing else as a parameter (constants go in as sql.lit or as arguments). The first
 * compilation with distinct arguments checks that, and a builder that breaks the rule throws: it
 * is a programming error, found by the first test that runs the query. The rows are Kysely's. Inside
 * a transaction on SQLite the statement runs on the connection directly (directStatements).
 */
export function prepared<A extends readonly unknown[], R>(build: (db: Kysely<Database>, ...args: A) => Compilable<R>) {
  const texts = new WeakMap<object, string>();
  return async (db: Kysely<Database>, ...args: A): Promise<R[]> => {
    const adapter = db.getExecutor().adapter;
    const text = texts.get(adapter);
    if (text) {
      const d = directStatements(db);
      if (d) return d.run(text, args) as R[];
      return (await db.executeQuery<R>(CompiledQuery.raw(text, [...args]))).rows;
    }
    const compiled = build(db, ...args).compile();
    // Equal arguments could hide a different order: judge the query on a call where they differ.
    if (new Set(args).size === args.length) {
      if (!parametersAre(compiled.parameters, args)) throw new Error(`prepared query: its parameters are not its arguments in order: ${compiled.sql}`);
      texts.set(adapter, compiled.sql);
    }
    return (await db.executeQuery<R>(compiled)).rows;
  };
}

function parametersAre(params: readonly unknown[], args: readonly unknown[]): boolean {
  if (params.length !== args.length) return false;
  return params.every((p, i) => p === args[i] && (p === null || typeof p !== 'object'));
}
