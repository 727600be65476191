import { CompiledQuery, type DatabaseConnection, type Kysely, type QueryResult } from 'kysely';
import type { Database } from '../schema.js';

/** Parameters PostgreSQL takes in one statement (its protocol counts them in 16 bits). */
export const PG_MAX_PARAMS = 65_535;

/** A write whose outcome nobody reads: rows for a table (to be compiled at the flush), or a statement. */
export type BufferedWrite =
  | { kind: 'rows'; table: string; list: readonly Record<string, unknown>[]; conflict?: string }
  | { kind: 'query'; text: string; params: readonly unknown[] };

/** The SQL and parameters of a plain insert of these rows (insert-rows.ts compiles them). */
export type CompileRows = (
  table: string,
  list: readonly Record<string, unknown>[],
  conflict: string | undefined,
) => { text: string; params: unknown[] } | undefined;

interface Segment {
  writes: BufferedWrite[];
  /** Tables written by the segment's writes, and whether only by plain inserts. */
  tables: Map<string, 'insert' | 'other'>;
  params: number;
}

type Run = (q: CompiledQuery) => Promise<QueryResult<unknown>>;
const buffers = new WeakMap<DatabaseConnection, WriteBuffer>();
/** Each connection's own executeQuery, before the hook. */
const direct = new WeakMap<DatabaseConnection, Run>();

/**
 * Write-behind for a PostgreSQL transaction (the commit group's batches of units that write without
 * reading what they wrote back): inserts and updates whose outcome the caller does not read
 * (insertAll, insertRows) are held and sent later, together, in one statement — as the parts of a
 * WITH — instead of one round trip each:
 * - before any other statement on the connection, which then sees them as it would have; where that
 *   statement reads and writes only tables none of the held writes touch, it goes in the same
 *   statement as their last part (it cannot tell the difference), else they go first;
 * - at the end of the batch (flush), before its commit.
 * A held write that fails fails the statement that carries it, so the batch fails (and the commit
 * group runs it again unit by unit, without holding writes). Rows of one table and shape from
 * several units go as one multi-row insert. A WITH's parts all see the database as it was before the
 * statement, so a write that must see an earlier held write (an update of a table an earlier part
 * wrote, an insert that skips conflicts) starts a new statement.
 */
export class WriteBuffer {
  private segments: Segment[] = [];
  /** Statements sent, and held writes sent with them (shown by tests and the bench). */
  readonly stats = { statements: 0, writes: 0 };

  constructor(
    private readonly run: Run,
    private readonly compile: CompileRows,
  ) {}

  get pending(): boolean {
    return this.segments.length > 0;
  }

  hold(write: BufferedWrite): void {
    const tables = write.kind === 'rows' ? [write.table] : tablesOf(write.text);
    const how = write.kind === 'rows' && !write.conflict ? 'insert' : 'other';
    const params =
      write.kind === 'rows' ? write.list.length * Object.keys(write.list[0]!).length : write.params.length;
    let seg = this.segments.at(-1);
    const clashes =
      !seg ||
      tables === undefined ||
      seg.tables.has('*') ||
      seg.params + params > PG_MAX_PARAMS / 2 ||
      tables.some((t) => {
        const had = seg!.tables.get(t);
        return had !== undefined && (had === 'other' || how === 'other');
      });
    if (clashes) this.segments.push((seg = { writes: [], tables: new Map(), params: 0 }));
    // An unknown statement's tables cannot be told: it goes alone, and nothing joins it.
    if (tables === undefined) seg!.tables.set('*', 'other');
    for (const t of tables ?? []) if (seg!.tables.get(t) !== 'other') seg!.tables.set(t, how);
    seg!.params += params;
    seg!.writes.push(write);
    this.stats.writes++;
  }

  /** Runs a statement after the held writes (in the same statement as the last of them where it can). */
  async before(q: CompiledQuery): Promise<QueryResult<unknown>> {
    const last = this.segments.pop()!;
    try {
      await this.sendAll();
    } catch (e) {
      this.segments = [];
      throw e;
    }
    const text = q.sql;
    const tables = tablesOf(text);
    const joins =
      last.writes.length > 0 &&
      tables !== undefined &&
      !last.tables.has('*') &&
      /^\s*(select|insert|update|delete|with)\b/i.test(text) &&
      !/^\s*with\s+recursive\b/i.test(text) &&
      tables.every((t) => !last.tables.has(t)) &&
      last.params + q.parameters.length <= PG_MAX_PARAMS;
    if (!joins) {
      if (last.writes.length) await this.send(last);
      return this.run(q);
    }
    const parts = this.parts(last);
    const shift = parts.params.length;
    const own = shift ? renumber(text, shift) : text;
    const rest = /^\s*with\s/i.test(own) ? `, ${own.replace(/^\s*with\s+/i, '')}` : ` ${own}`;
    this.stats.statements++;
    return this.run(
      CompiledQuery.raw(`with ${withList(parts.texts)}${rest}`, [...parts.params, ...q.parameters]),
    );
  }

  /** Sends every held write (the end of a batch, before its commit). */
  async flush(): Promise<void> {
    try {
      await this.sendAll();
    } finally {
      this.segments = [];
    }
  }

  /** Forgets the held writes (the transaction is being rolled back). */
  discard(): void {
    this.segments = [];
  }

