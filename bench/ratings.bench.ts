/**
 * Ratings intake over HTTP (target ≥ 2,000 ratings/s on SQLite, durable: each answer comes after
 * the commit that holds it, through the database's commit group). The server runs as its own
 * process; the matters rated are completed cases of the demo applicant, written into the file
 * beforehand, each rated once online (a rating per matter per channel), a tenth of them badly, so
 * rectifications open on their clocks in the same transactions.
 */
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import SQLite from 'better-sqlite3';
import { load, type LoadResult } from './http-load.js';
import { login, startServer } from './server-process.js';
import type { BenchResult } from './working-days.bench.js';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONCURRENCY = 32;
const MATTERS = Number(process.env.BENCH_RATING_MATTERS ?? 60_000);

const row = (label: string, r: LoadResult, unit: string) => ({
  label,
  value: Math.round(r.rps),
  unit: `${unit} (p50 ${r.p50.toFixed(1)} ms, p99 ${r.p99.toFixed(1)} ms, ${r.errors} errors)`,
});

/** Completed cases of the demo applicant, as many as the run can rate, written straight into the file. */
function writeMatters(file: string, n: number): string[] {
  const db = new SQLite(file);
  db.pragma('busy_timeout = 10000');
  const dept = db.prepare("select id from departments where code = 'SCJ'").get() as { id: string };
  const item = db
    .prepare(
      'select id, current_version_id as v from items where department_id = ? and current_version_id is not null limit 1',
    )
    .get(dept.id) as { id: string; v: string };
  const user = db.prepare("select id from users where username = 'citizen'").get() as { id: string };
  const now = new Date().toISOString();
  const insertCase = db.prepare(
    `insert into cases (id, receipt_no, check_code, title, lead_department_id, applicant_user_id, applicant_kind,
       applicant_name, applicant_id_number, channel, state, shortfall, form, committed_days, handling_class,
       created_at, completed_at, event_count, updated_at, version)
     values (?, ?, 'BENCHCODE1', '食品经营许可', ?, ?, 'person', '张小明', '11010519491231002X', 'online',
       'completed', 0, '{}', 5, 'promise', ?, ?, 0, ?, 1)`,
  );
  const insertItem = db.prepare(
    "insert into case_items (case_id, item_id, item_version_id, department_id, role) values (?, ?, ?, ?, 'lead')",
  );
  const receipts: string[] = [];
  db.transaction(() => {
    for (let i = 0; i < n; i++) {
      const id = randomUUID();
      const receipt = `BR${String(i).padStart(10, '0')}`;
      insertCase.run(id, receipt, dept.id, user.id, now, now, now);
      insertItem.run(id, item.id, item.v, dept.id);
      receipts.push(receipt);
    }
  })();
  db.close();
  return receipts;
}

async function measure() {
  const srv = await startServer('sqlite');
  try {
    const receipts = writeMatters(path.join(srv.dataDir, 'onewindow.db'), MATTERS);
    const citizen = await login(srv.port, 'citizen', 'OneWindow2026');
    const rate = (i: number) => ({
      method: 'POST',
      path: '/api/v1/ratings/online',
      body: JSON.stringify({
        receiptNo: receipts[i % receipts.length],
        level: i % 10 === 0 ? 2 : 5 - (i % 3),
        indicators: { efficiency: 5, guide_accuracy: 4, convenience: 5, platform_usability: 4 },
      }),
      headers: { 'content-type': 'application/json', cookie: citizen.cookie, 'x-csrf-token': citizen.csrf },
    });
    // Warm-up on matters the measured run does not use.
    const warm = 500;
    await load({
      port: srv.port,
      concurrency: 16,
      total: warm,
      maxSeconds: 10,
      request: (i) => rate(receipts.length - 1 - i),
    });
    const rated = await load({
      port: srv.port,
      concurrency: CONCURRENCY,
      total: receipts.length - warm,
      maxSeconds: SECONDS,
      request: rate,
    });
    return [
      row(`sqlite: online ratings over HTTP (${CONCURRENCY} concurrent, 1 in 10 bad)`, rated, 'ratings/s'),
    ];
  } finally {
    await srv.stop();
  }
}

export async function run(): Promise<BenchResult> {
  return { name: 'ratings intake', results: await measure() };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const r = await run();
  console.table(r.results);
}
