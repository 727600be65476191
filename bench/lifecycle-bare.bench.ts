/**
 * The limits under the lifecycle bench (issue #18), measured on this machine:
 *
 * 1. The protocol's ceiling: a bare Fastify server (bare-lifecycle-server.ts) with a session lookup
 *    and ONE durable commit per write request (SQLite WAL synchronous=FULL; PostgreSQL), driven with
 *    the requests a whole case makes in lifecycle.bench.ts — the bundle's 11 material uploads, the
 *    submission, the acceptance, three opinions and three decisions (each department's pair in
 *    parallel with the others), the delivery: 20 commits; then the three documents read, at once —
 *    and the same number of whole cases in flight. Whole-case equivalents/s: what any implementation
 *    of this HTTP + durable-commit protocol can reach here, with nothing else to do.
 * 2. One PDF's cost: each document kind rendered on a thread of the real render pool
 *    (src/modules/documents/render-pool.ts), CPU ms per document (the process's CPU while only that
 *    thread works), and the ceiling it implies: cores × 1,000 ms ÷ the CPU of a case's documents
 *    (受理通知书, 准予许可决定书, 送达回证).
 * 3. Both together: cores × 1,000 ms ÷ (a case's documents + the bare server's CPU per case).
 *
 * LIFECYCLE_CASES (200), LIFECYCLE_CONCURRENCY (16), LIFECYCLE_BARE_RENDERS (10 per kind),
 * BENCH_DATABASE_URL, BENCH_POSTGRES=off.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { randomBytes } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import { engineRate } from './lifecycle-engine.js';
import { processCpuMs } from './cpu-time.js';
import { freePort, pgQuery, pgReachable, pgSchemaUrl } from './server-process.js';
import type { BenchResult } from './working-days.bench.js';
import { RenderPool } from '../src/modules/documents/render-pool.js';
import { SAMPLE_INPUT_LIST, SAMPLE_INPUTS } from '../src/modules/documents/sample-inputs.js';

const WHOLE = Number(process.env.LIFECYCLE_CASES ?? 200);
const CONCURRENCY = Number(process.env.LIFECYCLE_CONCURRENCY ?? 16);
const RENDERS = Number(process.env.LIFECYCLE_BARE_RENDERS ?? 10);
/** YJS-KWB's required materials the applicant or the window provides (lifecycle.bench.ts uploads each). */
const UPLOADS = 11;
const DEPARTMENTS = 3;
/** The documents a whole case of lifecycle.bench.ts issues. */
const CASE_DOCUMENTS = ['acceptance_notice', 'approval_decision', 'delivery_receipt'] as const;
const CORES = os.availableParallelism();

interface Bare {
  port: number;
  pid: number;
  cookie: string;
  stop: () => Promise<void>;
}

async function startBare(dialect: 'sqlite' | 'postgres'): Promise<Bare> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ow-bare-lifecycle-'));
  const port = await freePort();
  const schema = dialect === 'postgres' ? `barelc_${randomBytes(4).toString('hex')}` : undefined;
  if (schema) await pgQuery(`create schema ${schema}`);
  const child: ChildProcess = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(import.meta.dirname, 'bare-lifecycle-server.ts')],
    {
      env: {
        ...process.env,
        PORT: String(port),
        DATA_DIR: dataDir,
        DATABASE_URL: schema ? pgSchemaUrl(schema) : '',
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const sid = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /ready ([0-9a-f]+)/.exec(out);
      if (m) resolve(m[1]!);
    });
    child.once('exit', (code) => reject(new Error(`the bare server exited with ${code}`)));
  });
  return {
    port,
    pid: child.pid!,
    cookie: `sid=${sid}`,
    stop: async () => {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        await new Promise((r) => child.once('exit', r));
      }
      fs.rmSync(dataDir, { recursive: true, force: true });
      if (schema) await pgQuery(`drop schema ${schema} cascade`);
    },
  };
}

