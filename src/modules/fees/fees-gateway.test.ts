import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { TestContext } from '../../../test/test-context.js';
import type { Client } from '../../../test/http.js';
import { checkLedger } from './check-ledger.js';
import { luhnDigit } from './codes.js';
import { deliver, GATEWAY, notice, seeded, walkIn } from './fee-test-support.js';

let t: TestContext;
let demo: (u: string) => Promise<Client>;
let clerk: Client, admin: Client;

before(async () => {
  ({ t, demo } = await seeded());
  [clerk, admin] = await Promise.all([demo('clerk'), demo('admin')]);
});
after(() => t.close());

async function passportForm() {
  const { caseId } = await walkIn(t, clerk, '普通护照签发');
  return { caseId, form: (await clerk.req('GET', `/api/v1/cases/${caseId}/fees`)).json().forms[0] };
}
const count = async (table: 'fee_payments' | 'fee_receipts' | 'fee_refunds', formId: string) =>
  Number(
    (
      await t.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('form_id', '=', formId)
        .executeTakeFirstOrThrow()
    ).n,
  );

test('a signed notification is applied once however often it is delivered', async () => {
  const { form } = await passportForm();
  const n = notice(form.paymentCode, 12000, t.clock.now().toISOString());
  const first = await deliver(t, n);
  assert.equal(first.statusCode, 200, first.body);
  assert.equal(first.json().status, 'applied');
  assert.match(first.json().receipt, /^SJ\d{12}$/);
  const results = await Promise.all([deliver(t, n), deliver(t, n), deliver(t, n)]);
  assert.deepEqual(
    results.map((r) => [r.statusCode, r.json().status]),
    [
      [200, 'duplicate'],
      [200, 'duplicate'],
      [200, 'duplicate'],
    ],
  );
  // The same gateway transaction under another notification id is the same money.
  const renamed = await deliver(t, { ...n, notificationId: `${n.notificationId}-retry` });
  assert.equal(renamed.json().status, 'duplicate');
  assert.equal(await count('fee_payments', form.id), 1);
  assert.equal(await count('fee_receipts', form.id), 1);
  const f = (await clerk.req('GET', `/api/v1/fee-forms/${form.id}`)).json();
  assert.equal(f.status, 'settled');
  assert.equal(f.payments[0].gateway, GATEWAY);
  assert.equal(f.payments[0].reference, n.transactionId);
});

test('bad signatures, stale timestamps, unknown gateways and malformed bodies are refused', async () => {
  const { form } = await passportForm();
  const n = notice(form.paymentCode, 100, t.clock.now().toISOString());
  const forged = await deliver(t, n, { secret: 'someone-else-s-secret-0123456789abcdef' });
  assert.equal(forged.statusCode, 401);
  assert.equal(forged.json().code, 'notification_rejected');
  const old = await deliver(t, n, { at: Math.floor(t.clock.now().getTime() / 1000) - 3600 });
  assert.equal(old.statusCode, 401, 'a replay of an hour-old notification');
  assert.match(old.json().detail, /replay/);
  const tampered = await t.app.inject({
    method: 'POST',
    url: `/api/v1/payments/notifications/${GATEWAY}`,
    payload: JSON.stringify({ ...n, amountFen: 99999 }),
    headers: { ...(await signedHeaders(n)), 'content-type': 'application/json' },
  });
  assert.equal(tampered.statusCode, 401, 'the signature covers the body');
  const unsigned = await t.app.inject({
    method: 'POST',
    url: `/api/v1/payments/notifications/${GATEWAY}`,
    payload: JSON.stringify(n),
    headers: { 'content-type': 'application/json' },
  });
  assert.equal(unsigned.statusCode, 401);
  assert.equal((await deliver(t, n, { gateway: 'nope' })).statusCode, 404);
  const badBody = await deliver(t, { ...n, amountFen: -5 });
  assert.equal(badBody.statusCode, 401);
  const badCode = await deliver(t, { ...n, paymentCode: '12345678901234567890' });
  assert.equal(badCode.statusCode, 401, 'a payment code with a wrong check digit');
  assert.equal(await count('fee_payments', form.id), 0, 'nothing refused was applied');
});

async function signedHeaders(n: object) {
  const { signBody, SIGNATURE_HEADER, TIMESTAMP_HEADER } = await import('./gateway/signature.js');
  const ts = Math.floor(t.clock.now().getTime() / 1000);
  return {
    [SIGNATURE_HEADER]: signBody('x'.repeat(40), ts, JSON.stringify(n)),
    [TIMESTAMP_HEADER]: String(ts),
  };
}

