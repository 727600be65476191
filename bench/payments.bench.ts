/**
 * Payment notifications (issue: at least 1,000 per second on SQLite, applied exactly once when every
 * notification is delivered twice). The server runs as its own process; this process is the gateway:
 * it signs each notification (HMAC-SHA256) and posts it twice, the two deliveries racing each other
 * over 64 connections (BENCH_CONCURRENCY). Each applied notification is a verified signature, the exactly-once gate, the
 * payment, the line and form totals, the ledger rows, a receipt numbered from the year's counter and
 * the audit event — committed durably (SQLite WAL, synchronous=FULL). Afterwards every notification
 * must have been applied once and the ledger check must pass.
 * Baseline, same run, same data: the same notifications applied one transaction each (no group commit).
 */
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type DatabaseHandle } from '../src/db/database.js';
import { newId } from '../src/shared/ids.js';
import { ManualClock } from '../src/shared/clock.js';
import { loadConfig } from '../src/config/config.js';
import { CalendarStore } from '../src/modules/clock/calendar-store.js';
import { newPaymentCode } from '../src/modules/fees/codes.js';
import { checkLedger } from '../src/modules/fees/check-ledger.js';
import { applyNotifications } from '../src/modules/fees/apply-notifications.js';
import { NotificationBatcher } from '../src/modules/fees/notification-batcher.js';
import { SIGNATURE_HEADER, TIMESTAMP_HEADER, signBody } from '../src/modules/fees/gateway/signature.js';
import { load } from './http-load.js';
import { login, PG_URL, pgReachable, startServer } from './server-process.js';
import type { BenchResult } from './working-days.bench.js';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const FORMS = Number(process.env.BENCH_FORMS ?? 30_000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 64);
const SECRET = 'bench-gateway-secret-0123456789abcdef';
const GATEWAY = 'bench-pay';

/**
 * Clones the demo case and its one form into `n` cases with an open form of 120.00 each, with their
 * ledger charges (a case has a form per charged item; each payment also refreshes its case's public
 * tracking snapshot).
 */
async function makeForms(h: DatabaseHandle, n: number): Promise<string[]> {
  const form = await h.db.selectFrom('fee_forms').selectAll().orderBy('issued_at').executeTakeFirstOrThrow();
  const line = await h.db
    .selectFrom('fee_form_lines')
    .selectAll()
    .where('form_id', '=', form.id)
    .executeTakeFirstOrThrow();
  const kase = await h.db
    .selectFrom('cases')
    .selectAll()
    .where('id', '=', form.case_id)
    .executeTakeFirstOrThrow();
  const codes: string[] = [];
  const tag = randomBytes(3).toString('hex').toUpperCase();
  for (let i = 0; i < n; i += 500) {
    const batch = Array.from({ length: Math.min(500, n - i) }, (_, k) => {
      const id = newId();
      const caseId = newId();
      const code = newPaymentCode();
      codes.push(code);
      return {
        case: { ...kase, id: caseId, receipt_no: `QHB${tag}${String(i + k).padStart(7, '0')}` },
        form: {
          ...form,
          id,
          case_id: caseId,
          number: `JKB${tag}${String(i + k).padStart(7, '0')}`,
          payment_code: code,
        },
        line: { ...line, id: newId(), form_id: id },
      };
    });
    await h.db.transaction().execute(async (trx) => {
      await trx
        .insertInto('cases')
        .values(batch.map((b) => b.case))
        .execute();
      await trx
        .insertInto('fee_forms')
        .values(batch.map((b) => b.form))
        .execute();
      await trx
        .insertInto('fee_form_lines')
        .values(batch.map((b) => b.line))
        .execute();
      await trx
        .insertInto('fee_ledger')
        .values(
          batch.map((b) => ({
            id: newId(),
            at: b.form.issued_at,
            day: b.form.issued_at.slice(0, 10),
            kind: 'charge',
            case_id: b.form.case_id,
            form_id: b.form.id,
            line_id: b.line.id,
            department_id: b.form.department_id,
            fee_code: b.line.fee_code,
            ref_type: 'form',
            ref_id: b.form.id,
            charged: b.line.charged_fen,
            waived: 0,
            paid: 0,
            outstanding: b.line.charged_fen,
            held: 0,
            remitted: 0,
            refunded: 0,
            excess: 0,
            excess_held: 0,
            excess_refunded: 0,
          })),
        )
        .execute();
    });
  }
  return codes;
}

const body = (code: string, i: number, tag: string) =>
  JSON.stringify({
    notificationId: `${tag}-${i}`,
    transactionId: `${tag}-T-${i}`,
    paymentCode: code,
    amountFen: 12000,
    paidAt: new Date().toISOString(),
    status: 'paid',
  });

