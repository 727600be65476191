/**
 * Each performance device against its plain version, in one run: every variant is a server of its
 * own, all up side by side, measured in alternating rounds (a change in the machine's speed during
 * the run falls on all alike). BENCH_PLAIN names the devices a server runs without (src/db/plain.ts);
 * INTAKE_THREAD=off writes applications on the request thread. BENCH_SECONDS per round (default 6),
 * BENCH_ROUNDS (default 3). The figure is the median of the rounds; every round is listed.
 */
import { randomBytes } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import { load, type LoadResult } from './http-load.js';
import { login, pgReachable, startServer, type RunningServer } from './server-process.js';
import type { BenchResult } from './working-days.bench.js';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 6);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);

interface Variant {
  name: string;
  env: Record<string, string>;
}
type Request = (i: number) => {
  method: string;
  path: string;
  body?: string;
  headers?: Record<string, string>;
};

async function itemId(port: number): Promise<string> {
  const r = await fetch(
    `http://127.0.0.1:${port}/api/v1/search?q=${encodeURIComponent('食品经营许可')}&limit=1`,
  );
  return ((await r.json()) as { items: { id: string }[] }).items[0]!.id;
}

async function submissions(port: number): Promise<Request> {
  const auth = await login(port, 'citizen', 'OneWindow2026');
  const body = JSON.stringify({
    itemId: await itemId(port),
    form: { 经营场所: '清河市人民路1号', 经营项目: '热食类食品制售' },
    materials: [],
  });
  const run = randomBytes(4).toString('hex');
  let n = 0;
  return () => ({
    method: 'POST',
    path: '/api/v1/cases',
    body,
    headers: { cookie: auth.cookie, 'x-csrf-token': auth.csrf, 'idempotency-key': `m-${run}-${n++}` },
  });
}

async function lookups(port: number): Promise<Request> {
  const auth = await login(port, 'clerk', 'OneWindow2026');
  const id = await itemId(port);
  const pairs: { receiptNo: string; code: string }[] = [];
  for (let i = 0; i < 50; i++) {
    const r = await fetch(`http://127.0.0.1:${port}/api/v1/cases`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: auth.cookie, 'x-csrf-token': auth.csrf },
      body: JSON.stringify({
        itemId: id,
        applicant: { kind: 'person', name: `测试${i}`, idNumber: '11010519491231002X' },
        form: {},
        materials: [],
      }),
    });
    const j = (await r.json()) as { checkCode: string; case: { receiptNo: string } };
    pairs.push({ receiptNo: j.case.receiptNo, code: j.checkCode });
  }
  return (i) => {
    const p = pairs[i % pairs.length]!;
    return { method: 'GET', path: `/api/v1/track/${p.receiptNo}?code=${p.code}` };
  };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Starts every variant, warms each up, then measures them in alternating rounds. */
async function compare(
  title: string,
  dialect: 'sqlite' | 'postgres',
  variants: Variant[],
  makeRequest: (port: number) => Promise<Request>,
  concurrency: number,
): Promise<BenchResult['results']> {
  const servers: RunningServer[] = [];
  try {
    const requests: Request[] = [];
    for (const v of variants) {
      const srv = await startServer(dialect, v.env);
      servers.push(srv);
      const req = await makeRequest(srv.port);
      requests.push(req);
      await load({ port: srv.port, concurrency: 16, total: 500, maxSeconds: 10, request: req });
    }
    const rounds: LoadResult[][] = variants.map(() => []);
    for (let r = 0; r < ROUNDS; r++)
      for (const [i, srv] of servers.entries())
        rounds[i]!.push(
          await load({
            port: srv.port,
            concurrency,
            total: 10_000_000,
            maxSeconds: SECONDS,
            request: requests[i]!,
          }),
        );
    const base = median(rounds[0]!.map((x) => x.rps));
    return variants.map((v, i) => {
      const rs = rounds[i]!;
      const m = median(rs.map((x) => x.rps));
      const errors = rs.reduce((n, x) => n + x.errors, 0);
      return {
        label: `${title}: ${v.name}`,
        value: Math.round(m),
        unit: `req/s, ${concurrency} in flight (${i ? `${((m / base - 1) * 100).toFixed(0)}% against the first row; ` : ''}rounds ${rs.map((x) => Math.round(x.rps)).join(', ')}; p50 ${median(rs.map((x) => x.p50)).toFixed(1)} ms; ${errors} errors)`,
      };
    });
  } finally {
    for (const s of servers) await s.stop();
  }
}

const as = (name: string, env: Record<string, string> = {}): Variant => ({ name, env });

const PARTS = (process.env.BENCH_PARTS ?? 'submission,tracking,postgres').split(',');

export async function run(): Promise<BenchResult> {
  const results: BenchResult['results'] = [];
  if (PARTS.includes('submission'))
    results.push(
      ...(await compare(
        'SQLite submission',
        'sqlite',
        [
          as('as shipped'),
          as('without the statement cache', { BENCH_PLAIN: 'statements' }),
          as('without the insert compiler', { BENCH_PLAIN: 'insert' }),
          as('without the commit groups', { BENCH_PLAIN: 'group' }),
          as('without the intake thread', { INTAKE_THREAD: 'off' }),
          as('without the lazy request logger', { BENCH_PLAIN: 'logger' }),
          as('without statement cache, insert compiler, intake thread, lazy logger', {
            BENCH_PLAIN: 'statements,insert,logger',
            INTAKE_THREAD: 'off',
          }),
        ],
        submissions,
        128,
      )),
    );
  if (PARTS.includes('tracking'))
    results.push(
      ...(await compare(
        'SQLite tracking',
        'sqlite',
        [
          as('as shipped'),
          as('plain lookup (a prepared repository read + presenter, Fastify serialises)', {
            BENCH_PLAIN: 'tracking',
          }),
          as('plain lookup, without the statement cache', { BENCH_PLAIN: 'tracking,statements' }),
          as('without the lazy request logger', { BENCH_PLAIN: 'logger' }),
        ],
        lookups,
        32,
      )),
    );
  if (PARTS.includes('postgres') && (await pgReachable()))
    results.push(
      ...(await compare(
        'PostgreSQL submission',
        'postgres',
        [
          as('as shipped'),
          as('without the insert compiler (one statement per table)', { BENCH_PLAIN: 'insert' }),
          as('without the intake commit group', { BENCH_PLAIN: 'group' }),
        ],
        submissions,
        128,
      )),
    );
  return { name: 'performance devices against their plain versions', results };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const r = await run();
  console.table(r.results);
}