/** One whole case's requests against the bare server, in the order and parallelism of lifecycle.bench.ts. */
function wholeCase(b: Bare) {
  const base = `http://127.0.0.1:${b.port}`;
  const write = async (kind: string, body: unknown): Promise<number> => {
    const r = await fetch(`${base}/w/${kind}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: b.cookie },
      body: JSON.stringify(body),
    });
    if (r.status !== 200) throw new Error(`${kind}: ${r.status}`);
    return ((await r.json()) as { id: number }).id;
  };
  const read = async (id: number): Promise<void> => {
    const r = await fetch(`${base}/r/${id}`, { headers: { cookie: b.cookie } });
    if (r.status !== 200) throw new Error(`read ${id}: ${r.status}`);
    await r.arrayBuffer();
  };
  return async (i: number) => {
    const files = await Promise.all(
      Array.from({ length: UPLOADS }, (_, k) =>
        write('upload', { k, bytes: randomBytes(16).toString('hex') }),
      ),
    );
    const submitted = await write('submit', { i, files });
    const notice = await write('accept', { case: submitted });
    const decisions = await Promise.all(
      Array.from({ length: DEPARTMENTS }, async (_, d) => {
        await write('opinion', { case: submitted, d, text: '经审查，材料齐全，符合法定形式。' });
        return write('decision', { case: submitted, d, decision: 'approve' });
      }),
    );
    const receipt = await write('deliver', { case: submitted, method: '在窗口直接送达' });
    await Promise.all([notice, decisions.at(-1)!, receipt].map(read));
  };
}

async function pool(n: number, concurrency: number, job: (i: number) => Promise<void>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(n, concurrency) }, async () => {
      while (next < n) await job(next++);
    }),
  );
}

async function protocolCeiling(dialect: 'sqlite' | 'postgres') {
  const b = await startBare(dialect);
  try {
    const one = wholeCase(b);
    await pool(Math.min(20, WHOLE), CONCURRENCY, (i) => one(1_000_000 + i)); // warm-up
    const cpu0 = processCpuMs(b.pid);
    const t0 = performance.now();
    await pool(WHOLE, CONCURRENCY, one);
    const seconds = (performance.now() - t0) / 1000;
    return { rate: WHOLE / seconds, serverCpuPerCase: (processCpuMs(b.pid) - cpu0) / WHOLE };
  } finally {
    await b.stop();
  }
}

/** CPU ms per document of each kind, rendered one at a time on one render thread. */
async function renderCost(): Promise<Map<string, number>> {
  const renderer = new RenderPool(1);
  const costs = new Map<string, number>();
  try {
    for (const input of SAMPLE_INPUT_LIST) await renderer.render(input); // fonts parsed, code warm
    for (const input of SAMPLE_INPUT_LIST) {
      const c0 = process.cpuUsage();
      for (let i = 0; i < RENDERS; i++) await renderer.render(input);
      const c = process.cpuUsage(c0);
      costs.set(input.kind, (c.user + c.system) / 1000 / RENDERS);
    }
  } finally {
    await renderer.close();
  }
  return costs;
}

export async function run(): Promise<BenchResult> {
  const results: BenchResult['results'] = [];
  const engine = await engineRate(3, CONCURRENCY);
  results.push({
    label: 'bpmn-engine 25 in memory (the lifecycle baseline); SQLite target 3× of it',
    value: Math.round(engine),
    unit: `instances/s (3× = ${Math.round(3 * engine)} cases/s)`,
  });

  const costs = await renderCost();
  for (const [kind, ms] of costs)
    results.push({ label: `one PDF on a render thread: ${kind}`, value: +ms.toFixed(1), unit: 'CPU ms' });
  for (const kind of CASE_DOCUMENTS)
    if (!costs.has(kind) || !(kind in SAMPLE_INPUTS)) throw new Error(`no sample of ${kind}`);
  const documentsMs = CASE_DOCUMENTS.reduce((sum, k) => sum + costs.get(k)!, 0);
  results.push({
    label: `a whole case's ${CASE_DOCUMENTS.length} documents (${CASE_DOCUMENTS.join(', ')})`,
    value: +documentsMs.toFixed(1),
    unit: 'CPU ms',
  });
  results.push({
    label: `ceiling from the documents alone: ${CORES} cores × 1,000 ms ÷ a case's documents`,
    value: +((CORES * 1000) / documentsMs).toFixed(1),
    unit: 'cases/s',
  });

  const dbs: ['sqlite' | 'postgres', string][] = [['sqlite', 'SQLite (WAL, synchronous=FULL)']];
  if (process.env.BENCH_POSTGRES !== 'off' && (await pgReachable())) dbs.push(['postgres', 'PostgreSQL']);
  for (const [dialect, name] of dbs) {
    const m = await protocolCeiling(dialect);
    const requests = UPLOADS + 3 + 2 * DEPARTMENTS + CASE_DOCUMENTS.length;
    results.push({
      label:
        `${name}: bare protocol, whole-case equivalents (${requests} requests, ${requests - CASE_DOCUMENTS.length} commits each; ` +
        `${WHOLE} cases, ${CONCURRENCY} in flight)`,
      value: +m.rate.toFixed(1),
      unit: `cases/s (${(m.rate / engine).toFixed(2)}× the engine)`,
    });
    results.push({
      label: `${name}: … the bare server's CPU per case`,
      value: +m.serverCpuPerCase.toFixed(2),
      unit: 'ms',
    });
    results.push({
      label: `${name}: ceiling with the documents: ${CORES} × 1,000 ÷ (documents + bare server CPU per case)`,
      value: +((CORES * 1000) / (documentsMs + m.serverCpuPerCase)).toFixed(1),
      unit: 'cases/s',
    });
  }
  return { name: 'case lifecycle: the bare limits', results };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const r = await run();
  console.table(r.results);
}
