/**
 * Electronic supervision at scale (issue: supervision tick with 1,000,000 open clocks of which 1% are
 * due: ≤ 50 ms per tick, and the tick at 1,000,000 open within 2× of the tick at 10,000).
 *
 * A "tick" is one supervision pass over one batch of 100 due clocks:
 * claim them through the next_check_at index, recompute, write colour changes, signals, supervision
 * orders with their answer clocks, outbox notices and the audit event, commit. The same run measures a
 * baseline: a scan that evaluates every open clock, as a supervision job without the index would.
 * SQLite is a file with WAL and synchronous=FULL; PostgreSQL is the local server when reachable.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { sql } from 'kysely';
import { openDatabase, type DatabaseHandle } from '../src/db/database.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { ManualClock } from '../src/shared/clock.js';
import { loadCalendar } from '../src/modules/clock/calendar-store.js';
import { newClockRow } from '../src/modules/clock/start-clock.js';
import { derivedFields, termsOf } from '../src/modules/clock/clock-math.js';
import { runSupervisionTick } from '../src/modules/supervision/run-supervision-tick.js';
import type { BenchResult } from './working-days.bench.js';

/** Clocks per tick. 1% of 10,000 open is 100 due, so a batch of 100 makes the two sizes comparable. */
const BATCH = 100;
/** Small fixtures hold one full tick each; repeat them for a stable median. */
const MIN_TICKS = 15;
const START = '2026-11-26T02:00:00.000Z';
const NOW = '2026-12-01T02:00:00.000Z';
const PG_URL =
  process.env.BENCH_DATABASE_URL ||
  process.env.TEST_DATABASE_URL ||
  'postgres://postgres@127.0.0.1:5432/test';

async function pgReachable(): Promise<boolean> {
  const c = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 2000 });
  try {
    await c.connect();
    await c.end();
    return true;
  } catch {
    return false;
  }
}

interface Fixture {
  handle: DatabaseHandle;
  cleanup: () => Promise<void>;
}