/** The server's own schema on PostgreSQL: the benchsrv_* schema that holds the case just filed. */
async function serverSchema(receiptNo: string): Promise<string> {
  const c = new pg.Client({ connectionString: PG_URL });
  await c.connect();
  try {
    const { rows } = await c.query<{ s: string }>(
      "select schema_name as s from information_schema.schemata where schema_name like 'benchsrv_%'",
    );
    for (const { s } of rows) {
      const hit = await c
        .query(`select 1 from ${s}.cases where receipt_no = $1`, [receiptNo])
        .catch(() => ({ rowCount: 0 }));
      if (hit.rowCount) return s;
    }
  } finally {
    await c.end();
  }
  throw new Error('bench: cannot find the server schema');
}

interface HttpFigures {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  requests: number;
  seconds: number;
  applied: number;
  receipts: number;
  appliedPerSec: number;
}

async function measureHttp(
  dialect: 'sqlite' | 'postgres',
  afterwards?: (h: DatabaseHandle, dataDir: string) => Promise<void>,
): Promise<HttpFigures> {
  const srv = await startServer(dialect, { PAYMENT_GATEWAY_NAME: GATEWAY, PAYMENT_GATEWAY_SECRET: SECRET });
  let h: DatabaseHandle | undefined;
  try {
    const auth = await login(srv.port, 'clerk', 'OneWindow2026');
    const search = (await (
      await fetch(
        `http://127.0.0.1:${srv.port}/api/v1/search?q=${encodeURIComponent('普通护照签发')}&limit=1`,
      )
    ).json()) as { items: { id: string }[] };
    const submit = await fetch(`http://127.0.0.1:${srv.port}/api/v1/cases`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: auth.cookie, 'x-csrf-token': auth.csrf },
      body: JSON.stringify({
        itemId: search.items[0]!.id,
        applicant: { kind: 'person', name: '基准测试', idNumber: '11010519491231002X' },
        form: {},
        materials: [],
      }),
    });
    if (submit.status !== 201) throw new Error(`bench: submission ${submit.status} ${await submit.text()}`);
    const receiptNo = ((await submit.json()) as { case: { receiptNo: string } }).case.receiptNo;
    h =
      dialect === 'sqlite'
        ? openDatabase({ sqliteFile: path.join(srv.dataDir, 'onewindow.db') })
        : openDatabase({ databaseUrl: PG_URL, pgSchema: await serverSchema(receiptNo), pgPoolSize: 4 });
    const codes = await makeForms(h, FORMS);
    const tag = `B${randomBytes(3).toString('hex')}`;
    const bodies = codes.map((c, i) => body(c, i, tag));
    // Request i carries notification ⌊i/2⌋: every notification is delivered twice, the two racing.
    // Each is signed once, as a gateway does: a redelivery resends the same signed message.
    const ts = Math.floor(Date.now() / 1000);
    const signed = bodies.map((raw) => ({
      [SIGNATURE_HEADER]: signBody(SECRET, ts, raw),
      [TIMESTAMP_HEADER]: String(ts),
    }));
    const req = (i: number) => {
      const k = Math.floor(i / 2) % bodies.length;
      return {
        method: 'POST',
        path: `/api/v1/payments/notifications/${GATEWAY}`,
        body: bodies[k]!,
        headers: signed[k]!,
      };
    };
    await load({
      port: srv.port,
      concurrency: 16,
      total: 400,
      maxSeconds: 10,
      request: (i) => req(bodies.length * 2 - 400 + i),
    }); // warm-up on the last 200 forms
    const r = await load({
      port: srv.port,
      concurrency: CONCURRENCY,
      total: bodies.length * 2 - 400,
      maxSeconds: SECONDS,
      request: req,
    });
    const sent = Math.ceil(r.requests / 2) + 200;
    const payments = Number(
      (
        await h.db
          .selectFrom('fee_payments')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('gateway', '=', GATEWAY)
          .executeTakeFirstOrThrow()
      ).n,
    );
    const receipts = Number(
      (
        await h.db
          .selectFrom('fee_receipts')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
    const ledger = await checkLedger(h.db);
    if (r.errors || payments !== sent || receipts !== payments || !ledger.ok) {
      throw new Error(
        `bench: not exactly once: ${r.requests} deliveries of ${sent} notifications, ${payments} payments, ${receipts} receipts, ${r.errors} errors, ledger ${ledger.ok ? 'ok' : JSON.stringify(ledger.violations.slice(0, 3))}`,
      );
    }
    if (afterwards) await afterwards(h, srv.dataDir);
    return { ...r, applied: payments - 200, receipts, appliedPerSec: (payments - 200) / r.seconds };
  } finally {
    await h?.close();
    await srv.stop();
  }
}

