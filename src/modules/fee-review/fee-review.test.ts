import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { TestContext } from '../../../test/test-context.js';
import { Client, staff } from '../../../test/http.js';
import { deliver, notice, seeded, walkIn } from '../fees/fee-test-support.js';
import { conductDeps } from '../commitments/commitment-deps.js';
import { applyDueFeeChanges } from './apply-due-changes.js';
import type { LineViewT } from './schemas.js';

let t: TestContext;
let demo: (u: string) => Promise<Client>;
let clerk: Client, admin: Client, gaj: Client, scj: Client;

before(async () => {
  ({ t, demo } = await seeded());
  [clerk, admin, scj] = await Promise.all([demo('clerk'), demo('admin'), demo('reviewer')]);
  gaj = await staff(t, 'head.gaj', 'head', 'GAJ');
});
after(() => t.close());

const fees = async (caseId: string) => (await clerk.req('GET', `/api/v1/cases/${caseId}/fees`)).json();
const post = async (c: Client, url: string, body: unknown, status = 200) => {
  const r = await c.req('POST', `/api/v1${url}`, body);
  assert.equal(r.statusCode, status, r.body);
  return r.json();
};

test('an abolished fee is refused on a new payment form from its date; earlier forms keep their standard', async () => {
  // A passport paid this year: next year's saving is estimated from it.
  const paid = await walkIn(t, clerk, '普通护照签发');
  const paidForm = (await fees(paid.caseId)).forms[0];
  assert.equal(paidForm.chargedFen, 12000);
  assert.equal(
    (await deliver(t, notice(paidForm.paymentCode, 12000, t.clock.now().toISOString()))).statusCode,
    200,
  );

  await post(gaj, '/fee-review/rounds', { title: 'x' }, 403);
  const round = await post(
    admin,
    '/fee-review/rounds',
    { title: '2026 年度收费清理', feeCodes: ['FEE-GA-HZ', 'FEE-GA-SFZ'] },
    201,
  );
  assert.equal(round.lines.length, 2);
  const hz = round.lines.find((l: LineViewT) => l.feeCode === 'FEE-GA-HZ') as LineViewT;
  const sfz = round.lines.find((l: LineViewT) => l.feeCode === 'FEE-GA-SFZ') as LineViewT;
  assert.ok(hz.basis.length > 0, 'each line goes out with its legal basis');
  const again = await admin.req('POST', '/api/v1/fee-review/rounds', {
    title: '重复',
    feeCodes: ['FEE-GA-HZ'],
  });
  assert.equal(again.statusCode, 400, 'a fee is reviewed in one round at a time');

  // Only the fee's department proposes; a reduction must be lower, and says to what.
  await post(
    scj,
    `/fee-review/lines/${hz.id}/proposal`,
    { version: hz.version, proposal: 'abolish', reason: 'x' },
    403,
  );
  const higher = await gaj.req('POST', `/api/v1/fee-review/lines/${sfz.id}/proposal`, {
    version: sfz.version,
    proposal: 'reduce',
    reason: '成本下降',
    newStandard: '每证 30 元',
    newRule: { kind: 'fixed', amountFen: 3000 },
  });
  assert.equal(higher.statusCode, 400);
  const proposed = (await post(gaj, `/fee-review/lines/${hz.id}/proposal`, {
    version: hz.version,
    proposal: 'abolish',
    reason: '工本费已纳入财政预算保障',
  })) as LineViewT;
  const reduced = (await post(gaj, `/fee-review/lines/${sfz.id}/proposal`, {
    version: sfz.version,
    proposal: 'reduce',
    reason: '制证成本下降',
    newStandard: '每证 10 元',
    newRule: { kind: 'fixed', amountFen: 1000 },
  })) as LineViewT;

  // The authority sends one back once, then approves both for the new year.
  const back = (await post(admin, `/fee-review/lines/${reduced.id}/decision`, {
    version: reduced.version,
    decision: 'return',
    note: '请附成本测算',
  })) as LineViewT;
  assert.equal(back.state, 'returned');
  const again2 = (await post(gaj, `/fee-review/lines/${sfz.id}/proposal`, {
    version: back.version,
    proposal: 'reduce',
    reason: '制证成本下降，测算见附件',
    newStandard: '每证 10 元',
    newRule: { kind: 'fixed', amountFen: 1000 },
  })) as LineViewT;
  await post(admin, `/fee-review/lines/${again2.id}/decision`, {
    version: again2.version,
    decision: 'approve',
    effectiveDate: '2027-01-04',
  });
  const approved = (await post(admin, `/fee-review/lines/${proposed.id}/decision`, {
    version: proposed.version,
    decision: 'approve',
    effectiveDate: '2027-01-04',
  })) as LineViewT;
  assert.equal(approved.previousYearFen, 12000);
  assert.equal(approved.yearlySavingFen, 12000);

  // Before the date the fee is charged as before.
  const before = await walkIn(t, clerk, '普通护照签发');
  const beforeForm = (await fees(before.caseId)).forms[0];
  assert.equal(beforeForm.chargedFen, 12000);
  const pub = (await new Client(t.app).req('GET', '/api/v1/public/fee-changes')).json();
  assert.equal(pub.items.length, 2);
  assert.ok(pub.items.every((i: { inForce: boolean }) => !i.inForce));
  assert.equal(pub.totalYearlySavingFen, 12000);

  // From the date: the automatic issue waits, and a form by hand at the old standard is refused,
  // even before the catalogue is updated.
  t.clock.set('2027-01-04T01:30:00.000Z');
  await clerk.relogin();
  const after = await walkIn(t, clerk, '普通护照签发');
  assert.equal((await fees(after.caseId)).forms.length, 0);
  const refused = await clerk.req(
    'POST',
    `/api/v1/cases/${after.caseId}/fee-forms`,
    {},
    { 'accept-language': 'en' },
  );
  assert.equal(refused.statusCode, 422, refused.body);
  assert.equal(refused.json().code, 'fee_superseded');
  assert.match(refused.json().detail, /FEE-GA-HZ.*2027-01-04/);

  // The catalogue gets its new version; the item stops charging the fee; the earlier form stands.
  const deps = conductDeps(t);
  const [a, b] = await Promise.all([applyDueFeeChanges(deps), applyDueFeeChanges(deps)]);
  assert.equal(a + b, 2, 'applied once');
  assert.equal(await applyDueFeeChanges(deps), 0);
  const catalogue = (await new Client(t.app).req('GET', '/api/v1/public/fee-catalogue/versions')).json();
  assert.equal(catalogue.items.length, 1);
  assert.deepEqual(catalogue.items[0].changes.map((c: { feeCode: string }) => c.feeCode).sort(), [
    'FEE-GA-HZ',
    'FEE-GA-SFZ',
  ]);
  const entries = await t.db
    .selectFrom('fee_entries')
    .select(['code', 'status', 'rule', 'standard'])
    .where('code', 'in', ['FEE-GA-HZ', 'FEE-GA-SFZ'])
    .execute();
  const byCode = new Map(entries.map((e) => [e.code, e]));
  assert.equal(byCode.get('FEE-GA-HZ')!.status, 'withdrawn');
  assert.deepEqual(JSON.parse(byCode.get('FEE-GA-SFZ')!.rule), { kind: 'fixed', amountFen: 1000 });
  const item = (await new Client(t.app).req('GET', `/api/v1/items/${paid.itemId}`)).json();
  assert.ok(
    !JSON.stringify(item.fees ?? []).includes('FEE-GA-HZ'),
    'the item no longer charges the abolished fee',
  );
  const fresh = await walkIn(t, clerk, '普通护照签发');
  assert.equal((await fees(fresh.caseId)).forms.length, 0, 'a case under the new item version owes nothing');
  const stillOpen = (await fees(before.caseId)).forms[0];
  assert.equal(stillOpen.chargedFen, 12000, 'a form issued before the date follows the rule in force then');
  assert.equal(stillOpen.status, 'open');
  const inForce = (await new Client(t.app).req('GET', '/api/v1/public/fee-changes')).json();
  assert.ok(inForce.items.every((i: { inForce: boolean }) => i.inForce));
});
