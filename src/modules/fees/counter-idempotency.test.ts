import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { TestContext } from '../../../test/test-context.js';
import type { Client } from '../../../test/http.js';
import { checkLedger } from './check-ledger.js';
import { seeded, walkIn } from './fee-test-support.js';

let t: TestContext;
let clerk: Client;

before(async () => {
  let demo: (u: string) => Promise<Client>;
  ({ t, demo } = await seeded());
  clerk = await demo('clerk');
});
after(() => t.close());

const formOf = async (caseId: string) =>
  (await clerk.req('GET', `/api/v1/cases/${caseId}/fees`)).json().forms[0];

test('a retried counter payment with the same Idempotency-Key records the money once', async () => {
  const { caseId } = await walkIn(t, clerk, '普通护照签发');
  const form = await formOf(caseId);
  const pay = (body: Record<string, unknown>, key: string) =>
    clerk.req('POST', `/api/v1/fee-forms/${form.id}/counter-payments`, body, { 'idempotency-key': key });
  const first = await pay({ method: 'cash', amountFen: 5000 }, 'counter-retry-0001');
  assert.equal(first.statusCode, 201, first.body);
  const again = await pay({ method: 'cash', amountFen: 5000 }, 'counter-retry-0001');
  assert.equal(again.statusCode, 200, again.body);
  assert.equal(again.json().payment.id, first.json().payment.id);
  assert.equal(again.json().receipt.number, first.json().receipt.number);
  const other = await pay({ method: 'cash', amountFen: 7000 }, 'counter-retry-0001');
  assert.equal(other.statusCode, 400);
  assert.equal(other.json().errors[0].code, 'idempotency_key_reused');
  // Two identical requests at once (a double click): one payment.
  const [a, b] = await Promise.all([
    pay({ method: 'cash', amountFen: 2000 }, 'counter-race-0002'),
    pay({ method: 'cash', amountFen: 2000 }, 'counter-race-0002'),
  ]);
  assert.deepEqual([a.statusCode, b.statusCode].sort(), [200, 201], `${a.body} ${b.body}`);
  assert.equal(a.json().payment.id, b.json().payment.id);
  const after = await formOf(caseId);
  assert.equal(after.paidFen, 7000);
  assert.equal(after.payments.length, 2);
  // Without a key every request is a payment of its own, as before.
  const plain = await clerk.req('POST', `/api/v1/fee-forms/${form.id}/counter-payments`, {
    method: 'cash',
    amountFen: 1000,
  });
  assert.equal(plain.statusCode, 201);
  assert.deepEqual((await checkLedger(t.db)).violations, []);
});

test('identical retries at once that settle the form: the second waits and gets the first answer, not 409', async () => {
  const { caseId } = await walkIn(t, clerk, '普通护照签发');
  const form = await formOf(caseId);
  const body = { method: 'cash', amountFen: form.outstandingFen };
  const answers = await Promise.all(
    [1, 2, 3].map(() =>
      clerk.req('POST', `/api/v1/fee-forms/${form.id}/counter-payments`, body, {
        'idempotency-key': 'counter-settle-0003',
      }),
    ),
  );
  assert.deepEqual(
    answers.map((a) => a.statusCode).sort(),
    [200, 200, 201],
    answers.map((a) => a.body).join('\n'),
  );
  assert.equal(new Set(answers.map((a) => a.json().payment.id)).size, 1, 'one payment');
  assert.equal(new Set(answers.map((a) => a.json().receipt.number)).size, 1, 'one receipt');
  assert.equal((await formOf(caseId)).status, 'settled');
  assert.deepEqual((await checkLedger(t.db)).violations, []);
});
