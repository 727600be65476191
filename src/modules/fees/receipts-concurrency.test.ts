import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { TEST_DIALECT, type TestContext } from '../../../test/test-context.js';
import { openDatabase, type DatabaseHandle } from '../../db/database.js';
import { systemActor } from '../../shared/actor.js';
import { CalendarStore } from '../clock/calendar-store.js';
import { checkLedger } from './check-ledger.js';
import { seeded, walkIn } from './fee-test-support.js';
import { NotificationBatcher } from './notification-batcher.js';
import { recordCounterPayment } from './record-counter-payment.js';
import type { FeeRuntime } from './runtime.js';

let t: TestContext;
let second: DatabaseHandle | undefined;
after(async () => {
  await second?.close();
  await t?.close();
});

/**
 * Two app instances take payments at the same moment: gateway notifications (each delivered to
 * both instances) and counter payments. On PostgreSQL each instance has its own pool, as two
 * servers would. Every receipt number of the year is used exactly once, in order, without a gap.
 */
test(`two instances issuing receipts at once on ${TEST_DIALECT} never skip or repeat a number`, async () => {
  let demo;
  ({ t, demo } = await seeded());
  const clerk = await demo('clerk');
  const forms: { id: string; paymentCode: string }[] = [];
  for (let i = 0; i < 30; i++) {
    const { caseId } = await walkIn(t, clerk, '普通护照签发');
    forms.push((await clerk.req('GET', `/api/v1/cases/${caseId}/fees`)).json().forms[0]);
  }
  let other: DatabaseHandle = t.database;
  if (TEST_DIALECT === 'postgres') {
    const schema = await t.db
      .selectNoFrom((eb) => eb.fn<string>('current_schema', []).as('s'))
      .executeTakeFirstOrThrow();
    second = openDatabase({ databaseUrl: process.env.TEST_DATABASE_URL, pgSchema: schema.s, pgPoolSize: 4 });
    other = second;
  }
  const runtime = (h: DatabaseHandle): FeeRuntime => ({
    db: h.db,
    clock: t.clock,
    calendars: new CalendarStore(h.db),
    config: t.config.fees,
    publicBaseUrl: t.config.publicBaseUrl,
  });
  const [a, b] = [runtime(t.database), runtime(other)];
  const [ba, bb] = [
    new NotificationBatcher(a, { maxBatch: 4, parallel: 2 }),
    new NotificationBatcher(b, { maxBatch: 4, parallel: 2 }),
  ];
  const at = t.clock.now().toISOString();
  const jobs: Promise<unknown>[] = [];
  const clerkActor = { ...systemActor('test'), id: null, role: 'clerk' as const };
  forms.forEach((f, i) => {
    if (i % 3 === 2) {
      // Counter payments in two halves, one at each instance.
      jobs.push(recordCounterPayment(a, clerkActor, f.id, { method: 'cash', amountFen: 6000 }));
      jobs.push(
        recordCounterPayment(b, clerkActor, f.id, {
          method: 'pos',
          amountFen: 6000,
          reference: `POS-C-${i}`,
        }),
      );
      return;
    }
    const n = {
      gateway: 'unionpay-test',
      notificationId: `C-${i}`,
      transactionId: `CT-${i}`,
      paymentCode: f.paymentCode,
      amountFen: i % 3 === 0 ? 12000 : 5000,
      paidAt: at,
    };
    jobs.push(ba.submit(n), bb.submit(n), (i % 2 ? ba : bb).submit(n));
  });
  const outcomes = await Promise.all(jobs);
  const applied = outcomes.filter((o) => (o as { status?: string }).status === 'applied').length;
  const dup = outcomes.filter((o) => (o as { status?: string }).status === 'duplicate').length;
  assert.equal(applied, 20, 'each notification applied once');
  assert.equal(dup, 40, 'every other delivery was a duplicate');

  const receipts = await t.db
    .selectFrom('fee_receipts')
    .select(['seq', 'number'])
    .where('year', '=', 2026)
    .orderBy('seq')
    .execute();
  assert.equal(receipts.length, 20 + 20, 'one receipt per applied payment');
  assert.deepEqual(
    receipts.map((r) => r.seq),
    receipts.map((_, i) => i + 1),
    'numbers 1..n: no gap, no repeat',
  );
  assert.equal(new Set(receipts.map((r) => r.number)).size, receipts.length);
  const report = await checkLedger(t.db);
  assert.deepEqual(report.violations, []);
});
