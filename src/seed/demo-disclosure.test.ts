import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { createTestContext, type TestContext } from '../../test/test-context.js';
import { Client } from '../../test/http.js';
import { seedDemo, DEMO_PASSWORD } from './seed-demo.js';
import { seedDemoDisclosure } from './demo-disclosure.js';

let t: TestContext;
before(async () => {
  t = await createTestContext({ start: '2026-11-30T01:30:00.000Z' });
  await seedDemo(t.db, t.clock);
});
after(() => t.close());

test('the disclosure demo: amended, expired and repealed documents, item links, one overdue village', async () => {
  assert.ok((await seedDemoDisclosure(t)) > 0);
  assert.equal(await seedDemoDisclosure(t), 0);
  const visitor = new Client(t.app);
  const docs = (await visitor.req('GET', '/api/v1/disclosure/documents')).json().items as {
    docNo: string;
    standing: string;
  }[];
  const standing = Object.fromEntries(docs.map((d) => [d.docNo, d.standing]));
  assert.equal(standing['清民规〔2022〕2号'], 'amended');
  assert.equal(standing['清民规〔2025〕1号'], 'in_force');
  assert.equal(standing['清人防规〔2021〕1号'], 'expired');
  assert.equal(standing['清住建规〔2019〕2号'], 'repealed');
  const item = (
    await visitor.req('GET', '/api/v1/disclosure/items/11330900MB19250014-XK-001/documents')
  ).json();
  assert.equal(item.documents[0].document.standing, 'expired');
  const villages = (await visitor.req('GET', '/api/v1/disclosure/villages')).json().items as {
    code: string;
    overdue: number;
  }[];
  assert.deepEqual(
    villages.map((v) => `${v.code}:${v.overdue}`),
    ['CGZ-DG:0', 'CGZ-NL:0', 'CGZ-XH:1'],
  );
  const signals = await t.db
    .selectFrom('supervision_signals')
    .select('kind')
    .where('kind', '=', 'village_disclosure_overdue')
    .execute();
  assert.equal(signals.length, 1);
  // The township's clerk publishes for the villages of the civil affairs bureau.
  const township = await new Client(t.app).login('township', DEMO_PASSWORD);
  const r = await township.req('POST', '/api/v1/disclosure/villages/CGZ-XH/statements', {
    period: '2026-Q4',
    income: [],
    expenditure: [],
    assets: [],
    majorMatters: ['村集体经济合作社换届'],
  });
  assert.equal(r.statusCode, 201, r.body);
});
