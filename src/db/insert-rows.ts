import { CompiledQuery, PostgresAdapter, type Insertable, type Kysely } from 'kysely';
import type { Database } from './schema.js';
import { directStatements } from './sqlite/statement-cache.js';
import { heldWritesOf, PG_MAX_PARAMS, type WriteBuffer } from './postgres/write-buffer.js';

type Table = keyof Database & string;
/** The SQL of each insert shape (table, row count, columns in order, conflict target), per dialect adapter. */
const shapes = new WeakMap<
  object,
  { count: number; map: Map<string, { columns: readonly string[]; conflict: string; text: string }[]> }
>();
const MAX_TEXTS = 500;

/**
 * An insert of plain rows without building a Kysely query tree each time. The SQL Kysely writes
 * for an insert of plain values depends only on the table, the columns and the number of rows (every
 * value is a parameter), so it is compiled once per dialect and shape and reused; the parameters
 * are laid out in the same order Kysely lays them out. Rows with differing columns, undefined
 * values or SQL expressions take Kysely's own path. The hot paths (a submission writes a dozen
 * rows) spent more time building queries than SQLite spent running them.
 */
export async function insertRows<T extends Table>(
  db: Kysely<Database>,
  table: T,
  rows: Insertable<Database[T]> | readonly Insertable<Database[T]>[],
  opts: { ignoreConflictOn?: keyof Database[T] & string } = {},
): Promise<void> {
  const list = (Array.isArray(rows) ? rows : [rows]) as readonly Record<string, unknown>[];
  if (!list.length) return;
  const held = await holding(db);
  if (held && holdable(list)) {
    held.hold({
      kind: 'rows',
      table,
      list,
      ...(opts.ignoreConflictOn ? { conflict: opts.ignoreConflictOn } : {}),
    });
    return;
  }
  const q = compiled(db, table, list, opts.ignoreConflictOn);
  if (!q) return slow(db, table, list, opts.ignoreConflictOn);
  const d = directStatements(db);
  if (d) d.run(q.text, q.params);
  else await db.executeQuery(CompiledQuery.raw(q.text, q.params));
}

/** Rows for one table, as insertRows takes them; or a compiled data-modifying statement (an update). */
export type InsertPart<T extends Table = Table> =
  { table: T; rows: Insertable<Database[T]> | readonly Insertable<Database[T]>[] } | { query: CompiledQuery };

/**
 * Inserts into several tables (and runs plain updates given as compiled queries), in order. On
 * PostgreSQL, where every statement is a round trip to the server, they go as one statement: each
 * a data-modifying WITH part of the next, so a submission's ten writes cost one round trip, not ten.
 * The parts must not depend on each other's effects beyond foreign keys (WITH parts all see the
 * snapshot from before the statement). Foreign keys are checked at the
 * end of that statement, when every part's rows are there. On SQLite (no round trips) they are
 * plain inserts one after another.
 */
export async function insertAll(db: Kysely<Database>, parts: readonly InsertPart[]): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  type Step = { query: CompiledQuery } | { table: Table; list: readonly Record<string, unknown>[] };
  const steps = parts.flatMap((p): Step[] => {
    if ('query' in p) return [{ query: p.query }];
    const list = (Array.isArray(p.rows) ? p.rows : [p.rows]) as readonly Record<string, unknown>[];
    return list.length ? [{ table: p.table, list }] : [];
  });
  // In a commit group's batch on PostgreSQL the writes wait for the next statement or the commit.
  const held = pg ? await holding(db) : undefined;
  if (held && steps.every((p) => 'query' in p || holdable(p.list))) {
    for (const p of steps)
      held.hold(
        'query' in p
          ? { kind: 'query', text: p.query.sql, params: p.query.parameters }
          : { kind: 'rows', table: p.table, list: p.list },
      );
    return;
  }
  const queries =
    pg && steps.length > 1
      ? steps.map((p) =>
          'query' in p
            ? { text: p.query.sql, params: [...p.query.parameters] }
            : compiled(db, p.table, p.list),
        )
      : [];
  if (
    !queries.length ||
    queries.some((q) => !q) ||
    queries.reduce((n, q) => n + q!.params.length, 0) > PG_MAX_PARAMS
  ) {
    const d = directStatements(db);
    for (const p of steps) {
      if ('query' in p) {
        if (d) d.run(p.query.sql, p.query.parameters);
        else await db.executeQuery(p.query);
      } else await insertRows(db, p.table as Table, p.list as never);
    }
    return;
  }
  let offset = 0;
  const params: unknown[] = [];
  const texts = queries.map((q) => {
    const shift = offset;
    offset += q!.params.length;
    params.push(...q!.params);
    return shift ? q!.text.replace(/\$(\d+)/g, (_, d: string) => `$${Number(d) + shift}`) : q!.text;
  });
  const last = texts.pop()!;
  await db.executeQuery(
    CompiledQuery.raw(`with ${texts.map((t, i) => `"part${i}" as (${t})`).join(', ')} ${last}`, params),
  );
}

/**
 * A statement whose outcome is not read (an update by key): held with the transaction's other writes
 * where a commit group's batch holds them (PostgreSQL), else run now.
 */
