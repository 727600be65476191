/**
 * The hall over HTTP, the server in its own process: tickets issued at the kiosk (target ≥ 1,000/s),
 * numbers called at many windows at once (call next, then absent; target ≥ 1,000 calls/s), and
 * 1,000 connected screens and phones (server-sent events) each hearing a call (target: p99 ≤ 1 s
 * from the moment the call is sent).
 */
import http from 'node:http';
import { pathToFileURL } from 'node:url';
import { load, percentile, type LoadResult } from './http-load.js';
import { login, pgReachable, startServer } from './server-process.js';
import type { BenchResult } from './working-days.bench.js';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONCURRENCY = 32;
const WINDOWS = 32;
const CLIENTS = Number(process.env.BENCH_HALL_CLIENTS ?? 1000);
const ROUNDS = 20;
const PASSWORD = 'OneWindow2026';

type Session = { cookie: string; csrf: string };
const base = (port: number) => `http://127.0.0.1:${port}/api/v1`;

async function call(port: number, s: Session | null, method: string, path: string, body?: unknown) {
  const r = await fetch(`${base(port)}${path}`, {
    method,
    headers: {
      'content-type': 'application/json',
      ...(s ? { cookie: s.cookie, 'x-csrf-token': s.csrf } : {}),
    },
    ...(body !== undefined ? { body: JSON.stringify(body) } : method === 'POST' ? { body: '{}' } : {}),
  });
  const text = await r.text();
  if (r.status >= 400) throw new Error(`${method} ${path}: ${r.status} ${text.slice(0, 200)}`);
  return text ? JSON.parse(text) : null;
}

/** One SSE client: resolves `next` with the arrival time of the first event of a kind after a moment. */
function sseClient(port: number, path: string) {
  const arrivals: { event: string; at: number }[] = [];
  let req: http.ClientRequest;
  const ready = new Promise<void>((resolve, reject) => {
    req = http.get(
      `${base(port)}${path}`,
      { headers: { accept: 'text/event-stream' }, agent: false },
      (res) => {
        res.setEncoding('utf8');
        let buf = '';
        res.on('data', (chunk: string) => {
          buf += chunk;
          let i;
          while ((i = buf.indexOf('\n\n')) >= 0) {
            const event = /^event: (.*)$/m.exec(buf.slice(0, i))?.[1];
            buf = buf.slice(i + 2);
            if (event) arrivals.push({ event, at: performance.now() });
            if (event === 'snapshot' || event === 'status') resolve();
          }
        });
      },
    );
    req.on('error', reject);
  });
  return {
    ready,
    firstAfter: (event: string, t0: number) => arrivals.find((a) => a.event === event && a.at >= t0)?.at,
    close: () => req.destroy(),
  };
}

async function setUp(port: number) {
  const admin = await login(port, 'admin', PASSWORD);
  const groups = (await call(port, null, 'GET', '/hall/groups')).items as { id: string; code: string }[];
  const A = groups.find((g) => g.code === 'A')!.id;
  const C = groups.find((g) => g.code === 'C')!.id;
  const scj = ((await call(port, null, 'GET', '/departments')).items as { id: string; code: string }[]).find(
    (d) => d.code === 'SCJ',
  )!.id;
  const clerks: Session[] = [];
  for (let k = 0; k < WINDOWS; k++) {
    const username = `bench.clerk${k}`;
    await call(port, admin, 'POST', '/admin/users', {
      username,
      displayName: `压测窗口${k}`,
      role: 'clerk',
      departmentId: scj,
      password: PASSWORD,
    });
    const w = await call(port, admin, 'PUT', `/admin/hall/windows/W${k}`, {
      name: `W${k} 窗口`,
      nameEn: `Window W${k}`,
      groupIds: [C],
    });
    const s = await login(port, username, PASSWORD);
    await call(port, s, 'POST', '/hall/windows/sit', { windowId: w.id });
    clerks.push(s);
  }
  return { A, C, clerks, desk: await login(port, 'clerk', PASSWORD) };
}

/** Every window calls its next number and marks it absent, as fast as it can, for the time given. */
async function callingLoad(port: number, clerks: Session[], seconds: number) {
  const latencies: number[] = [];
  let errors = 0;
  const end = performance.now() + seconds * 1000;
  await Promise.all(
    clerks.map(async (s) => {
      while (performance.now() < end) {
        const t0 = performance.now();
        try {
          const r = await call(port, s, 'POST', '/hall/windows/mine/call-next');
          latencies.push(performance.now() - t0);
          if (!r.ticket) return;
          await call(port, s, 'POST', '/hall/windows/mine/absent');
        } catch {
          errors++;
        }
      }
    }),
  );
  latencies.sort((a, b) => a - b);
  return {
    calls: latencies.length,
    errors,
    p50: percentile(latencies, 0.5),
    p99: percentile(latencies, 0.99),
  };
}