  private async sendAll(): Promise<void> {
    while (this.segments.length) {
      const seg = this.segments.shift()!;
      if (seg.writes.length) await this.send(seg);
    }
  }

  private async send(seg: Segment): Promise<void> {
    const { texts, params } = this.parts(seg);
    const last = texts.pop()!;
    this.stats.statements++;
    await this.run(CompiledQuery.raw(texts.length ? `with ${withList(texts)} ${last}` : last, params));
  }

  /** The segment's writes as statements with their parameters numbered in order, one after another. */
  private parts(seg: Segment): { texts: string[]; params: unknown[] } {
    // Rows of one table with the same columns and conflict rule go together as one multi-row insert.
    const merged: BufferedWrite[] = [];
    const byShape = new Map<
      string,
      { kind: 'rows'; table: string; list: Record<string, unknown>[]; conflict?: string }
    >();
    for (const w of seg.writes) {
      if (w.kind === 'query') {
        merged.push(w);
        continue;
      }
      const key = `${w.table}|${w.conflict ?? ''}|${Object.keys(w.list[0]!).join(',')}`;
      const into = byShape.get(key);
      if (into && w.list.every((r) => sameKeys(r, into.list[0]!))) into.list.push(...w.list);
      else {
        const m = {
          kind: 'rows' as const,
          table: w.table,
          list: [...w.list],
          ...(w.conflict ? { conflict: w.conflict } : {}),
        };
        byShape.set(key, m);
        merged.push(m);
      }
    }
    const texts: string[] = [];
    const params: unknown[] = [];
    for (const w of merged) {
      const q =
        w.kind === 'query'
          ? { text: w.text, params: [...w.params] }
          : this.compile(w.table, w.list, w.conflict);
      if (!q)
        throw new Error(`write-behind: rows for ${w.kind === 'rows' ? w.table : '?'} cannot be compiled`);
      const shift = params.length;
      params.push(...q.params);
      texts.push(shift ? renumber(q.text, shift) : q.text);
    }
    return { texts, params };
  }
}

const withList = (texts: readonly string[]) => texts.map((t, i) => `"part${i}" as (${t})`).join(', ');

function sameKeys(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  return ka.length === kb.length && ka.every((k, i) => k === kb[i]);
}

function renumber(text: string, shift: number): string {
  return text.replace(/\$(\d+)/g, (_, d: string) => `$${Number(d) + shift}`);
}

/**
 * The tables a statement built by Kysely names (every identifier after from, join, into, update or
 * using; Kysely quotes them all), or undefined when it cannot be told (a statement not built so).
 */
export function tablesOf(text: string): string[] | undefined {
  const out = new Set<string>();
  for (const m of text.matchAll(/\b(?:from|join|into|update|using)\s+"([^"]+)"/gi)) out.add(m[1]!);
  if (!out.size) return undefined;
  // A statement naming a schema ("s"."t") or a function in its from list is not told apart here.
  if (/\b(?:from|join|into|update|using)\s+(?!")\w/i.test(text.replace(/'(?:[^']|'')*'/g, "''")))
    return undefined;
  return [...out];
}

/**
 * Makes a connection of the pool hold writes while a buffer is active on it: every statement run on it
 * goes after the held writes (WriteBuffer.before), a rollback forgets them.
 */
export function installWriteBuffer(connection: DatabaseConnection): void {
  if (direct.has(connection)) return;
  const run = connection.executeQuery.bind(connection);
  direct.set(connection, run as Run);
  connection.executeQuery = (<R>(q: CompiledQuery): Promise<QueryResult<R>> => {
    const buffer = buffers.get(connection);
    if (!buffer?.pending) return run<R>(q);
    if (/^\s*rollback\s*$/i.test(q.sql)) {
      buffer.discard();
      return run<R>(q);
    }
    return buffer.before(q) as Promise<QueryResult<R>>;
  }) as DatabaseConnection['executeQuery'];
  // A streamed query reads too: the held writes go first.
  const stream = connection.streamQuery.bind(connection);
  connection.streamQuery = async function* <R>(q: CompiledQuery, chunkSize?: number) {
    await buffers.get(connection)?.flush();
    yield* stream<R>(q, chunkSize);
  } as DatabaseConnection['streamQuery'];
}

/**
 * Holds the writes made in this transaction (on PostgreSQL) until something must see them, or until
 * the returned buffer's flush(); undefined where there is nothing to hold them on (SQLite, a
 * connection without the hook). Stop with stopHolding() once the batch is done.
 */
export async function holdWrites(
  trx: Kysely<Database>,
  compile: CompileRows,
): Promise<WriteBuffer | undefined> {
  return trx.getExecutor().provideConnection(async (c) => {
    const run = direct.get(c);
    if (!run) return undefined;
    const buffer = new WriteBuffer(run, compile);
    buffers.set(c, buffer);
    return buffer;
  });
}

export async function stopHolding(trx: Kysely<Database>): Promise<void> {
  await trx.getExecutor().provideConnection(async (c) => {
    buffers.get(c)?.discard();
    buffers.delete(c);
  });
}

/** The buffer holding this transaction's writes now, if any (never outside a transaction). */
export async function heldWritesOf(db: Kysely<Database>): Promise<WriteBuffer | undefined> {
  if (!db.isTransaction) return undefined;
  return db.getExecutor().provideConnection(async (c) => buffers.get(c));
}