export async function runWrite(db: Kysely<Database>, query: { compile(): CompiledQuery }): Promise<void> {
  await insertAll(db, [{ query: query.compile() }]);
}

/** The write-behind buffer of this PostgreSQL transaction, if its batch holds writes. */
async function holding(db: Kysely<Database>): Promise<WriteBuffer | undefined> {
  if (!db.isTransaction || !(db.getExecutor().adapter instanceof PostgresAdapter)) return undefined;
  return heldWritesOf(db);
}

/** Rows compiledRows can lay out: the same columns in the same order, every value a plain one. */
function holdable(list: readonly Record<string, unknown>[]): boolean {
  const columns = Object.keys(list[0]!);
  return list.every((row, r) => {
    const values = Object.values(row);
    if (r > 0 && !sameColumns(Object.keys(row), columns)) return false;
    return values.every(
      (v) => v !== undefined && !(typeof v === 'object' && v !== null && !(v instanceof Buffer)),
    );
  });
}

/**
 * The SQL and parameters of a plain insert of any number of rows (holdable ones), from the one-row
 * shape's text: the write-behind buffer merges rows of many units, whose counts vary from batch to
 * batch, and building each count's text with Kysely would cost more than the statement saves.
 */
export function compiledRows(
  db: Kysely<Database>,
  table: Table,
  list: readonly Record<string, unknown>[],
  ignoreConflictOn?: string,
): { text: string; params: unknown[] } | undefined {
  const one = compiled(db, table, [list[0]!], ignoreConflictOn);
  if (!one) return undefined;
  if (list.length === 1) return one;
  const at = one.text.indexOf(' values (');
  const end = one.text.indexOf(')', at);
  if (at < 0 || end < 0) return compiled(db, table, list, ignoreConflictOn);
  const width = one.params.length;
  const numbered = db.getExecutor().adapter instanceof PostgresAdapter;
  const params: unknown[] = new Array(list.length * width);
  const tuples: string[] = [];
  let k = 0;
  for (const row of list) {
    const values = Object.values(row);
    const marks: string[] = [];
    for (let i = 0; i < width; i++) {
      params[k++] = values[i];
      marks.push(numbered ? `$${k}` : '?');
    }
    tuples.push(`(${marks.join(', ')})`);
  }
  return { text: `${one.text.slice(0, at)} values ${tuples.join(', ')}${one.text.slice(end + 1)}`, params };
}

/** The SQL and parameters of a plain insert, or undefined when the rows need Kysely's own path. */
function compiled(
  db: Kysely<Database>,
  table: Table,
  list: readonly Record<string, unknown>[],
  ignoreConflictOn?: string,
): { text: string; params: unknown[] } | undefined {
  const columns = Object.keys(list[0]!);
  const width = columns.length;
  const params: unknown[] = new Array(list.length * width);
  let k = 0;
  for (let r = 0; r < list.length; r++) {
    const row = list[r]!;
    if (r > 0) {
      // Every row must have the first row's columns, in its order.
      const keys = Object.keys(row);
      if (keys.length !== width) return undefined;
      for (let i = 0; i < width; i++) if (keys[i] !== columns[i]) return undefined;
    }
    // Object.values is in the same order as Object.keys, and one call instead of a keyed load per column.
    const values = Object.values(row);
    for (let i = 0; i < width; i++) {
      const v = values[i];
      // (an SQL expression, or an object SQLite cannot bind, takes Kysely's own path)
      if (v === undefined || (typeof v === 'object' && v !== null && !(v instanceof Buffer)))
        return undefined;
      params[k++] = v;
    }
  }
  const adapter = db.getExecutor().adapter;
  let byTable = shapes.get(adapter);
  if (!byTable) shapes.set(adapter, (byTable = { count: 0, map: new Map() }));
  // Property names are interned strings: comparing a shape's columns costs a pointer test each,
  // where a key joined from them had to be built and hashed on every call.
  const key = `${table}|${list.length}`;
  let known = byTable.map.get(key);
  if (!known) byTable.map.set(key, (known = []));
  const conflict = ignoreConflictOn ?? '';
  let shape = known.find((sh) => sh.conflict === conflict && sameColumns(sh.columns, columns));
  if (!shape) {
    if (byTable.count >= MAX_TEXTS) {
      byTable.map.clear();
      byTable.count = 0;
      byTable.map.set(key, (known = []));
    }
    shape = { columns, conflict, text: build(db, table, list, ignoreConflictOn).compile().sql };
    known.push(shape);
    byTable.count++;
  }
  return { text: shape.text, params };
}

function sameColumns(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function build(
  db: Kysely<Database>,
  table: Table,
  list: readonly Record<string, unknown>[],
  ignoreConflictOn?: string,
) {
  const q = db.insertInto(table).values(list as never);
  return ignoreConflictOn ? q.onConflict((oc) => oc.column(ignoreConflictOn as never).doNothing()) : q;
}

async function slow(
  db: Kysely<Database>,
  table: Table,
  list: readonly Record<string, unknown>[],
  ignoreConflictOn?: string,
): Promise<void> {
  await build(db, table, list, ignoreConflictOn).execute();
}
