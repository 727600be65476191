import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { createTestContext, type TestContext } from '../../../test/test-context.js';
import { staff } from '../../../test/http.js';
import { audited } from '../audit/audited-transaction.js';
import { systemActor } from '../../shared/actor.js';
import { startClock } from './start-clock.js';

let t: TestContext;
after(() => t.close());

test('in test time mode an administrator moves time forward and supervision runs at once', async () => {
  t = await createTestContext({ testTimeMode: true });
  assert.ok(t.testClock, 'test mode gives the server a movable clock');
  const admin = await staff(t, 'admin1', 'admin');
  const clerk = await staff(t, 'sup1', 'supervisor');
  const cal = await t.calendars.get();
  await audited(t.db, t.testClock!, systemActor('test'), async (uow) => {
    await startClock(uow, cal, { subjectType: 'case', subjectId: 'demo-1', label: '演示件', limitDays: 2 });
    const data = { claimed: 0, yellow: 0, red: [], recovered: 0 };
    await uow.audit({ action: 'supervision.swept', entityType: 'clock', entityId: 'demo-1', data });
  });
  assert.equal((await clerk.req('POST', '/api/v1/test/clock', { advanceHours: 24 })).statusCode, 403);
  const moved = await admin.req('POST', '/api/v1/test/clock', { advanceHours: 24 * 10 });
  assert.equal(moved.statusCode, 200, moved.body);
  assert.equal(moved.json().supervision.red, 1);
  assert.equal(moved.json().offsetMs, 240 * 3_600_000);
  assert.equal((await admin.req('POST', '/api/v1/test/clock', { advanceHours: -1 })).statusCode, 400);
  const audit = await t.db
    .selectFrom('audit_events')
    .select('action')
    .where('action', '=', 'test_clock.moved')
    .execute();
  assert.equal(audit.length, 1);
});
