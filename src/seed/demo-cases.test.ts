import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createTestContext, type TestContext } from '../../test/test-context.js';
import { Client } from '../../test/http.js';
import { DEMO_PASSWORD, seedDemo } from './seed-demo.js';
import { seedDemoCases } from './demo-cases.js';

let t: TestContext;
before(async () => {
  t = await createTestContext({ start: '2026-11-30T01:30:00.000Z' }); // Monday 09:30 in 清河
  await seedDemo(t.db, t.clock);
  assert.equal(await seedDemoCases(t.appContext), 9);
  await t.supervision.drain();
});
after(() => t.close());

const demo = (u: string) => new Client(t.app).login(u, DEMO_PASSWORD);

test('a fresh start shows applications at every stage, made by the case use cases, one overdue and one with a one-time notice', async () => {
  const cases = await t.db.selectFrom('cases').selectAll().orderBy('receipt_no').execute();
  assert.deepEqual(
    cases.map((c) => c.state),
    [
      'under_review',
      'decided',
      'completed',
      'decided',
      'decided',
      'under_review',
      'awaiting_supplement',
      'under_review',
      'received',
    ],
    'oldest first, so the receipt numbers follow the dates',
  );
  // Every one of them has its intact hash chain and one audit event per step.
  for (const c of cases) {
    const events = await t.db.selectFrom('case_events').select('seq').where('case_id', '=', c.id).execute();
    assert.ok(events.length >= 1);
    assert.equal(c.event_count, events.length);
  }
  const clerk = await demo('clerk');
  const notice = cases.find((c) => c.state === 'awaiting_supplement')!;
  const view = (await clerk.req('GET', `/api/v1/cases/${notice.id}`)).json();
  assert.ok(
    view.documents.some((d: { kind: string }) => d.kind === 'supplement_notice'),
    '一次性告知 issued',
  );
  const done = cases.find((c) => c.state === 'completed')!;
  const doneView = (await clerk.req('GET', `/api/v1/cases/${done.id}`)).json();
  assert.deepEqual(
    doneView.documents.map((d: { kind: string }) => d.kind),
    ['acceptance_notice', 'approval_decision', 'delivery_receipt'],
  );
});

test('the worklist, the supervision board and the public chain are not empty; the overdue case is red with its signal', async () => {
  const reviewer = await demo('reviewer');
  const work = (await reviewer.req('GET', '/api/v1/worklist')).json();
  assert.ok(work.items.length >= 2, 'the reviewer has tasks to work on');
  const sup = await demo('supervisor');
  const board = (await sup.req('GET', '/api/v1/supervision/board')).json();
  assert.ok(board.totals.red >= 1, 'the overdue case shows red on the board');
  assert.ok(board.totals.green + board.totals.yellow >= 1);
  const signals = (await sup.req('GET', '/api/v1/supervision/signals?kind=clock_overdue')).json();
  const late = await t.db
    .selectFrom('cases')
    .select('id')
    .where('state', '=', 'under_review')
    .orderBy('receipt_no')
    .executeTakeFirstOrThrow();
  assert.ok(
    signals.items.some((s: { subjectId: string }) => s.subjectId === late.id),
    'the case accepted twenty days ago on a five-day promise raised its overdue signal',
  );
  const head = (await new Client(t.app).req('GET', '/api/v1/transparency/head')).json();
  assert.ok(head.height > 0, 'the public chain has the demo cases in it');
  assert.equal(await seedDemoCases(t.appContext), 0, 'seeding again adds nothing');
});

test('the demo has 容缺 promises: one kept, one broken and refused after its deadline, one outstanding', async () => {
  const promised = await t.db
    .selectFrom('cases as c')
    .innerJoin('case_materials as m', 'm.case_id', 'c.id')
    .select([
      'c.id',
      'c.state',
      'c.decision',
      'c.receipt_no',
      'm.status',
      'm.promised_until',
      'm.supplied_at',
    ])
    .where('m.promised_until', 'is not', null)
    .orderBy('c.receipt_no')
    .execute();
  const byCase = new Map<string, typeof promised>();
  for (const r of promised) byCase.set(r.id, [...(byCase.get(r.id) ?? []), r]);
  const cases = [...byCase.values()];
  assert.deepEqual(
    cases.map((ms) => [ms[0]!.state, ms[0]!.decision, ms.every((m) => m.status === 'provided')]),
    [
      ['decided', 'refused', false],
      ['decided', 'approved', true],
      ['under_review', null, false],
    ],
  );
  const kept = cases[1]!;
  for (const m of kept)
    assert.ok(m.supplied_at!.slice(0, 10) <= m.promised_until!, 'supplied by the deadline');
});
