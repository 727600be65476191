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

test('fees check compares the number printed on a receipt with its sequence', async () => {
  const { caseId } = await walkIn(t, clerk, '普通护照签发');
  const form = (await clerk.req('GET', `/api/v1/cases/${caseId}/fees`)).json().forms[0];
  const paid = await clerk.req('POST', `/api/v1/fee-forms/${form.id}/counter-payments`, {
    method: 'cash',
    amountFen: form.outstandingFen,
  });
  assert.equal(paid.statusCode, 201, paid.body);
  const number: string = paid.json().receipt.number;
  assert.deepEqual((await checkLedger(t.db)).violations, []);
  // Renumbered by hand: the sequence is still gap-free, the paper is not.
  const printed = number.replace(/\d{8}$/, '00009999');
  await t.db.updateTable('fee_receipts').set({ number: printed }).where('number', '=', number).execute();
  const report = await checkLedger(t.db);
  assert.equal(report.ok, false);
  assert.deepEqual(
    report.violations.map((v) => [v.check, v.subject]),
    [['receipt_number', `receipt ${printed}`]],
  );
  await t.db.updateTable('fee_receipts').set({ number }).where('number', '=', printed).execute();
});
