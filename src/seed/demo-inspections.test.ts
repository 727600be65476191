import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createTestContext, type TestContext } from '../../test/test-context.js';
import { Client } from '../../test/http.js';
import { DEMO_PASSWORD, seedDemo } from './seed-demo.js';
import { seedDemoInspections } from './seed-demo-inspections.js';

let t: TestContext;
before(async () => {
  t = await createTestContext({ start: '2026-11-30T01:30:00.000Z' });
  await seedDemo(t.db, t.clock);
  assert.equal(await seedDemoInspections(t.appContext), 3);
});
after(() => t.close());

test('a fresh start shows a joint visit registered for today, a concluded one with its record, and the published lists', async () => {
  const sup = await new Client(t.app).login('supervisor', DEMO_PASSWORD);
  const all = (await sup.req('GET', '/api/v1/inspections')).json();
  assert.deepEqual(all.items.map((i: { state: string }) => i.state).sort(), [
    'concluded',
    'registered',
    'registered',
  ]);
  assert.equal(all.items.filter((i: { joint: boolean }) => i.joint).length, 2);
  const concluded = all.items.find((i: { state: string }) => i.state === 'concluded');
  assert.equal(
    (await sup.req('GET', `/api/v1/inspections/${concluded.id}/record`)).headers['content-type'],
    'application/pdf',
  );
  const enterprise = await new Client(t.app).login('enterprise', DEMO_PASSWORD);
  const sign = (await enterprise.req('GET', '/api/v1/enterprise/sign')).json();
  const page = (await new Client(t.app).req('GET', `/api/v1/inspect/${sign.code}`)).json();
  assert.equal(page.registrations.length, 2);
  assert.equal((await new Client(t.app).req('GET', '/api/v1/inspectors')).json().length, 4);
  assert.equal(await seedDemoInspections(t.appContext), 0, 'seeding again adds nothing');
});
