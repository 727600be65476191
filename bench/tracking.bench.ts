/**
 * Public tracking (target: p99 at most 5 ms at 1,000 requests per second), with a bare Fastify route
 * and the application's /healthz beside it for reference: what the machine and the request pipeline
 * cost without a lookup. Both servers run as their own processes, up
 * side by side, and are measured in alternating rounds; this process is the load generator for both.
 * BENCH_SECONDS (per round, default 5) and BENCH_ROUNDS (default 3).
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { load, percentile, type LoadResult } from './http-load.js';
import { freePort, login, startServer } from './server-process.js';
import type { BenchResult } from './working-days.bench.js';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);

async function bareServer(procs = 1): Promise<{ port: number; stop: () => Promise<void> }> {
  const port = await freePort();
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(import.meta.dirname, 'bare-fastify.ts')],
    {
      env: { ...process.env, PORT: String(port), PROCS: String(procs) },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  await new Promise<void>((resolve) => child.stdout!.once('data', () => resolve()));
  return {
    port,
    stop: async () => {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
    },
  };
}

/** n real cases entered at the window, with the receipt number and check code a lookup needs. */
export async function cases(port: number, n: number): Promise<{ receiptNo: string; code: string }[]> {
  const auth = await login(port, 'clerk', 'OneWindow2026');
  const search = (await (
    await fetch(`http://127.0.0.1:${port}/api/v1/search?q=${encodeURIComponent('食品经营许可')}&limit=1`)
  ).json()) as { items: { id: string }[] };
  const out: { receiptNo: string; code: string }[] = [];
  for (let i = 0; i < n; i++) {
    const r = await fetch(`http://127.0.0.1:${port}/api/v1/cases`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: auth.cookie, 'x-csrf-token': auth.csrf },
      body: JSON.stringify({
        itemId: search.items[0]!.id,
        applicant: { kind: 'person', name: `测试${i}`, idNumber: '11010519491231002X' },
        form: {},
        materials: [],
      }),
    });
    const j = (await r.json()) as { checkCode: string; case: { receiptNo: string } };
    out.push({ receiptNo: j.case.receiptNo, code: j.checkCode });
  }
  return out;
}

type Request = (i: number) => { method: string; path: string };
interface Target {
  port: number;
  request: Request;
}

const bareRequest: Request = (i) => ({ method: 'GET', path: `/track/QH${i}?code=X` });

async function trackingTarget(port: number): Promise<Target> {
  const pairs = await cases(port, 50);
  const target: Target = {
    port,
    request: (i) => {
      const p = pairs[i % pairs.length]!;
      return { method: 'GET', path: `/api/v1/track/${p.receiptNo}?code=${p.code}` };
    },
  };
  await load({ port, concurrency: 16, total: 2000, maxSeconds: 5, request: target.request });
  return target;
}

/**
 * Each measure runs in ROUNDS rounds, the baseline's and the application's alternating, so that a
 * change in the machine's speed while the bench runs (on a shared VM, consecutive phases of a few
 * seconds were seen to differ by up to half) falls on both alike.
 */
async function alternate(
  targets: Target[],
  round: (t: Target) => Promise<LoadResult>,
): Promise<LoadResult[][]> {
  const out = targets.map(() => [] as LoadResult[]);
  for (let r = 0; r < ROUNDS; r++) for (const [i, t] of targets.entries()) out[i]!.push(await round(t));
  return out;
}

const max = (t: Target) =>
  load({ port: t.port, concurrency: 32, total: 10_000_000, maxSeconds: SECONDS, request: t.request });
const atThousand = (t: Target) =>
  load({
    port: t.port,
    concurrency: 64,
    total: 1000 * SECONDS,
    maxSeconds: SECONDS + 5,
    ratePerSecond: 1000,
    request: t.request,
  });
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const rps = (rs: LoadResult[]) => median(rs.map((r) => r.rps));
const list = (xs: number[], unit = '') =>
  xs.map((x) => `${Math.round(x).toLocaleString('en')}${unit}`).join(', ');
/** Percentiles over every request of every round (not a median of per-round percentiles). */
const pooled = (rs: LoadResult[], p: number) =>
  percentile(
    rs.flatMap((r) => r.latencies).sort((a, b) => a - b),
    p,
  );
const errors = (rs: LoadResult[]) => rs.reduce((n, r) => n + r.errors, 0);