/**
 * Baseline on the same SQLite file (the server idle): the same kind of notifications applied one
 * transaction each, one after another; then through the group commit, every one delivered twice.
 */
async function measureInProcess(h: DatabaseHandle, dataDir: string) {
  const config = loadConfig({ DATA_DIR: dataDir });
  const rt = {
    db: h.db,
    clock: new ManualClock(new Date().toISOString()),
    calendars: new CalendarStore(h.db),
    config: config.fees,
    publicBaseUrl: config.publicBaseUrl,
  };
  const n = Math.min(FORMS, 3000);
  const one = await makeForms(h, n);
  const sets = [
    await makeForms(h, n / 2),
    await makeForms(h, n / 2),
    await makeForms(h, n / 2),
    await makeForms(h, n / 2),
  ];
  const at = new Date().toISOString();
  const notice = (code: string, i: number, tag: string) => ({
    gateway: GATEWAY,
    notificationId: `${tag}-${i}`,
    transactionId: `${tag}-T-${i}`,
    paymentCode: code,
    amountFen: 12000,
    paidAt: at,
  });
  let t0 = performance.now();
  for (let i = 0; i < one.length; i++) await applyNotifications(rt, [notice(one[i]!, i, 'ONE')]);
  const sequential = one.length / ((performance.now() - t0) / 1000);
  // Two ways of sharing commits, in alternating rounds: the notification batcher (a batch applied in
  // one transaction), and each notification its own unit of work in the database's commit group.
  const batcher = new NotificationBatcher(rt);
  const ways = {
    batched: (n: ReturnType<typeof notice>) => batcher.submit(n),
    grouped: async (n: ReturnType<typeof notice>) => (await applyNotifications(rt, [n]))[0]!,
  };
  const rates = { batched: [] as number[], grouped: [] as number[] };
  for (const [r, forms] of sets.entries()) {
    const way = r % 2 ? 'grouped' : 'batched';
    t0 = performance.now();
    const out = await Promise.all(
      forms.flatMap((c, i) => [ways[way](notice(c, i, `W${r}`)), ways[way](notice(c, i, `W${r}`))]),
    );
    rates[way].push(forms.length / ((performance.now() - t0) / 1000));
    if (out.filter((o) => o.status === 'applied').length !== forms.length)
      throw new Error(`bench: ${way} did not apply every notification once`);
  }
  if (!(await checkLedger(h.db)).ok) throw new Error('bench: ledger check failed after the in-process run');
  return { sequential, batched: rates.batched, grouped: rates.grouped };
}

export async function run(): Promise<BenchResult> {
  const results: BenchResult['results'] = [];
  let base = { sequential: 0, batched: [] as number[], grouped: [] as number[] };
  const s = await measureHttp('sqlite', async (h, dir) => {
    base = await measureInProcess(h, dir);
  });
  results.push(
    {
      label: `SQLite: notifications applied over HTTP, each delivered twice (${CONCURRENCY} concurrent)`,
      value: Math.round(s.appliedPerSec),
      unit: 'notifications/s',
    },
    {
      label: 'SQLite: deliveries answered (half of them duplicates)',
      value: Math.round(s.rps),
      unit: `requests/s (p50 ${s.p50.toFixed(1)} ms, p99 ${s.p99.toFixed(1)} ms, ${s.errors} errors)`,
    },
    {
      label: 'SQLite: exactly once',
      value: s.applied,
      unit: `payments for as many notifications, ${s.receipts} receipts in all, ledger check OK`,
    },
    {
      label: 'SQLite baseline, in process: one transaction per notification',
      value: Math.round(base.sequential),
      unit: 'notifications/s',
    },
    {
      label: 'SQLite in process: notification batcher (a batch in one transaction), every notification twice',
      value: Math.round(Math.max(...base.batched)),
      unit: `notifications/s (best of rounds ${base.batched.map(Math.round).join(', ')})`,
    },
    {
      label: "SQLite in process: each notification a unit of the database's commit group, every one twice",
      value: Math.round(Math.max(...base.grouped)),
      unit: `notifications/s (best of rounds ${base.grouped.map(Math.round).join(', ')})`,
    },
  );
  if (process.env.BENCH_SKIP_PG !== '1' && (await pgReachable())) {
    const p = await measureHttp('postgres');
    results.push({
      label: `PostgreSQL: notifications applied over HTTP, each delivered twice (${CONCURRENCY} concurrent)`,
      value: Math.round(p.appliedPerSec),
      unit: `notifications/s (p50 ${p.p50.toFixed(1)} ms, p99 ${p.p99.toFixed(1)} ms, ${p.errors} errors)`,
    });
  }
  return { name: 'payment notifications', results };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const r = await run();
  console.table(r.results);
}