test('a notification for an unknown payment code is kept for reconciliation, not applied', async () => {
  const code = `1234567890123456789${luhnDigit('1234567890123456789')}`;
  const r = await deliver(t, notice(code, 500, t.clock.now().toISOString()));
  assert.equal(r.statusCode, 200, r.body);
  assert.equal(r.json().status, 'unmatched');
  const row = await t.db
    .selectFrom('fee_gateway_notifications')
    .selectAll()
    .where('payment_code', '=', code)
    .executeTakeFirstOrThrow();
  assert.equal(row.status, 'unmatched');
});

test('overpaid, paid twice, paid late: the extra becomes a refund the unit files, finance approves and pays', async () => {
  const { form } = await passportForm();
  const over = await deliver(t, notice(form.paymentCode, 15000, t.clock.now().toISOString()));
  assert.deepEqual([over.json().appliedFen, over.json().excessFen], [12000, 3000]);
  const twice = await clerk.req('POST', `/api/v1/fee-forms/${form.id}/counter-payments`, {
    method: 'cash',
    amountFen: 100,
  });
  assert.equal(twice.statusCode, 409, 'the counter does not take money for a settled form');
  const second = await deliver(t, notice(form.paymentCode, 12000, t.clock.now().toISOString()));
  assert.deepEqual(
    [second.json().appliedFen, second.json().excessFen, second.json().receipt],
    [0, 12000, null],
  );

  const f = (await clerk.req('GET', `/api/v1/fee-forms/${form.id}`)).json();
  assert.equal(f.refunds.length, 2);
  assert.ok(
    f.refunds.every(
      (r: { status: string; source: string; origin: string }) =>
        r.status === 'found' && r.source === 'excess' && r.origin === 'overpayment',
    ),
  );
  assert.deepEqual(f.refunds.map((r: { amountFen: number }) => r.amountFen).sort(), [12000, 3000]);
  const clock = await t.db
    .selectFrom('clocks')
    .selectAll()
    .where('id', '=', f.refunds[0].clockId)
    .executeTakeFirstOrThrow();
  assert.equal(clock.subject_type, 'refund');
  assert.equal(clock.limit_days, 5, 'a refund the unit finds is filed within 5 working days');

  const r0 = f.refunds[0];
  assert.equal(
    (await clerk.req('POST', `/api/v1/fee-refunds/${r0.id}/approval`, { version: r0.version, approve: true }))
      .statusCode,
    403,
    'finance approves, not the window',
  );
  const filed = await clerk.req('POST', `/api/v1/fee-refunds/${r0.id}/file`, { version: r0.version });
  assert.equal(filed.statusCode, 200, filed.body);
  assert.equal(filed.json().status, 'filed');
  const approvalClock = await t.db
    .selectFrom('clocks')
    .selectAll()
    .where('id', '=', filed.json().clockId)
    .executeTakeFirstOrThrow();
  assert.equal(approvalClock.limit_days, 10);
  const approved = await admin.req('POST', `/api/v1/fee-refunds/${r0.id}/approval`, {
    version: filed.json().version,
    approve: true,
    note: '同意退付',
  });
  assert.equal(approved.statusCode, 200, approved.body);
  const paid = await admin.req('POST', `/api/v1/fee-refunds/${r0.id}/payment`, {
    version: approved.json().version,
    method: 'original_channel',
    reference: 'RF-0001',
  });
  assert.equal(paid.statusCode, 200, paid.body);
  assert.equal(paid.json().status, 'paid');
  const stopped = await t.db
    .selectFrom('clocks')
    .select(['status', 'outcome'])
    .where('subject_id', '=', r0.id)
    .execute();
  assert.ok(
    stopped.every((c) => c.status === 'stopped'),
    'every step clock stopped',
  );
  const history = await t.db
    .selectFrom('audit_events')
    .select('action')
    .where('entity_id', '=', r0.id)
    .orderBy('at')
    .execute();
  assert.deepEqual(history.map((h) => h.action).sort(), [
    'refund.approved',
    'refund.filed',
    'refund.found',
    'refund.paid',
  ]);

  // Late: paid after the due date, the payment is still taken and marked late.
  const { form: late } = await passportForm();
  t.clock.set('2026-12-31T02:00:00.000Z');
  await admin.relogin();
  const lr = await deliver(t, notice(late.paymentCode, 12000, t.clock.now().toISOString()));
  assert.equal(lr.json().status, 'applied');
  const lf = (await admin.req('GET', `/api/v1/fee-forms/${late.id}`)).json();
  assert.equal(lf.payments[0].late, true);
  assert.equal(lf.status, 'settled');
  assert.deepEqual((await checkLedger(t.db)).violations, []);
});
