import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { TestContext } from '../../../test/test-context.js';
import type { Client } from '../../../test/http.js';
import { checkLedger } from './check-ledger.js';
import { seeded, walkIn } from './fee-test-support.js';

let t: TestContext;
let clerk: Client, admin: Client;

before(async () => {
  let demo: (u: string) => Promise<Client>;
  ({ t, demo } = await seeded());
  [clerk, admin] = await Promise.all([demo('clerk'), demo('admin')]);
});
after(() => t.close());

const fees = async (caseId: string) => (await clerk.req('GET', `/api/v1/cases/${caseId}/fees`)).json();
const version = async (caseId: string) =>
  (await clerk.req('GET', `/api/v1/cases/${caseId}`)).json().version as number;
const payOnline = (code: string, amountFen: number) =>
  t.app.inject({ method: 'POST', url: `/api/v1/pay/${code}/confirm`, payload: { amountFen } });

test('a withdrawn case collects nothing more: what is owed is cancelled and what was paid is put up for refund', async () => {
  const { caseId } = await walkIn(t, clerk, '普通护照签发');
  const form = (await fees(caseId)).forms[0];
  assert.equal(form.outstandingFen, 12000);
  assert.equal((await payOnline(form.paymentCode, 5000)).statusCode, 200);

  const w = await clerk.req('POST', `/api/v1/cases/${caseId}/withdraw`, {
    version: await version(caseId),
    reason: '申请人不再出境',
  });
  assert.equal(w.statusCode, 200, w.body);

  const after = (await fees(caseId)).forms[0];
  assert.equal(after.status, 'cancelled');
  assert.equal(after.outstandingFen, 0);
  assert.equal(after.paidFen, 5000);
  assert.match(after.cancelReason ?? '', /办件已撤回/);
  assert.equal(after.refunds.length, 1, JSON.stringify(after.refunds));
  assert.deepEqual(
    {
      origin: after.refunds[0].origin,
      source: after.refunds[0].source,
      amountFen: after.refunds[0].amountFen,
      status: after.refunds[0].status,
    },
    { origin: 'unit', source: 'fee', amountFen: 5000, status: 'found' },
  );
  assert.ok(after.refunds[0].clockId, 'the unit must file the refund on a clock');
  // A late payment for the cancelled form is money beyond the fees: refunded, never kept.
  const late = await payOnline(form.paymentCode, 7000);
  assert.deepEqual(
    {
      status: late.json().status,
      appliedFen: late.json().appliedFen,
      excessFen: late.json().excessFen,
      receipt: late.json().receipt,
    },
    { status: 'applied', appliedFen: 0, excessFen: 7000, receipt: null },
  );
  const refunds = (await fees(caseId)).forms[0].refunds as {
    origin: string;
    source: string;
    amountFen: number;
  }[];
  assert.deepEqual(refunds.map((x) => [x.origin, x.source, x.amountFen]).sort(), [
    ['overpayment', 'excess', 7000],
    ['unit', 'fee', 5000],
  ]);
  assert.deepEqual((await checkLedger(t.db)).violations, []);
});

test('a case not accepted cancels its unpaid form and opens no refund', async () => {
  const { caseId } = await walkIn(t, clerk, '普通护照签发');
  const r = await clerk.req('POST', `/api/v1/cases/${caseId}/refuse-intake`, {
    version: await version(caseId),
    reasons: ['申请事项依法不需要取得行政许可'],
  });
  assert.equal(r.statusCode, 200, r.body);
  const form = (await fees(caseId)).forms[0];
  assert.equal(form.status, 'cancelled');
  assert.equal(form.outstandingFen, 0);
  assert.equal(form.chargedFen, 0);
  assert.equal(form.refunds.length, 0);
  assert.match(form.cancelReason ?? '', /不予受理/);
  assert.deepEqual((await checkLedger(t.db)).violations, []);
});

test('a settled form of a withdrawn case stays settled and its whole fee is put up for refund', async () => {
  const { caseId } = await walkIn(t, clerk, '普通护照签发');
  const form = (await fees(caseId)).forms[0];
  assert.equal((await payOnline(form.paymentCode, 12000)).statusCode, 200);
  assert.equal(
    (
      await clerk.req('POST', `/api/v1/cases/${caseId}/withdraw`, {
        version: await version(caseId),
        reason: '申请人不再出境',
      })
    ).statusCode,
    200,
  );
  const after = (await fees(caseId)).forms[0];
  assert.equal(after.status, 'settled');
  assert.deepEqual(
    after.refunds.map((x: { amountFen: number; origin: string }) => [x.amountFen, x.origin]),
    [[12000, 'unit']],
  );
  assert.deepEqual((await checkLedger(t.db)).violations, []);
});

test('the applicant is told of a payment form (amount, code, due date) and of a refund paid back', async () => {
  const { caseId } = await walkIn(t, clerk, '普通护照签发');
  const form = (await fees(caseId)).forms[0];
  const notices = async (kind: string) =>
    (
      await t.db
        .selectFrom('notification_outbox')
        .select(['recipient_type', 'recipient_id', 'payload'])
        .where('kind', '=', kind)
        .where('subject_id', '=', caseId)
        .execute()
    ).map((n) => ({
      to: [n.recipient_type, n.recipient_id],
      payload: JSON.parse(n.payload) as Record<string, unknown>,
    }));
  const issued = await notices('fee_form_issued');
  assert.equal(issued.length, 1);
  assert.deepEqual(issued[0]!.to, ['applicant', caseId]);
  assert.deepEqual(
    { ...issued[0]!.payload, title: undefined },
    {
      receiptNo: (await clerk.req('GET', `/api/v1/cases/${caseId}`)).json().receiptNo,
      title: undefined,
      formNumber: form.number,
      amountFen: 12000,
      dueDate: form.dueDate,
      paymentCode: form.paymentCode,
    },
  );

  assert.equal((await payOnline(form.paymentCode, 12000)).statusCode, 200);
  assert.equal(
    (
      await clerk.req('POST', `/api/v1/cases/${caseId}/withdraw`, {
        version: await version(caseId),
        reason: '申请人不再出境',
      })
    ).statusCode,
    200,
  );
  assert.deepEqual(await notices('fee_refund_paid'), [], 'nothing is said before the money goes back');
  let refund = (await fees(caseId)).forms[0].refunds[0];
  refund = (
    await clerk.req('POST', `/api/v1/fee-refunds/${refund.id}/file`, { version: refund.version })
  ).json();
  refund = (
    await admin.req('POST', `/api/v1/fee-refunds/${refund.id}/approval`, {
      version: refund.version,
      approve: true,
    })
  ).json();
  const paid = await admin.req('POST', `/api/v1/fee-refunds/${refund.id}/payment`, {
    version: refund.version,
    method: 'original_channel',
    reference: 'RF-0001',
  });
  assert.equal(paid.statusCode, 200, paid.body);
  const told = await notices('fee_refund_paid');
  assert.equal(told.length, 1);
  assert.deepEqual(
    { ...told[0]!.payload, title: undefined, receiptNo: undefined },
    { title: undefined, receiptNo: undefined, formNumber: form.number, amountFen: 12000 },
  );
  assert.deepEqual((await checkLedger(t.db)).violations, []);
});
