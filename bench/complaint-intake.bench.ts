/**
 * The reporting center over HTTP: complaint intake (target ≥ 2,000 tickets/s on SQLite, durable,
 * with duplicate suggestion on: every report is segmented with jieba and compared with up to 100
 * recent reports of the same department and category), and dispatch throughput beside it (accept,
 * then dispatch on the category's working-day clock). The server runs as its own process.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { randomBytes } from 'node:crypto';
import SQLite from 'better-sqlite3';
import { load, type LoadResult } from './http-load.js';
import { login, pgReachable, startServer } from './server-process.js';
import type { BenchResult } from './working-days.bench.js';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONCURRENCY = 32;
const PHRASES = [
  '窗口收取资料费',
  '检查人员未出示证件',
  '办理营业执照超期',
  '要求购买指定商品',
  '工作人员态度生硬',
];

const row = (label: string, r: LoadResult, unit: string) => ({
  label,
  value: Math.round(r.rps),
  unit: `${unit} (p50 ${r.p50.toFixed(1)} ms, p99 ${r.p99.toFixed(1)} ms, ${r.errors} errors)`,
});

/** Online case submissions (bench/submission.bench.ts measures them in full), as the same run's baseline. */
async function submitCases(port: number): Promise<LoadResult> {
  const auth = await login(port, 'citizen', 'OneWindow2026');
  const search = (await (
    await fetch(`http://127.0.0.1:${port}/api/v1/search?q=${encodeURIComponent('食品经营许可')}&limit=1`)
  ).json()) as { items: { id: string }[] };
  const body = JSON.stringify({
    itemId: search.items[0]!.id,
    form: { 经营场所: '清河市人民路1号', 经营项目: '热食类食品制售' },
    materials: [],
  });
  const run = randomBytes(4).toString('hex');
  const req = (i: number) => ({
    method: 'POST',
    path: '/api/v1/cases',
    body,
    headers: { cookie: auth.cookie, 'x-csrf-token': auth.csrf, 'idempotency-key': `bench-${run}-${i}` },
  });
  await load({ port, concurrency: 16, total: 200, maxSeconds: 10, request: (i) => req(1_000_000 + i) });
  return load({ port, concurrency: CONCURRENCY, total: 1_000_000, maxSeconds: SECONDS, request: req });
}

async function measure(dialect: 'sqlite' | 'postgres') {
  const srv = await startServer(dialect);
  try {
    const depts = (await (await fetch(`http://127.0.0.1:${srv.port}/api/v1/departments`)).json()) as {
      items: { id: string; code: string }[];
    };
    const departmentId = depts.items.find((d) => d.code === 'SCJ')!.id;
    const body = (i: number) =>
      JSON.stringify({
        channel: 'portal',
        anonymous: false,
        reporter: { name: '压测反映人', phone: '13900000000' },
        categoryCode: 'arbitrary_fee',
        departmentId,
        description: `${PHRASES[i % PHRASES.length]}，第${i}次反映，金额${i % 500}元，没有票据`,
        location: { lat: 30.27 + (i % 100) / 10_000, lng: 120.15 },
      });
    const intake = (i: number) => ({
      method: 'POST',
      path: '/api/v1/complaints',
      body: body(i),
      headers: { 'content-type': 'application/json' },
    });
    await load({
      port: srv.port,
      concurrency: 16,
      total: 300,
      maxSeconds: 10,
      request: (i) => intake(1e6 + i),
    });
    const submitted = await load({
      port: srv.port,
      concurrency: CONCURRENCY,
      total: 1_000_000,
      maxSeconds: SECONDS,
      request: intake,
    });
    const out = [
      row(`${dialect}: complaint intake over HTTP (${CONCURRENCY} concurrent)`, submitted, 'tickets/s'),
    ];
    // The baseline in the same run, on the same server: online case submission at the same concurrency.
    const cases = await submitCases(srv.port);
    out.push(
      row(`${dialect}: case submission over HTTP (${CONCURRENCY} concurrent, baseline)`, cases, 'cases/s'),
    );
    if (dialect === 'sqlite') {
      const officer = await login(srv.port, 'complaints', 'OneWindow2026');
      const db = new SQLite(path.join(srv.dataDir, 'onewindow.db'), { readonly: true });
      const ids = (
        db.prepare("select id from complaints where state = 'submitted' limit 5000").all() as { id: string }[]
      ).map((r) => r.id);
      db.close();
      const step = (name: string, version: number) => (i: number) => ({
        method: 'POST',
        path: `/api/v1/complaints/${ids[i]}/${name}`,
        body: JSON.stringify({ version }),
        headers: { 'content-type': 'application/json', cookie: officer.cookie, 'x-csrf-token': officer.csrf },
      });
      const n = ids.length;
      const accepted = await load({
        port: srv.port,
        concurrency: CONCURRENCY,
        total: n,
        maxSeconds: 60,
        request: step('accept', 1),
      });
      const dispatched = await load({
        port: srv.port,
        concurrency: CONCURRENCY,
        total: n,
        maxSeconds: 60,
        request: step('dispatch', 2),
      });
      out.push(row(`${dialect}: accept over HTTP (${n} tickets)`, accepted, 'tickets/s'));
      out.push(row(`${dialect}: dispatch over HTTP (${n} tickets, clock started)`, dispatched, 'tickets/s'));
    }
    return out;
  } finally {
    await srv.stop();
  }
}

export async function run(): Promise<BenchResult> {
  const results: BenchResult['results'] = [...(await measure('sqlite'))];
  if (process.env.BENCH_POSTGRES !== 'off' && (await pgReachable()))
    results.push(...(await measure('postgres')));
  return { name: 'complaint intake and dispatch', results };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const r = await run();
  console.table(r.results);
}
