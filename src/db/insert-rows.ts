import { CompiledQuery, isExpression, type Insertable, type Kysely } from 'kysely';
import type { Database } from './schema.js';

type Table = keyof Database & string;
const texts = new WeakMap<object, Map<string, string>>();
const MAX_TEXTS = 500;

/**
 * An insert of plain rows without building a Kysely query tree each time. The SQL Kysely writes
 * for an insert of plain values depends only on the table, the columns and the number of rows (every
 * value is a parameter), so it is compiled once per dialect and shape and reused; the parameters
 * are laid out in the same order Kysely lays them out. Rows with differing columns, undefined
 * values or SQL expressions take Kysely's own path. The hot paths (a submission writes a dozen
 * rows) spent more time building queries than SQLite spent running them.
 */
export async function insertRows<T extends Table>(db: Kysely<Database>, table: T, rows: Insertable<Database[T]> | readonly Insertable<Database[T]>[]): Promise<void> {
  const list = (Array.isArray(rows) ? rows : [rows]) as readonly Record<string, unknown>[];
  if (!list.length) return;
  const columns = Object.keys(list[0]!);
  const params: unknown[] = [];
  for (const row of list) {
    const keys = Object.keys(row);
    if (keys.length !== columns.length) return slow(db, table, list);
    for (let i = 0; i < columns.length; i++) {
      const v = row[columns[i]!];
      if (keys[i] !== columns[i] || v === undefined || (typeof v === 'object' && v !== null && (isExpression(v) || !(v instanceof Buffer)))) return slow(db, table, list);
      params.push(v);
    }
  }
  const adapter = db.getExecutor().adapter;
  let byShape = texts.get(adapter);
  if (!byShape) texts.set(adapter, (byShape = new Map()));
  const shape = `${table}|${list.length}|${columns.join(',')}`;
  let text = byShape.get(shape);
  if (text === undefined) {
    text = db.insertInto(table).values(list as never).compile().sql;
    if (byShape.size >= MAX_TEXTS) byShape.delete(byShape.keys().next().value!);
    byShape.set(shape, text);
  }
  await db.executeQuery(CompiledQuery.raw(text, params));
}

async function slow(db: Kysely<Database>, table: Table, list: readonly Record<string, unknown>[]): Promise<void> {
  await db.insertInto(table).values(list as never).execute();
}
