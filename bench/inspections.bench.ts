/**
 * Enterprise inspections at scale (issue #21: registration, scan and cap checks under 5 ms each at
 * p99 with 100,000 enterprises and 1,000,000 past inspections).
 *
 * The fixture is bulk-loaded inside the database (insert … select over a recursive CTE on SQLite,
 * over generate_series on PostgreSQL; the plain indexes dropped during the load and built after):
 * 100,000 enterprises, 1,000,000 concluded inspections over four years and five departments, each
 * with its item and two inspectors. Then, through the real use
 * cases: the cap check (this year's count per department and in total), a full registration
 * (every rule, caps, joint-visit proposals, frequency and repeat alerts, audit, in one transaction),
 * and the scan at the door that starts a registered inspection with its result clock.
 * SQLite is a file with WAL; PostgreSQL is the local server when reachable.
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
import type { Actor } from '../src/shared/actor.js';
import { CalendarStore } from '../src/modules/clock/calendar-store.js';
import { MemoryStorage } from '../src/modules/documents/storage.js';
import { creditCodeCheckChar } from '../src/modules/identity/id-checks.js';
import type { InspectionDeps } from '../src/modules/inspections/inspection-deps.js';
import { registerInspection } from '../src/modules/inspections/register-inspection.js';
import { scanCode } from '../src/modules/inspections/scan-code.js';
import {
  itemInspectedSince,
  plannedBetween,
  todaysInspectionOf,
  yearCounts,
} from '../src/modules/inspections/inspection-reads.js';

const INSPECTION_COLUMNS =
  '(id, number, department_id, enterprise_id, year, planned_date, max_minutes, notice, state, outcome, ' +
  'overran, outside_standard, complaints, registered_at, updated_at, version)';
import type { BenchResult } from './working-days.bench.js';

const ENTERPRISES = Number(process.env.BENCH_ENTERPRISES ?? 100_000);
const INSPECTIONS = Number(process.env.BENCH_INSPECTIONS ?? 1_000_000);
const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 1000);
const DEPTS = 5;
const NOW = '2026-11-30T01:30:00.000Z';
const TODAY = '2026-11-30';
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

async function fixture(dialect: 'sqlite' | 'postgres') {
  if (dialect === 'sqlite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ow-bench-insp-'));
    const handle = openDatabase({ sqliteFile: path.join(dir, 'bench.db') });
    await migrateToLatest(handle.db);
    return {
      handle,
      cleanup: async () => (await handle.close(), fs.rmSync(dir, { recursive: true, force: true })),
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

/** The n-th enterprise's valid credit code (GB 32100-2015 check character). */
export const creditCode = (n: number) => {
  const first17 = `9137010${String(n).padStart(10, '0')}`;
  return first17 + creditCodeCheckChar(first17);
};

/** Departments, items, inspectors (two per department, one of them with the bench's account). */
async function reference(h: DatabaseHandle) {
  const at = '2026-01-01T00:00:00.000Z';
  for (let d = 0; d < DEPTS; d++) {
    await h.db
      .insertInto('departments')
      .values({
        id: `d${d}`,
        code: `D${d}`,
        name: `部门${d}`,
        short_name: `部门${d}`,
        credit_code: creditCode(900_000 + d),
        leader: '某某',
        leader_title: '局长',
        phone: '0531-1',
        complaint_phone: '12345',
        windows: '1',
        hours: '9-17',
        address: '清河',
        sort_order: d,
        created_at: at,
        updated_at: at,
        version: 1,
      })
      .execute();
    await h.db
      .insertInto('insp_items')
      .values({
        id: `i${d}`,
        department_id: `d${d}`,
        code: `IT${d}`,
        version_no: 1,
        name: `检查事项${d}`,
        basis: '依据',
        status: 'published',
        published_at: at,
        published_by: null,
        subjects: '企业',
        method: '现场',
        frequency: '每年1次',
        notice_allowed: 1,
      })
      .execute();
    for (const k of [0, 1])
      await h.db
        .insertInto('insp_inspectors')
        .values({
          id: `p${d}${k}`,
          department_id: `d${d}`,
          user_id: k === 0 ? `u${d}` : null,
          name: `执法${d}${k}`,
          certificate_no: `C-${d}-${k}`,
          valid_from: '2020-01-01',
          valid_to: '2030-12-31',
          active: 1,
          updated_at: at,
        })
        .execute();
  }
  await h.db.updateTable('insp_settings').set({ department_cap: 1000, total_cap: 1000 }).execute();
}

/** The tables the bulk load fills: their secondary indexes are dropped before and built once after. */
const LOADED = [
  'insp_enterprises',
  'insp_inspections',
  'insp_inspection_items',
  'insp_inspection_inspectors',
];

/**
 * Runs the load with the loaded tables' plain indexes dropped, then builds them again: one sorted
 * build per index instead of a million random index insertions. Primary keys and unique constraints
 * stay (they are what the rows are checked against).
 */
