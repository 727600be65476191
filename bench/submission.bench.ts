/**
 * End-to-end online submission over HTTP (issue: ≥ 2,000 cases per second on SQLite with
 * synchronous=FULL, with the raw durable insert rate of the same engine beside it; also PostgreSQL).
 * Each request is a full submission: validation, the case, its materials' metadata, the Art. 32
 * clock and its event, the hash-chained case event, the audit event, the tracking snapshot and the
 * outbox notice, committed durably. The server runs as its own process; this process is the client.
 * How many units shared each durable commit is read from the server's /metrics.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { randomBytes } from 'node:crypto';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { load } from './http-load.js';
import { login, metricsHeaders, PG_URL, pgReachable, startServer } from './server-process.js';
import type { BenchResult } from './working-days.bench.js';
import { applicationNameOf, pgCpu, pgCpuSpent, processCpuMs } from './cpu-time.js';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);

/** One row per durable transaction, as fast as the engine commits: the ceiling without batching. */
function rawSqlite(seconds: number): number {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ow-raw-'));
  const db = new SQLite(path.join(dir, 'raw.db'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.exec('create table t (id text primary key, payload text not null)');
  const ins = db.prepare('insert into t values (?, ?)');
  const payload = 'x'.repeat(400);
  let n = 0;
  const end = performance.now() + seconds * 1000;
  while (performance.now() < end) {
    ins.run(randomBytes(8).toString('hex'), payload);
    n++;
  }
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
  return n / seconds;
}

async function rawPostgres(seconds: number, concurrency: number): Promise<number> {
  const schema = `raw_${randomBytes(4).toString('hex')}`;
  const pool = new pg.Pool({ connectionString: PG_URL, max: concurrency });
  await pool.query(
    `create schema ${schema}; create table ${schema}.t (id text primary key, payload text not null)`,
  );
  const payload = 'x'.repeat(400);
  let n = 0;
  const end = performance.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < end) {
        await pool.query(`insert into ${schema}.t values ($1, $2)`, [
          randomBytes(8).toString('hex'),
          payload,
        ]);
        n++;
      }
    }),
  );
  await pool.query(`drop schema ${schema} cascade`);
  await pool.end();
  return n / seconds;
}

/** The commit groups' totals from /metrics (SQLite: every unit of work; PostgreSQL: intake). */
async function groupStats(port: number): Promise<{ batches: number; units: number }> {
  const text = await (await fetch(`http://127.0.0.1:${port}/metrics`, { headers: metricsHeaders })).text();
  const sum = (name: string) =>
    [...text.matchAll(new RegExp(`^${name}\\{[^}]*\\} (\\d+)`, 'gm'))].reduce((n, m) => n + Number(m[1]), 0);
  return { batches: sum('onewindow_commit_group_batches'), units: sum('onewindow_commit_group_units') };
}

/** In-flight requests: the same 32 as before, and 128, where a larger share of each commit is shared. */
const LEVELS = [32, 128] as const;

async function measure(
  dialect: 'sqlite' | 'postgres',
  httpWorkers = 0,
  levels: readonly number[] = LEVELS,
  intakeThread = true,
  env: Record<string, string> = {},
) {
  const srv = await startServer(dialect, {
    HTTP_WORKERS: String(httpWorkers),
    INTAKE_THREAD: intakeThread ? 'on' : 'off',
    ...env,
  });
  try {
    const auth = await login(srv.port, 'citizen', 'OneWindow2026');
    const search = (await (
      await fetch(
        `http://127.0.0.1:${srv.port}/api/v1/search?q=${encodeURIComponent('食品经营许可')}&limit=1`,
      )
    ).json()) as { items: { id: string }[] };
    const itemId = search.items[0]!.id;
    const run = randomBytes(4).toString('hex');
    const body = JSON.stringify({
      itemId,
      form: { 经营场所: '清河市人民路1号', 经营项目: '热食类食品制售' },
      materials: [],
    });
    const req = (i: number) => ({
      method: 'POST',
      path: '/api/v1/cases',
      body,
      headers: { cookie: auth.cookie, 'x-csrf-token': auth.csrf, 'idempotency-key': `bench-${run}-${i}` },
    });
    await load({
      port: srv.port,
      concurrency: 16,
      total: 200,
      maxSeconds: 10,
      request: (i) => req(1_000_000 + i),
    }); // warm-up
    const out = [];
    let offset = 0;
    const appName = srv.databaseUrl ? applicationNameOf(srv.databaseUrl) : '';
    for (const concurrency of levels) {
      const before = await groupStats(srv.port);
      const cpuBefore = processCpuMs(srv.pid);
      const pgBefore = appName ? await pgCpu(appName) : undefined;
      const base = offset;
      const result = await load({
        port: srv.port,
        concurrency,
        total: 1_000_000,
        maxSeconds: SECONDS,
        request: (i) => req(base + i),
      });
      offset += result.requests + concurrency;
      const cpuAfter = processCpuMs(srv.pid);
      const pgSpent = pgBefore ? pgCpuSpent(pgBefore, await pgCpu(appName)) : undefined;
      const after = await groupStats(srv.port);
      const cases = Math.max(1, result.requests);
      out.push({
        concurrency,
        httpWorkers,
        intakeThread,
        variant: Object.entries(env)
          .map(([k, v]) => `, ${k}=${v}`)
          .join(''),
        ...result,
        // CPU per case (ms): the server's process (with HTTP_WORKERS, the primary only), PostgreSQL's
        // backends serving it and the server's background processes (WAL writer, checkpointer).
        appCpuMs: (cpuAfter - cpuBefore) / cases,
        pgCpuMs: pgSpent ? pgSpent.backends / cases : undefined,
        pgBackgroundCpuMs: pgSpent ? pgSpent.background / cases : undefined,
        unitsPerCommit: (after.units - before.units) / Math.max(1, after.batches - before.batches),
      });
    }
    return out;
  } finally {
    await srv.stop();
  }
}

