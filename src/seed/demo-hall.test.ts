import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createTestContext, type TestContext } from '../../test/test-context.js';
import { Client } from '../../test/http.js';
import { DEMO_PASSWORD, seedDemo } from './seed-demo.js';
import { seedDemoHall } from './demo-hall.js';

let t: TestContext;
before(async () => {
  t = await createTestContext({ start: '2026-12-07T01:30:00.000Z' });
  await seedDemo(t.db, t.clock);
  assert.equal(await seedDemoHall(t.appContext), 7);
  assert.equal(await seedDemoHall(t.appContext), 0, 'once only');
});
after(() => t.close());

test('a fresh start shows a hall: groups, an appointment, people waiting and a number called at E01', async () => {
  const anon = new Client(t.app);
  const groups = (await anon.req('GET', '/api/v1/hall/groups')).json().items;
  assert.deepEqual(
    groups.map((g: { code: string }) => g.code),
    ['A', 'B', 'C'],
  );
  assert.equal(groups[0].waiting, 3, 'four taken in A, one called');
  const display = (await anon.req('GET', '/api/v1/hall/display')).json();
  assert.equal(display.calls.length, 1);
  assert.equal(display.calls[0].window, 'E01 窗口');
  const citizen = await new Client(t.app).login('citizen', DEMO_PASSWORD);
  assert.equal((await citizen.req('GET', '/api/v1/hall/appointments/mine')).json().items.length, 1);
  const clerk = await new Client(t.app).login('clerk', DEMO_PASSWORD);
  const panel = (await clerk.req('GET', '/api/v1/hall/panel')).json();
  assert.equal(panel.window.code, 'E01');
  assert.ok(panel.current, 'the clerk serves a number');
});
