import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { createTestContext, type TestContext } from '../../test/test-context.js';
import { Client } from '../../test/http.js';
import { seedDemo, DEMO_PASSWORD } from './seed-demo.js';
import { seedDemoConduct } from './demo-conduct.js';

let t: TestContext;
before(async () => {
  t = await createTestContext({ start: '2026-11-30T01:30:00.000Z' });
  await seedDemo(t.db, t.clock);
});
after(() => t.close());

test('the conduct demo shows each part working, and loads once', async () => {
  assert.ok((await seedDemoConduct(t)) > 0);
  assert.equal(await seedDemoConduct(t), 0);
  const visitor = new Client(t.app);
  const commitments = (await visitor.req('GET', '/api/v1/public/departments/SCJ/commitments')).json();
  assert.equal(commitments.items.length, 5);
  const changes = (await visitor.req('GET', '/api/v1/public/fee-changes')).json();
  assert.deepEqual(
    changes.items.map((i: { feeCode: string; change: string }) => `${i.feeCode}:${i.change}`),
    ['FEE-GA-LSHP:abolish'],
  );
  const sup = await new Client(t.app).login('supervisor', DEMO_PASSWORD);
  const campaigns = (await sup.req('GET', '/api/v1/self-inspection/campaigns')).json();
  assert.equal(campaigns.items.length, 1);
  assert.equal(campaigns.items[0].tally.filed, 1);
  const clerk = await new Client(t.app).login('clerk', DEMO_PASSWORD);
  const library = (await clerk.req('GET', '/api/v1/learning/materials')).json();
  assert.equal(library.items.length, 9);
  assert.deepEqual(
    [...new Set(library.items.map((m: { volume: string }) => m.volume))].length,
    5,
    'every volume has material',
  );
  assert.equal(
    (await clerk.req('GET', '/api/v1/learning/my-assignments')).json().items.length,
    4,
    'the four rules',
  );
});