/**
 * The application's and PostgreSQL's CPU per case, and from them how many application instances one
 * PostgreSQL server can feed: PostgreSQL's CPU per case (backends and its background processes)
 * against the application's, both as measured here on the same cores (the scale-out plan's first
 * number: PostgreSQL on a machine with as many cores as one instance's, feeding instances that each
 * run as fast as this one).
 */
function cpuSplit(db: string, app: number, pgBackends: number, pgBackground: number) {
  const pgTotal = pgBackends + pgBackground;
  return [
    { label: `${db}: … application CPU per case (the server's process)`, value: +app.toFixed(3), unit: 'ms' },
    {
      label: `${db}: … PostgreSQL CPU per case (its backends for this server; + background processes)`,
      value: +pgBackends.toFixed(3),
      unit: `ms (+ ${pgBackground.toFixed(3)} ms WAL writer, checkpointer and others, shared with anything else on the server)`,
    },
    {
      label: `${db}: … application instances one PostgreSQL can feed (application CPU / PostgreSQL CPU per case)`,
      value: +(app / Math.max(pgTotal, 1e-9)).toFixed(1),
      unit: `instances with as many cores as PostgreSQL's (${(app / Math.max(pgBackends, 1e-9)).toFixed(1)} counting only its backends)`,
    },
  ];
}

const SQLITE = process.env.BENCH_SQLITE !== 'off';

export async function run(): Promise<BenchResult> {
  const results: BenchResult['results'] = [];
  if (SQLITE) await sqliteRuns(results);
  if (await pgReachable()) {
    const rawPg = await rawPostgres(3, 8);
    results.push(...rows('PostgreSQL', await measure('postgres')));
    // Each statement parsed and planned on every run, as before prepared statements.
    results.push(
      ...rows('PostgreSQL', await measure('postgres', 0, [128], true, { PG_PREPARED_STATEMENTS: 'off' })),
    );
    results.push({
      label: 'PostgreSQL: raw durable insert, one row per transaction, 8 connections (baseline)',
      value: Math.round(rawPg),
      unit: 'rows/s',
    });
  }
  return { name: 'online submission', results };
}

const rows = (db: string, runs: Awaited<ReturnType<typeof measure>>) =>
  runs.flatMap((r) => [
    {
      label: `${db}: online submissions over HTTP (${r.concurrency} concurrent${modeOf(r, db)}${r.variant})`,
      value: Math.round(r.rps),
      unit: `cases/s (p50 ${r.p50.toFixed(1)} ms, p99 ${r.p99.toFixed(1)} ms, ${r.errors} errors)`,
    },
    {
      label: `${db}: … submissions per durable commit (commit group)`,
      value: +r.unitsPerCommit.toFixed(1),
      unit: 'units',
    },
    ...(r.pgCpuMs === undefined
      ? r.httpWorkers
        ? []
        : [{ label: `${db}: … application CPU per case`, value: +r.appCpuMs.toFixed(3), unit: 'ms' }]
      : cpuSplit(db, r.appCpuMs, r.pgCpuMs, r.pgBackgroundCpuMs!)),
  ]);

async function sqliteRuns(results: BenchResult['results']): Promise<void> {
  const raw = rawSqlite(3);
  results.push(...rows('SQLite', await measure('sqlite')));
  // The same server writing applications on the request thread, as before the intake thread.
  results.push(...rows('SQLite', await measure('sqlite', 0, [128], false)));
  // The same server with background work in a process of its own (1) and with two HTTP processes
  // taking turns at the write lock (2): what more processes buy on this machine.
  for (const workers of [1, 2]) results.push(...rows('SQLite', await measure('sqlite', workers, [128])));
  results.push({
    label: 'SQLite: raw durable insert, one row per transaction (baseline)',
    value: Math.round(raw),
    unit: 'rows/s',
  });
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const r = await run();
  console.table(r.results);
}

/** How a run was served, as its label names it: worker processes, or the intake thread turned off. */
function modeOf(r: { httpWorkers?: number; intakeThread?: boolean }, db: string): string {
  if (r.httpWorkers) return `, HTTP_WORKERS=${r.httpWorkers}`;
  return r.intakeThread || db !== 'SQLite' ? '' : ', INTAKE_THREAD=off';
}
