/**
 * Public tracking (issue: at least half the throughput of a bare Fastify route measured in the same
 * run; p99 at most 5 ms at 1,000 requests per second). Both servers run as their own processes on
 * the other core; this process is the load generator for both.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { load } from './http-load.js';
import { freePort, login, startServer } from './server-process.js';
import type { BenchResult } from './working-days.bench.js';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);

async function bareServer(procs = 1): Promise<{ port: number; stop: () => Promise<void> }> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, 'bare-fastify.ts')], { env: { ...process.env, PORT: String(port), PROCS: String(procs) }, stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise<void>((resolve) => child.stdout!.once('data', () => resolve()));
  return { port, stop: async () => { child.kill('SIGTERM'); await new Promise((r) => child.once('exit', r)); } };
}

async function cases(port: number, n: number): Promise<{ receiptNo: string; code: string }[]> {
  const auth = await login(port, 'clerk', 'OneWindow2026');
  const search = await (await fetch(`http://127.0.0.1:${port}/api/v1/search?q=${encodeURIComponent('食品经营许可')}&limit=1`)).json() as { items: { id: string }[] };
  const out: { receiptNo: string; code: string }[] = [];
  for (let i = 0; i < n; i++) {
    const r = await fetch(`http://127.0.0.1:${port}/api/v1/cases`, {
      method: 'POST', headers: { 'content-type': 'application/json', cookie: auth.cookie, 'x-csrf-token': auth.csrf },
      body: JSON.stringify({ itemId: search.items[0]!.id, applicant: { kind: 'person', name: `测试${i}`, idNumber: '11010519491231002X' }, form: {}, materials: [] }),
    });
    const j = await r.json() as { checkCode: string; case: { receiptNo: string } };
    out.push({ receiptNo: j.case.receiptNo, code: j.checkCode });
  }
  return out;
}

export async function run(): Promise<BenchResult> {
  const results: BenchResult['results'] = [];
  const bare = await bareServer();
  const bareMax = await load({ port: bare.port, concurrency: 32, total: 10_000_000, maxSeconds: SECONDS, request: (i) => ({ method: 'GET', path: `/track/QH${i}?code=X` }) });
  const bareRate = await load({ port: bare.port, concurrency: 64, total: 1000 * SECONDS, maxSeconds: SECONDS + 5, ratePerSecond: 1000, request: (i) => ({ method: 'GET', path: `/track/QH${i}?code=X` }) });
  await bare.stop();
  // The same route in two processes (node:cluster), as HTTP_WORKERS=2 runs the application below.
  const bare2 = await bareServer(2);
  await load({ port: bare2.port, concurrency: 16, total: 2000, maxSeconds: 5, request: (i) => ({ method: 'GET', path: `/track/QH${i}?code=X` }) });
  const bareTwo = await load({ port: bare2.port, concurrency: 32, total: 10_000_000, maxSeconds: SECONDS, request: (i) => ({ method: 'GET', path: `/track/QH${i}?code=X` }) });
  await bare2.stop();
  const srv = await startServer('sqlite');
  try {
    const pairs = await cases(srv.port, 50);
    const req = (i: number) => { const p = pairs[i % pairs.length]!; return { method: 'GET', path: `/api/v1/track/${p.receiptNo}?code=${p.code}` }; };
    await load({ port: srv.port, concurrency: 16, total: 2000, maxSeconds: 5, request: req });
    const max = await load({ port: srv.port, concurrency: 32, total: 10_000_000, maxSeconds: SECONDS, request: req });
    const rate = await load({ port: srv.port, concurrency: 64, total: 1000 * SECONDS, maxSeconds: SECONDS + 5, ratePerSecond: 1000, request: req });
    results.push(
      { label: 'bare Fastify route (baseline): max throughput, 32 concurrent', value: Math.round(bareMax.rps), unit: 'req/s' },
      { label: 'public tracking (SQLite): max throughput, 32 concurrent', value: Math.round(max.rps), unit: `req/s (${(max.rps / bareMax.rps * 100).toFixed(0)}% of bare, ${max.errors} errors)` },
      { label: 'bare Fastify route at 1,000 req/s: p99', value: +bareRate.p99.toFixed(2), unit: `ms (p50 ${bareRate.p50.toFixed(2)})` },
      { label: 'public tracking at 1,000 req/s: p99', value: +rate.p99.toFixed(2), unit: `ms (p50 ${rate.p50.toFixed(2)}, ${rate.errors} errors)` },
    );
  } finally {
    await srv.stop();
  }
  // Reads take no write lock: with two HTTP processes both cores answer (the load generator shares them).
  const two = await startServer('sqlite', { HTTP_WORKERS: '2' });
  try {
    const pairs = await cases(two.port, 50);
    const req = (i: number) => { const p = pairs[i % pairs.length]!; return { method: 'GET', path: `/api/v1/track/${p.receiptNo}?code=${p.code}` }; };
    await load({ port: two.port, concurrency: 16, total: 2000, maxSeconds: 5, request: req });
    const max = await load({ port: two.port, concurrency: 32, total: 10_000_000, maxSeconds: SECONDS, request: req });
    results.push(
      { label: 'bare Fastify route, 2 processes (baseline): max throughput, 32 concurrent', value: Math.round(bareTwo.rps), unit: 'req/s' },
      { label: 'public tracking (SQLite, HTTP_WORKERS=2): max throughput, 32 concurrent', value: Math.round(max.rps), unit: `req/s (${(max.rps / bareTwo.rps * 100).toFixed(0)}% of bare in 2 processes, ${(max.rps / bareMax.rps * 100).toFixed(0)}% of bare in 1, ${max.errors} errors)` },
    );
  } finally {
    await two.stop();
  }
  return { name: 'public tracking', results };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const r = await run();
  console.table(r.results);
}