async function withoutIndexes(h: DatabaseHandle, load: () => Promise<void>) {
  const list = LOADED.map((t) => `'${t}'`).join(', ');
  const indexes =
    h.dialect === 'sqlite'
      ? h
          .sqlite!.prepare(
            `select name, sql from sqlite_master where type = 'index' and sql is not null
             and sql not like 'create unique%' and tbl_name in (${list})`,
          )
          .all()
          .map((r) => r as { name: string; sql: string })
      : (
          await sql<{ name: string; sql: string }>`select indexname as name, indexdef as sql from pg_indexes
            where schemaname = current_schema() and tablename in (${sql.raw(list)})
            and indexdef not like 'CREATE UNIQUE%'`.execute(h.db)
        ).rows;
  for (const i of indexes) await sql`drop index ${sql.ref(i.name)}`.execute(h.db);
  await load();
  for (const i of indexes) await sql.raw(i.sql).execute(h.db);
}

/** The enterprises, their credit codes computed here (the check character). */
async function loadEnterprises(h: DatabaseHandle, at: string) {
  const row = (e: number) => ({
    id: `e${e}`,
    credit_code: creditCode(e),
    name: `企业${e}`,
    code: `Q${String(e).padStart(9, '0')}`,
    check_code: 'CHECK123',
    created_at: at,
  });
  if (h.dialect === 'sqlite') {
    const s = h.sqlite!;
    const ent = s.prepare(
      `insert into insp_enterprises (id, credit_code, name, code, check_code, created_at)
       values (@id, @credit_code, @name, @code, @check_code, @created_at)`,
    );
    s.transaction(() => {
      for (let e = 0; e < ENTERPRISES; e++) ent.run(row(e));
    })();
    return;
  }
  for (let e = 0; e < ENTERPRISES; e += 5000)
    await h.db
      .insertInto('insp_enterprises')
      .values(Array.from({ length: Math.min(5000, ENTERPRISES - e) }, (_, k) => row(e + k)))
      .execute();
}

/**
 * The past inspections, each with its item and two inspectors, made inside the database: one
 * INSERT … SELECT per table over the numbers 0 … n−1 (generate_series on PostgreSQL, a recursive
 * CTE on SQLite). Days spread over 2023-01-01 … 2026-11-29 (1,428 days).
 */
async function loadInspections(h: DatabaseHandle, at: string) {
  const last = INSPECTIONS - 1;
  if (h.dialect === 'sqlite') {
    const s = h.sqlite!;
    const numbers = `with recursive n(v) as (select 0 union all select v + 1 from n where v < ${last})`;
    const day = `date('2023-01-01', '+' || (v % 1428) || ' days')`;
    s.transaction(() => {
      s.prepare(
        `insert into insp_inspections ${INSPECTION_COLUMNS}
         ${numbers}
         select 'x' || v, 'JCB' || v, 'd' || (v % ${DEPTS}), 'e' || ((v * 7919) % ${ENTERPRISES}),
           cast(strftime('%Y', ${day}) as integer), ${day},
           120, 0, 'concluded', 'no_problem', 0, 0, 0, ?, ?, 1
         from n`,
      ).run(at, at);
      s.exec(`insert into insp_inspection_items (inspection_id, item_id, item_code)
        ${numbers} select 'x' || v, 'i' || (v % ${DEPTS}), 'IT' || (v % ${DEPTS}) from n`);
      s.exec(`insert into insp_inspection_inspectors (inspection_id, inspector_id)
        ${numbers} select 'x' || v, 'p' || (v % ${DEPTS}) || k from n, (select 0 as k union all select 1)`);
    })();
    return;
  }
  await sql`insert into insp_inspections ${sql.raw(INSPECTION_COLUMNS)}
    select 'x' || n, 'JCB' || n, 'd' || (n % ${DEPTS}), 'e' || ((n::bigint * 7919) % ${ENTERPRISES}),
      extract(year from date '2023-01-01' + (n % 1428))::int, date '2023-01-01' + (n % 1428),
      120, 0, 'concluded', 'no_problem', 0, 0, 0, ${at}::timestamptz, ${at}::timestamptz, 1
    from generate_series(0, ${last}) as n`.execute(h.db);
  await sql`insert into insp_inspection_items
    select 'x' || n, 'i' || (n % ${DEPTS}), 'IT' || (n % ${DEPTS})
    from generate_series(0, ${last}) as n`.execute(h.db);
  await sql`insert into insp_inspection_inspectors
    select 'x' || n, 'p' || (n % ${DEPTS}) || k
    from generate_series(0, ${last}) as n, (values (0), (1)) as v(k)`.execute(h.db);
}

async function bulkLoad(h: DatabaseHandle) {
  const at = '2026-01-01T00:00:00.000Z';
  await withoutIndexes(h, async () => {
    await loadEnterprises(h, at);
    await loadInspections(h, at);
  });
  if (h.dialect === 'sqlite') h.sqlite!.exec('analyze');
  else await sql`analyze`.execute(h.db);
}

const p = (xs: number[], q: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * q))]!;

async function timed(n: number, f: (i: number) => Promise<unknown>) {
  const xs: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    await f(i);
    xs.push(performance.now() - t0);
  }
  return { median: p(xs, 0.5), p99: p(xs, 0.99) };
}

