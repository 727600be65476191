import { CompiledQuery, type Compilable, type Kysely } from 'kysely';
import type { Database } from './schema.js';

/**
 * A query built with Kysely once per dialect and then run again with new arguments, without
 * rebuilding its tree — for the statements every request runs (the session lookup, the hot paths of
 * a submission). The builder receives the arguments and must use each exactly as a parameter, in
 * order; the first compilation checks that (its parameters must equal the arguments, all of them
 * distinct) and, if not, the query is simply built every time. The result rows are Kysely's.
 */
export function prepared<A extends readonly unknown[], R>(build: (db: Kysely<Database>, ...args: A) => Compilable<R>) {
  const texts = new WeakMap<object, string | null>();
  return async (db: Kysely<Database>, ...args: A): Promise<R[]> => {
    const adapter = db.getExecutor().adapter;
    const text = texts.get(adapter);
    if (text) return (await db.executeQuery<R>(CompiledQuery.raw(text, [...args]))).rows;
    const compiled = build(db, ...args).compile();
    // Equal arguments could hide a different order: judge the query on a call where they differ.
    if (text === undefined && new Set(args).size === args.length) texts.set(adapter, parametersAre(compiled.parameters, args) ? compiled.sql : null);
    return (await db.executeQuery<R>(compiled)).rows;
  };
}

function parametersAre(params: readonly unknown[], args: readonly unknown[]): boolean {
  if (params.length !== args.length) return false;
  return params.every((p, i) => p === args[i] && (p === null || typeof p !== 'object'));
}
