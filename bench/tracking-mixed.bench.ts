/**
 * Public tracking under mixed load (target: p99 at most 5 ms at 1,000 lookups per second while 500
 * online submissions per second run), on SQLite and on PostgreSQL. Both streams are open loop
 * (requests sent at a fixed rate, latency measured from when each was due), from this process, to
 * one server running as its own process. Baseline in the same run: the same lookups at the same
 * rate with no submissions. BENCH_SECONDS (default 10), BENCH_LOOKUPS (1000), BENCH_SUBMISSIONS
 * (500), BENCH_POSTGRES=off, BENCH_SQLITE=off. The lookups come from many addresses through one
 * trusted proxy (X-Forwarded-For, TRUST_PROXY=1), as the public reaches the center.
 */
import { randomBytes } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import { load, type LoadResult } from './http-load.js';
import { login, pgReachable, startServer } from './server-process.js';
import { cases } from './tracking.bench.js';
import type { BenchResult } from './working-days.bench.js';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const LOOKUPS = Number(process.env.BENCH_LOOKUPS ?? 1000);
const SUBMISSIONS = Number(process.env.BENCH_SUBMISSIONS ?? 500);

async function measure(dialect: 'sqlite' | 'postgres', env: Record<string, string> = {}) {
  const srv = await startServer(dialect, { TRUST_PROXY: '1', ...env });
  try {
    const pairs = await cases(srv.port, 50);
    // The public, behind the center's reverse proxy: lookups come from many addresses (the gate
    // counts guesses per address, and one address with dozens of lookups in flight is refused).
    const track = (i: number) => {
      const p = pairs[i % pairs.length]!;
      return {
        method: 'GET',
        path: `/api/v1/track/${p.receiptNo}?code=${p.code}`,
        headers: { 'x-forwarded-for': `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}` },
      };
    };
    const auth = await login(srv.port, 'citizen', 'OneWindow2026');
    const search = (await (
      await fetch(
        `http://127.0.0.1:${srv.port}/api/v1/search?q=${encodeURIComponent('食品经营许可')}&limit=1`,
      )
    ).json()) as { items: { id: string }[] };
    const body = JSON.stringify({
      itemId: search.items[0]!.id,
      form: { 经营场所: '清河市人民路1号', 经营项目: '热食类食品制售' },
      materials: [],
    });
    const run = randomBytes(4).toString('hex');
    const submit = (i: number) => ({
      method: 'POST',
      path: '/api/v1/cases',
      body,
      headers: { cookie: auth.cookie, 'x-csrf-token': auth.csrf, 'idempotency-key': `mixed-${run}-${i}` },
    });
    // Warm-up of both paths.
    await load({ port: srv.port, concurrency: 16, total: 2000, maxSeconds: 5, request: track });
    await load({
      port: srv.port,
      concurrency: 16,
      total: 300,
      maxSeconds: 5,
      request: (i) => submit(1e7 + i),
    });
    const lookups = (): Promise<LoadResult> =>
      load({
        port: srv.port,
        concurrency: 64,
        total: LOOKUPS * SECONDS,
        maxSeconds: SECONDS + 5,
        ratePerSecond: LOOKUPS,
        request: track,
      });
    const alone = await lookups();
    const [mixed, submitted] = await Promise.all([
      lookups(),
      load({
        port: srv.port,
        concurrency: 256,
        total: SUBMISSIONS * SECONDS,
        maxSeconds: SECONDS + 5,
        ratePerSecond: SUBMISSIONS,
        request: submit,
      }),
    ]);
    return { alone, mixed, submitted };
  } finally {
    await srv.stop();
  }
}

/** Errors, with the statuses of the answers that were errors (a refused connection has none). */
const errorsOf = (r: LoadResult) => {
  const statuses = Object.entries(r.statuses).filter(([s]) => Number(s) >= 400);
  return `${r.errors} errors${statuses.length ? ` (${statuses.map(([s, n]) => `${n}× ${s}`).join(', ')})` : ''}`;
};

export async function run(): Promise<BenchResult> {
  const results: BenchResult['results'] = [];
  const rows = (db: string, r: Awaited<ReturnType<typeof measure>>) => [
    {
      label: `${db}: public tracking at ${LOOKUPS.toLocaleString('en')}/s alone (baseline): p99`,
      value: +r.alone.p99.toFixed(2),
      unit: `ms (p50 ${r.alone.p50.toFixed(2)}; ${Math.round(r.alone.rps)} answered/s; ${errorsOf(r.alone)})`,
    },
    {
      label: `${db}: public tracking at ${LOOKUPS.toLocaleString('en')}/s while ${SUBMISSIONS}/s submissions run: p99`,
      value: +r.mixed.p99.toFixed(2),
      unit: `ms (p50 ${r.mixed.p50.toFixed(2)}; ${Math.round(r.mixed.rps)} answered/s; ${errorsOf(r.mixed)}; target ≤ 5 ms)`,
    },
    {
      label: `${db}: … submissions beside it`,
      value: Math.round(r.submitted.rps),
      unit: `cases/s of ${SUBMISSIONS} asked (p50 ${r.submitted.p50.toFixed(1)} ms, p99 ${r.submitted.p99.toFixed(1)} ms; ${errorsOf(r.submitted)})`,
    },
  ];
  if (process.env.BENCH_SQLITE !== 'off') results.push(...rows('SQLite', await measure('sqlite')));
  if (process.env.BENCH_POSTGRES !== 'off' && (await pgReachable()))
    results.push(...rows('PostgreSQL', await measure('postgres')));
  return { name: 'public tracking under mixed load', results };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const r = await run();
  console.table(r.results);
}