async function measure(dialect: 'sqlite' | 'postgres') {
  const f = await fixture(dialect);
  try {
    const h = f.handle;
    const t0 = performance.now();
    await reference(h);
    await bulkLoad(h);
    const loadMs = performance.now() - t0;
    const clock = new ManualClock(NOW);
    const deps = {
      db: h.db,
      clock,
      calendars: new CalendarStore(h.db),
      storage: new MemoryStorage(),
      publicBaseUrl: 'https://b.example',
    } as unknown as InspectionDeps;
    const actor = (d: number): Actor => ({ id: `u${d}`, role: 'inspector', departmentId: `d${d}`, ip: null });
    // Enterprises far apart in the id space, each registered once: the registrations are then scanned.
    const target = (i: number) => (i * 97 + 13) % ENTERPRISES;
    const cap = await timed(SAMPLES, (i) => yearCounts(h.db, `e${target(i)}`, 2026, `d${i % DEPTS}`));
    // The reads a registration's rules make (caps, joint window, frequency, repeats), without the write.
    const regChecks = await timed(SAMPLES, async (i) => {
      const e = `e${target(i)}`;
      await yearCounts(h.db, e, 2026, `d${i % DEPTS}`);
      await plannedBetween(h.db, e, '2026-11-15', '2026-12-15');
      await plannedBetween(h.db, e, '2026-10-31', TODAY);
      await itemInspectedSince(h.db, '-', e, [`IT${i % DEPTS}`], `d${i % DEPTS}`, '2026-09-01');
    });
    const reg = await timed(SAMPLES, (i) =>
      registerInspection(deps, actor(i % DEPTS), {
        creditCode: creditCode(target(i)),
        enterpriseName: `企业${target(i)}`,
        itemIds: [`i${i % DEPTS}`],
        inspectorIds: [`p${i % DEPTS}0`, `p${i % DEPTS}1`],
        plannedDate: TODAY,
        maxMinutes: 120,
        notice: false,
      }),
    );
    const scanCheck = await timed(SAMPLES, (i) =>
      todaysInspectionOf(h.db, `e${target(i)}`, TODAY, `d${i % DEPTS}`, `p${i % DEPTS}0`),
    );
    const scan = await timed(SAMPLES, (i) =>
      scanCode(deps, actor(i % DEPTS), `Q${String(target(i)).padStart(9, '0')}`),
    );
    const started = await h.db
      .selectFrom('insp_inspections')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('state', '=', 'started')
      .executeTakeFirstOrThrow();
    return { loadMs, cap, regChecks, reg, scanCheck, scan, started: Number(started.n) };
  } finally {
    await f.cleanup();
  }
}

export async function run(): Promise<BenchResult> {
  const dialects: ('sqlite' | 'postgres')[] = ['sqlite'];
  if (await pgReachable()) dialects.push('postgres');
  else process.stderr.write(`inspections: PostgreSQL at ${PG_URL} not reachable; measuring SQLite only\n`);
  const results: BenchResult['results'] = [];
  for (const dialect of dialects) {
    process.stderr.write(
      `inspections: ${dialect}, ${ENTERPRISES} enterprises, ${INSPECTIONS} inspections…\n`,
    );
    const m = await measure(dialect);
    const tag = `${dialect} ${ENTERPRISES.toLocaleString('en')} enterprises, ${INSPECTIONS.toLocaleString('en')} past`;
    results.push(
      { label: `${tag}: bulk load`, value: Math.round(m.loadMs), unit: 'ms' },
      { label: `${tag}: cap check, median`, value: +m.cap.median.toFixed(3), unit: 'ms' },
      { label: `${tag}: cap check, p99`, value: +m.cap.p99.toFixed(3), unit: 'ms' },
      {
        label: `${tag}: registration checks (reads only), median`,
        value: +m.regChecks.median.toFixed(3),
        unit: 'ms',
      },
      {
        label: `${tag}: registration checks (reads only), p99`,
        value: +m.regChecks.p99.toFixed(3),
        unit: 'ms',
      },
      { label: `${tag}: scan check (reads only), median`, value: +m.scanCheck.median.toFixed(3), unit: 'ms' },
      { label: `${tag}: scan check (reads only), p99`, value: +m.scanCheck.p99.toFixed(3), unit: 'ms' },
      {
        label: `${tag}: registration (durable transaction), median`,
        value: +m.reg.median.toFixed(3),
        unit: 'ms',
      },
      { label: `${tag}: registration (durable transaction), p99`, value: +m.reg.p99.toFixed(3), unit: 'ms' },
      {
        label: `${tag}: scan to start (durable transaction), median`,
        value: +m.scan.median.toFixed(3),
        unit: 'ms',
      },
      {
        label: `${tag}: scan to start (durable transaction), p99`,
        value: +m.scan.p99.toFixed(3),
        unit: 'ms',
      },
      { label: `${tag}: scans that started a registered visit`, value: m.started, unit: 'visits' },
    );
  }
  return { name: 'inspections', results };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const r = await run();
  console.table(r.results);
}