async function fixture(dialect: 'sqlite' | 'postgres'): Promise<Fixture> {
  if (dialect === 'sqlite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ow-bench-'));
    const handle = openDatabase({ sqliteFile: path.join(dir, 'bench.db') });
    await migrateToLatest(handle.db);
    return {
      handle,
      cleanup: async () => {
        await handle.close();
        fs.rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const schema = `bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  await admin.end();
  const handle = openDatabase({ databaseUrl: PG_URL, pgSchema: schema, pgPoolSize: 4 });
  await migrateToLatest(handle.db);
  return {
    handle,
    cleanup: async () => {
      await handle.close();
      const c = new pg.Client({ connectionString: PG_URL });
      await c.connect();
      await c.query(`drop schema ${schema} cascade`);
      await c.end();
    },
  };
}

/** open clocks, 1% of them due now; the rest due to turn yellow weeks later. */
async function fill(h: DatabaseHandle, open: number): Promise<void> {
  const cal = await loadCalendar(h.db);
  const template = newClockRow(cal, new Date(START), {
    subjectType: 'case',
    subjectId: 'x',
    label: '基准件',
    departmentId: null,
    limitDays: 20,
    yellowPct: 90,
  });
  // The due 1% are really late: each turns red, raising a signal, a supervision order with its
  // answer clock and a notification — the heaviest path of the pass.
  const lateTemplate = newClockRow(cal, new Date('2026-10-09T02:00:00.000Z'), {
    subjectType: 'case',
    subjectId: 'x',
    label: '超期件',
    departmentId: null,
    limitDays: 20,
    yellowPct: 90,
  });
  const due = lateTemplate.overdue_at;
  const later = '2027-01-01T00:00:00.000Z';
  const cols = Object.keys(template);
  if (h.dialect === 'sqlite') {
    const stmt = h.sqlite!.prepare(
      `insert into clocks (${cols.join(',')}) values (${cols.map((c) => `@${c}`).join(',')})`,
    );
    const insertMany = h.sqlite!.transaction((from: number, to: number) => {
      for (let i = from; i < to; i++) {
        const base = i % 100 === 0 ? lateTemplate : template;
        stmt.run({
          ...base,
          id: `c${String(i).padStart(8, '0')}`,
          subject_id: `case-${i}`,
          next_check_at: i % 100 === 0 ? due : later,
        });
      }
    });
    for (let i = 0; i < open; i += 100_000) insertMany(i, Math.min(open, i + 100_000));
    return;
  }
  const values = cols.map((c) => {
    if (c === 'id') return sql`'c' || lpad(i::text, 8, '0')`;
    if (c === 'subject_id') return sql`'case-' || i`;
    if (c === 'next_check_at')
      return sql`case when i % 100 = 0 then ${due}::timestamptz else ${later}::timestamptz end`;
    const v = (template as any)[c];
    const late = (lateTemplate as any)[c];
    const type = sql.raw(typeof v === 'number' ? 'integer' : /_at$/.test(c) ? 'timestamptz' : 'text');
    if (late !== v)
      return sql`case when i % 100 = 0 then cast(${late} as ${type}) else cast(${v} as ${type}) end`;
    return v === null ? sql`null` : sql`${v}`;
  });
  await sql`insert into clocks (${sql.join(cols.map((c) => sql.ref(c)))}) select ${sql.join(values)} from generate_series(0, ${open - 1}) as i`.execute(
    h.db,
  );
  await sql`analyze clocks`.execute(h.db);
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const p95 = (xs: number[]) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * 0.95))]!;

async function measure(dialect: 'sqlite' | 'postgres', open: number) {
  const runs: Awaited<ReturnType<typeof measureOnce>>[] = [];
  let ticks = 0;
  while (ticks < MIN_TICKS) {
    const m = await measureOnce(dialect, open, runs.length === 0);
    runs.push(m);
    ticks += m.ticks.length;
  }
  const all = runs.flatMap((r) => r.ticks);
  const first = runs[0]!;
  return { ...first, tickMedian: median(all), tickP95: p95(all), ticks: all.length };
}

async function measureOnce(dialect: 'sqlite' | 'postgres', open: number, withScan: boolean) {
  const f = await fixture(dialect);
  try {
    const t0 = performance.now();
    await fill(f.handle, open);
    const fillMs = performance.now() - t0;
    const cal = await loadCalendar(f.handle.db);
    const clock = new ManualClock(NOW);
    const ticks: number[] = [];
    let processed = 0;
    const drainStart = performance.now();
    for (;;) {
      const s = performance.now();
      const r = await runSupervisionTick(f.handle.db, clock, cal, { dialect, batchSize: BATCH });
      if (r.claimed === 0) break;
      if (r.claimed === BATCH) ticks.push(performance.now() - s);
      processed += r.claimed;
    }
    const drainMs = performance.now() - drainStart;
    // Baseline: evaluate every open clock (what a scan without the due index costs), read in pages.
    const scanStart = performance.now();
    let scanned = 0;
    let after = '';
    while (withScan) {
      const rows = await f.handle.db
        .selectFrom('clocks')
        .selectAll()
        .where('status', '=', 'running')
        .where('id', '>', after)
        .orderBy('id')
        .limit(20_000)
        .execute();
      if (!rows.length) break;
      for (const r of rows)
        if (derivedFields(cal, termsOf(r), 'running', new Date(NOW)).colour !== r.colour) scanned++;
      after = rows[rows.length - 1]!.id;
    }
    const scanMs = performance.now() - scanStart;
    return { fillMs, ticks, processed, drainMs, scanMs, scanned };
  } finally {
    await f.cleanup();
  }
}

export async function run(): Promise<BenchResult> {
  const sizes = (process.env.BENCH_SIZES ?? '10000,1000000').split(',').map(Number);
  const dialects: ('sqlite' | 'postgres')[] = ['sqlite'];
  if (await pgReachable()) dialects.push('postgres');
  else
    process.stderr.write(`supervision-tick: PostgreSQL at ${PG_URL} not reachable; measuring SQLite only\n`);
  const results: BenchResult['results'] = [];
  for (const dialect of dialects) {
    for (const open of sizes) {
      process.stderr.write(`supervision-tick: ${dialect}, ${open.toLocaleString('en')} open clocks…\n`);
      const m = await measure(dialect, open);
      const tag = `${dialect} ${open.toLocaleString('en')} open (${(open / 100).toLocaleString('en')} due)`;
      results.push(
        { label: `${tag}: tick of ${BATCH} due, median`, value: +m.tickMedian.toFixed(2), unit: 'ms' },
        {
          label: `${tag}: tick of ${BATCH} due, p95 (${m.ticks} ticks)`,
          value: +m.tickP95.toFixed(2),
          unit: 'ms',
        },
        {
          label: `${tag}: all due processed`,
          value: Math.round(m.processed / (m.drainMs / 1000)),
          unit: 'clocks/s',
        },
        { label: `${tag}: baseline full scan of open clocks`, value: +m.scanMs.toFixed(0), unit: 'ms' },
      );
    }
  }
  return { name: 'supervision tick', results };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const r = await run();
  console.table(r.results);
}
