import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createTestContext, type TestContext } from '../../../test/test-context.js';
import { Client } from '../../../test/http.js';
import { acceptedWithShortfall, deferrableItem } from '../../../test/shortfall.js';
import { seedDemo, DEMO_PASSWORD } from '../../seed/seed-demo.js';
import { caseModule } from './case-deps-factory.js';
import { signalLapsedPromises } from './signal-lapsed-promises.js';

/**
 * A 容缺 promise past its deadline with materials still out raises `shortfall_promise_lapsed` for
 * the lead department, once per case, however many passes (or instances) see it.
 */
let t: TestContext;
let clerk: Client, sup: Client;
type Case = { id: string; version: number; receiptNo: string };
const DAY = 24 * 3600 * 1000;
let item: Awaited<ReturnType<typeof deferrableItem>>;

const login = async () => {
  [clerk, sup] = (await Promise.all(
    ['clerk', 'supervisor'].map((u) => new Client(t.app).login(u, DEMO_PASSWORD)),
  )) as [Client, Client];
};

before(async () => {
  t = await createTestContext({ start: '2026-11-30T01:30:00.000Z' }); // Monday 09:30 in 清河
  await seedDemo(t.db, t.clock);
  await login();
  item = await deferrableItem(t);
});
after(() => t.close());

const promised = (deadline: string) => acceptedWithShortfall<Case>(clerk, item, deadline);

const signalsOf = (caseId: string) =>
  t.db
    .selectFrom('supervision_signals')
    .selectAll()
    .where('kind', '=', 'shortfall_promise_lapsed')
    .where('subject_id', '=', caseId)
    .execute();
const auditsOf = (caseId: string) =>
  t.db
    .selectFrom('audit_events')
    .select('data')
    .where('action', '=', 'case.promise_lapsed')
    .where('entity_id', '=', caseId)
    .execute();

test('a lapsed promise is signalled once, to the lead department; a kept or still-running one is not', async () => {
  const lapsing = await promised('2026-12-02');
  const kept = await promised('2026-12-02');
  const running = await promised('2026-12-04'); // within any item's limit, still ahead on Thursday
  t.clock.advance(DAY);
  await login();
  const given = await clerk.req('POST', `/api/v1/cases/${kept.id}/deferred-materials`, {
    version: kept.version,
    materials: item.deferrable.map((m) => ({ name: m.name, paper: true })),
  });
  assert.equal(given.statusCode, 200, given.body);

  t.clock.advance(DAY); // Wednesday, the deadline's own day: not lapsed yet
  await t.supervision.drain();
  assert.equal((await signalsOf(lapsing.id)).length, 0, 'on the deadline day the promise still stands');

  t.clock.advance(DAY); // Thursday
  await t.supervision.drain();
  await t.supervision.drain();
  const [signal, ...more] = await signalsOf(lapsing.id);
  assert.ok(signal, 'the lapsed promise raised its signal');
  assert.equal(more.length, 0, 'once, however many passes');
  const lead = await t.db
    .selectFrom('cases')
    .select('lead_department_id')
    .where('id', '=', lapsing.id)
    .executeTakeFirstOrThrow();
  assert.equal(signal.department_id, lead.lead_department_id);
  assert.equal(signal.severity, 'warning');
  assert.deepEqual(JSON.parse(signal.data), {
    receiptNo: lapsing.receiptNo,
    deadline: '2026-12-02',
    materials: item.deferrable.map((m) => m.name),
  });
  assert.equal((await auditsOf(lapsing.id)).length, 1, 'audited once, with the signal');
  assert.equal((await signalsOf(kept.id)).length, 0, 'kept: nothing to signal');
  assert.equal((await signalsOf(running.id)).length, 0, 'its deadline is still ahead');

  await login();
  const list = await sup.req('GET', '/api/v1/supervision/signals?kind=shortfall_promise_lapsed');
  assert.equal(list.statusCode, 200, list.body);
  assert.ok(list.json().items.some((s: { subjectId: string }) => s.subjectId === lapsing.id));
});

test('passes at once (two instances) raise and audit each lapsed promise once', async () => {
  // Two promises lapse over the weekend: one accepted now (Thursday) and the previous test's
  // promise that was still running, both due Friday.
  const c = await promised('2026-12-04');
  const running = (
    await t.db
      .selectFrom('case_materials')
      .select('case_id')
      .where('status', '=', 'deferred')
      .where('deferred_until', '=', '2026-12-04')
      .where('case_id', '!=', c.id)
      .execute()
  ).map((r) => r.case_id);
  assert.equal(new Set(running).size, 1);
  t.clock.advance(4 * DAY); // the next Monday
  await login();
  const { deps } = caseModule(t.appContext);
  const counts = await Promise.all([
    signalLapsedPromises(deps),
    signalLapsedPromises(deps),
    signalLapsedPromises(deps),
  ]);
  assert.equal(
    counts.reduce((a, b) => a + b, 0),
    2,
    'each raised by one pass only',
  );
  for (const id of [c.id, running[0]!]) {
    assert.equal((await signalsOf(id)).length, 1);
    assert.equal((await auditsOf(id)).length, 1);
  }
  assert.equal(await signalLapsedPromises(deps), 0, 'nothing left to raise');
});
