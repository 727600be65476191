import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createTestContext, type TestContext } from '../../test/test-context.js';
import { Client } from '../../test/http.js';
import { DEMO_PASSWORD, seedDemo } from './seed-demo.js';
import { seedDemoLetters } from './seed-demo-letters.js';

let t: TestContext;
before(async () => {
  t = await createTestContext({ start: '2026-11-30T01:30:00.000Z' });
  await seedDemo(t.db, t.clock);
  assert.equal(await seedDemoLetters(t.appContext), 5);
  await t.supervision.drain();
});
after(() => t.close());

test('a fresh start shows letters registered, assigned, answered with their PDF, and overdue with a signal', async () => {
  const sup = await new Client(t.app).login('supervisor', DEMO_PASSWORD);
  const all = (await sup.req('GET', '/api/v1/letters?pageSize=50')).json();
  const states = new Set(all.items.map((i: { state: string }) => i.state));
  assert.deepEqual([...states].sort(), ['answered', 'assigned', 'registered']);
  const answered = all.items.find((i: { state: string }) => i.state === 'answered');
  const pdf = await sup.req('GET', `/api/v1/letters/${answered.id}/reply`);
  assert.equal(pdf.statusCode, 200);
  assert.equal(pdf.headers['content-type'], 'application/pdf');
  const overdue = (await sup.req('GET', '/api/v1/letters/overdue')).json();
  assert.equal(overdue.total, 1);
  const signals = (await sup.req('GET', '/api/v1/supervision/signals?kind=letter_overdue')).json();
  assert.equal(signals.total, 1);
  assert.equal(signals.items[0].subjectId, overdue.items[0].id);
  assert.equal(await seedDemoLetters(t.appContext), 0, 'seeding again adds nothing');
});