export async function run(): Promise<BenchResult> {
  const results: BenchResult['results'] = [];
  const bare = await bareServer();
  const srv = await startServer('sqlite');
  try {
    const app = await trackingTarget(srv.port);
    const bareTarget: Target = { port: bare.port, request: bareRequest };
    await load({ port: bare.port, concurrency: 16, total: 2000, maxSeconds: 5, request: bareRequest });
    // The application's cheapest route (/healthz: no lookup, a constant answer) goes through the same
    // request pipeline as tracking (request id, cookies, who is calling, metrics): it separates what
    // the pipeline costs from what the lookup costs.
    const pipeline: Target = { port: srv.port, request: () => ({ method: 'GET', path: '/healthz' }) };
    const [bareMax, pipeMax, appMax] = (await alternate([bareTarget, pipeline, app], max)) as [
      LoadResult[],
      LoadResult[],
      LoadResult[],
    ];
    const [bareRate, appRate] = (await alternate([bareTarget, app], atThousand)) as [
      LoadResult[],
      LoadResult[],
    ];
    const ratios = appMax.map((r, i) => (r.rps / bareMax[i]!.rps) * 100);
    results.push(
      {
        label: 'bare Fastify route (baseline): max throughput, 32 concurrent',
        value: Math.round(rps(bareMax)),
        unit: `req/s (median of ${ROUNDS} rounds of ${SECONDS} s: ${list(bareMax.map((r) => r.rps))})`,
      },
      {
        label: "the application's /healthz (its request pipeline, no lookup): max throughput, 32 concurrent",
        value: Math.round(rps(pipeMax)),
        unit: `req/s (${((rps(pipeMax) / rps(bareMax)) * 100).toFixed(0)}% of bare; rounds ${list(pipeMax.map((r) => r.rps))})`,
      },
      {
        label: 'public tracking (SQLite): max throughput, 32 concurrent',
        value: Math.round(rps(appMax)),
        unit: `req/s (${((rps(appMax) / rps(bareMax)) * 100).toFixed(0)}% of bare; rounds ${list(appMax.map((r) => r.rps))}, each ${list(ratios, '%')} of the bare round before it; ${errors(appMax)} errors)`,
      },
      {
        label: 'bare Fastify route at 1,000 req/s: p99',
        value: +pooled(bareRate, 0.99).toFixed(2),
        unit: `ms (p50 ${pooled(bareRate, 0.5).toFixed(2)}; ${ROUNDS} rounds of ${SECONDS} s pooled, per round ${bareRate.map((r) => r.p99.toFixed(2)).join(', ')})`,
      },
      {
        label: 'public tracking at 1,000 req/s: p99',
        value: +pooled(appRate, 0.99).toFixed(2),
        unit: `ms (p50 ${pooled(appRate, 0.5).toFixed(2)}; ${ROUNDS} rounds pooled, per round ${appRate.map((r) => r.p99.toFixed(2)).join(', ')}; ${errors(appRate)} errors)`,
      },
    );
  } finally {
    await srv.stop();
    await bare.stop();
  }
  // Reads take no write lock: with two HTTP processes both cores answer (the load generator shares
  // them). The like-for-like baseline is the bare route in two processes (node:cluster).
  const bare2 = await bareServer(2);
  const two = await startServer('sqlite', { HTTP_WORKERS: '2' });
  try {
    const app = await trackingTarget(two.port);
    const bareTarget: Target = { port: bare2.port, request: bareRequest };
    await load({ port: bare2.port, concurrency: 16, total: 2000, maxSeconds: 5, request: bareRequest });
    const [bareMax, appMax] = (await alternate([bareTarget, app], max)) as [LoadResult[], LoadResult[]];
    results.push(
      {
        label: 'bare Fastify route, 2 processes (baseline): max throughput, 32 concurrent',
        value: Math.round(rps(bareMax)),
        unit: `req/s (median of ${ROUNDS} rounds: ${list(bareMax.map((r) => r.rps))})`,
      },
      {
        label: 'public tracking (SQLite, HTTP_WORKERS=2): max throughput, 32 concurrent',
        value: Math.round(rps(appMax)),
        unit: `req/s (${((rps(appMax) / rps(bareMax)) * 100).toFixed(0)}% of bare in 2 processes; rounds ${list(appMax.map((r) => r.rps))}; ${errors(appMax)} errors)`,
      },
    );
  } finally {
    await two.stop();
    await bare2.stop();
  }
  return { name: 'public tracking', results };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const r = await run();
  console.table(r.results);
}
