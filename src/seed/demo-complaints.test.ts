import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createTestContext, type TestContext } from '../../test/test-context.js';
import { seedDemo } from './seed-demo.js';
import { seedDemoComplaints } from './demo-complaints.js';
import { complaintModule } from '../modules/complaints/complaint-module.js';

let t: TestContext;
before(async () => {
  t = await createTestContext({ start: '2026-11-30T01:30:00.000Z' });
  await seedDemo(t.db, t.clock);
});
after(() => t.close());

test('a fresh start shows reports in every state of the loop, once', async () => {
  const deps = complaintModule(t.appContext).deps;
  assert.equal(await seedDemoComplaints(deps), 9);
  const rows = await t.db.selectFrom('complaints').select(['state', 'route', 'rating']).execute();
  const states = new Set(rows.map((r) => r.state));
  for (const s of [
    'submitted',
    'accepted',
    'dispatched',
    'returned',
    'replied',
    'closed',
    'merged',
    'not_accepted',
  ])
    assert.ok(states.has(s), s);
  assert.ok(rows.some((r) => r.route === 'supervisors'));
  assert.ok(rows.some((r) => r.rating === 4));
  assert.equal(await seedDemoComplaints(deps), 0);
});