async function fanOut(port: number, desk: Session, A: string) {
  const tokens: string[] = [];
  for (let i = 0; i < CLIENTS / 2 + ROUNDS + 5; i++)
    tokens.push((await call(port, desk, 'POST', '/hall/tickets', { groupId: A, source: 'kiosk' })).token);
  // The clerk at E01 calls from A: each call moves every phone's place, and every screen shows it.
  await call(port, desk, 'POST', '/hall/windows/mine/absent').catch(() => {});
  const clients = [
    ...Array.from({ length: CLIENTS / 2 }, () => sseClient(port, '/hall/display')),
    ...tokens
      .slice(ROUNDS + 5, ROUNDS + 5 + CLIENTS / 2)
      .map((t) => sseClient(port, `/hall/tickets/status/${t}`)),
  ];
  await Promise.all(clients.map((c) => c.ready));
  const latencies: number[] = [];
  let missed = 0;
  for (let r = 0; r < ROUNDS; r++) {
    const t0 = performance.now();
    await call(port, desk, 'POST', '/hall/windows/mine/call-next');
    const deadline = t0 + 5000;
    let pending = clients.map((c, i) => ({ c, kind: i < CLIENTS / 2 ? 'call' : 'status' }));
    while (pending.length && performance.now() < deadline) {
      pending = pending.filter(({ c, kind }) => {
        const at = c.firstAfter(kind, t0);
        if (at === undefined) return true;
        latencies.push(at - t0);
        return false;
      });
      if (pending.length) await new Promise((res) => setTimeout(res, 5));
    }
    missed += pending.length;
    await call(port, desk, 'POST', '/hall/windows/mine/absent');
  }
  clients.forEach((c) => c.close());
  latencies.sort((a, b) => a - b);
  return { n: latencies.length, missed, p50: percentile(latencies, 0.5), p99: percentile(latencies, 0.99) };
}

const row = (label: string, r: LoadResult, unit: string) => ({
  label,
  value: Math.round(r.rps),
  unit: `${unit} (p50 ${r.p50.toFixed(1)} ms, p99 ${r.p99.toFixed(1)} ms, ${r.errors} errors)`,
});

async function measure(dialect: 'sqlite' | 'postgres') {
  const srv = await startServer(dialect);
  try {
    const { A, C, clerks, desk } = await setUp(srv.port);
    const fan = await fanOut(srv.port, desk, A);
    const issue = (i: number) => ({
      method: 'POST',
      path: '/api/v1/hall/tickets',
      body: JSON.stringify({ groupId: C, source: i % 10 ? 'kiosk' : 'desk' }),
      headers: { 'content-type': 'application/json', cookie: desk.cookie, 'x-csrf-token': desk.csrf },
    });
    const issued = await load({
      port: srv.port,
      concurrency: CONCURRENCY,
      total: 1_000_000,
      maxSeconds: SECONDS,
      request: issue,
    });
    const calling = await callingLoad(srv.port, clerks, SECONDS);
    return [
      row(`${dialect}: tickets issued over HTTP (${CONCURRENCY} concurrent)`, issued, 'tickets/s'),
      {
        label: `${dialect}: numbers called at ${WINDOWS} windows at once (call next + absent)`,
        value: Math.round(calling.calls / SECONDS),
        unit: `calls/s (p50 ${calling.p50.toFixed(1)} ms, p99 ${calling.p99.toFixed(1)} ms, ${calling.errors} errors)`,
      },
      {
        label: `${dialect}: a call heard by ${CLIENTS} SSE clients (half screens, half phones), ${ROUNDS} calls`,
        value: Math.round(fan.p99),
        unit: `ms p99 (p50 ${fan.p50.toFixed(0)} ms, ${fan.n} deliveries, ${fan.missed} missed in 5 s)`,
      },
    ];
  } finally {
    await srv.stop();
  }
}

export async function run(): Promise<BenchResult> {
  const results: BenchResult['results'] = [...(await measure('sqlite'))];
  if (process.env.BENCH_POSTGRES !== 'off' && (await pgReachable()))
    results.push(...(await measure('postgres')));
  return { name: 'the hall: tickets, calling, and the calling screen', results };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const r = await run();
  console.table(r.results);
}
