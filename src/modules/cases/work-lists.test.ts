import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createTestContext, type TestContext } from '../../../test/test-context.js';
import { Client } from '../../../test/http.js';
import { seedDemo, DEMO_PASSWORD } from '../../seed/seed-demo.js';

type Material = { name: string; required: boolean; source: string };
let t: TestContext;
let clerk: Client, wjw: Client, reviewer: Client;
const demo = (u: string) => new Client(t.app).login(u, DEMO_PASSWORD);

before(async () => {
  t = await createTestContext({ start: '2026-11-30T01:30:00.000Z' }); // Monday 09:30 in 清河
  await seedDemo(t.db, t.clock);
  [clerk, wjw, reviewer] = await Promise.all([demo('clerk'), demo('reviewer.wjw'), demo('reviewer')]);
});
after(() => t.close());

async function bundleCase() {
  const bundle = (await new Client(t.app).req('GET', '/api/v1/bundles/YJS-KBG')).json();
  const r = await clerk.req('POST', '/api/v1/cases', {
    bundleCode: 'YJS-KBG',
    applicant: { kind: 'enterprise', name: '清河市悦来宾馆有限公司', creditCode: '91350100M000100Y43' },
    form: { 场所: '清河市滨江路8号' },
    materials: bundle.materials
      .filter((m: Material) => m.required && ['applicant', 'window_check'].includes(m.source))
      .map((m: Material) => ({ name: m.name, paper: true })),
    window: 'E01',
  });
  assert.equal(r.statusCode, 201, r.body);
  return { bundle, c: r.json().case };
}

test("the window's queue: several states at once, counts per state, each case's running deadline", async () => {
  const { c } = await bundleCase();
  const open = (await clerk.req('GET', '/api/v1/cases?state=received,under_review&pageSize=100')).json();
  const row = open.items.find((x: { id: string }) => x.id === c.id);
  assert.ok(row, 'a received case is in the open queue');
  assert.ok(row.dueDate, 'with the acceptance deadline it works to');
  assert.equal(row.colour, 'green');
  assert.ok(open.counts.received >= 1);
  assert.equal(
    open.total,
    (open.counts.received ?? 0) + (open.counts.under_review ?? 0),
    'the total is the sum of the states asked for',
  );
  const one = (await clerk.req('GET', '/api/v1/cases?state=completed')).json();
  assert.deepEqual(one.counts, open.counts, 'counts ignore the state filter');
});

test("a co-department's workbench row names its own item, and its case view lists only its items' materials", async () => {
  const { bundle, c } = await bundleCase();
  const acc = await clerk.req('POST', `/api/v1/cases/${c.id}/accept`, { version: c.version });
  assert.equal(acc.statusCode, 200, acc.body);
  const full = acc.json().case as {
    items: { itemId: string; name: string; department: { code: string } | null }[];
    materials: { name: string }[];
  };
  const wjwItem = full.items.find((i) => i.department?.code === 'WJW')!;
  assert.ok(wjwItem, 'the bundle has a 卫健委 item');
  const work = (await wjw.req('GET', '/api/v1/worklist')).json();
  const row = work.items.find((w: { caseId: string }) => w.caseId === c.id);
  assert.equal(row.title, wjwItem.name);
  assert.equal(row.caseTitle, bundle.name);

  const seen = (await wjw.req('GET', `/api/v1/cases/${c.id}`)).json();
  assert.ok(seen.materials.length > 0);
  assert.ok(seen.materials.length < full.materials.length, 'fewer than the whole bundle');
  const lead = (await reviewer.req('GET', `/api/v1/cases/${c.id}`)).json();
  assert.equal(lead.materials.length, full.materials.length, 'the lead department sees every material');
});
