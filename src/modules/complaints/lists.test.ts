import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createTestContext, type TestContext } from '../../../test/test-context.js';
import { Client } from '../../../test/http.js';
import { seedDemo, DEMO_PASSWORD } from '../../seed/seed-demo.js';
import { act, departmentId, report, submit } from './test-helpers.js';

let t: TestContext;
let scj: string, wjw: string;
const demo = (u: string) => new Client(t.app).login(u, DEMO_PASSWORD);

before(async () => {
  t = await createTestContext({
    start: '2026-11-30T01:30:00.000Z',
    env: { COMPLAINT_STATS_MIN_TICKETS: '2' },
  });
  await seedDemo(t.db, t.clock);
  [scj, wjw] = await Promise.all([departmentId(t, 'SCJ'), departmentId(t, 'WJW')]);
});
after(() => t.close());

test('tracking needs the check code, and wrong codes are rate-limited per address', async () => {
  const r = await submit(new Client(t.app), report(scj));
  const anon = new Client(t.app);
  const ok = await anon.req('GET', `/api/v1/complaints/track/${r.ticketNo}?code=${r.checkCode}`);
  assert.equal(ok.statusCode, 200);
  assert.equal(ok.json().state, 'submitted');
  assert.ok(!ok.body.includes('王举报') && !ok.body.includes('13900139000'));
  for (let i = 0; i < 10; i++)
    assert.equal(
      (await anon.req('GET', `/api/v1/complaints/track/${r.ticketNo}?code=WRONGCODE1`)).statusCode,
      404,
    );
  const limited = await anon.req('GET', `/api/v1/complaints/track/${r.ticketNo}?code=${r.checkCode}`);
  assert.equal(limited.statusCode, 429);
});

test('late tickets turn red on the working-day clock: a supervision signal and order; the supervisors see them', async () => {
  const center = await demo('complaints');
  const r = await submit(
    new Client(t.app),
    report(scj, { categoryCode: 'consultation', description: '咨询食品经营许可办理流程' }),
  );
  assert.equal((await act(t, center, r.id, 'accept')).statusCode, 200);
  assert.equal((await act(t, center, r.id, 'dispatch')).statusCode, 200);
  const clock = await t.db
    .selectFrom('clocks')
    .selectAll()
    .where('subject_id', '=', r.id)
    .where('subject_type', '=', 'complaint')
    .executeTakeFirstOrThrow();
  assert.equal(clock.limit_days, 3, 'consultation: 3 working days');
  t.clock.advance(7 * 86_400_000);
  await t.supervision.drain();
  const signal = await t.db
    .selectFrom('supervision_signals')
    .selectAll()
    .where('subject_id', '=', r.id)
    .executeTakeFirst();
  assert.equal(signal?.kind, 'clock_overdue');
  const order = await t.db
    .selectFrom('supervision_orders')
    .selectAll()
    .where('subject_id', '=', r.id)
    .executeTakeFirst();
  assert.equal(order?.department_id, scj);
  const sup = await demo('supervisor');
  const res = await sup.req('GET', '/api/v1/complaints/supervision');
  assert.equal(res.statusCode, 200, res.body);
  const view = res.json();
  assert.ok(view.overdue.some((x: { id: string }) => x.id === r.id));
  await center.relogin();
  const redRes = await center.req('GET', '/api/v1/complaints/workbench?colour=red');
  assert.equal(redRes.statusCode, 200, redRes.body);
  const red = redRes.json();
  assert.ok(red.items.some((x: { id: string }) => x.id === r.id));
  assert.equal((await (await demo('reviewer')).req('GET', '/api/v1/complaints/supervision')).statusCode, 403);
});

test('a real-name report not accepted within 15 working days raises 督办 to the supervisors', async () => {
  const r = await submit(new Client(t.app), report(wjw, { description: '反映卫生监督检查收费问题' }));
  t.clock.advance(25 * 86_400_000);
  await t.supervision.drain();
  const clock = await t.db
    .selectFrom('clocks')
    .selectAll()
    .where('subject_id', '=', r.id)
    .where('subject_type', '=', 'complaint_acceptance')
    .executeTakeFirstOrThrow();
  assert.equal(clock.limit_days, 15);
  assert.equal(clock.colour, 'red');
  const order = await t.db
    .selectFrom('supervision_orders')
    .selectAll()
    .where('clock_id', '=', clock.id)
    .executeTakeFirstOrThrow();
  // The center's own clock has no department: its order is told to the supervisors, not to nobody.
  const notice = await t.db
    .selectFrom('notification_outbox')
    .selectAll()
    .where('subject_id', '=', order.id)
    .where('kind', '=', 'supervision_order_opened')
    .executeTakeFirstOrThrow();
  assert.equal(notice.recipient_type, 'supervisors');
});

test('public statistics per department are withheld below the minimum number of tickets', async () => {
  const center = await demo('complaints');
  const reviewer = await demo('reviewer');
  for (const dept of [scj, scj, wjw]) {
    const r = await submit(new Client(t.app), report(dept, { description: `统计用工单 ${dept}` }));
    for (const s of ['accept', 'dispatch']) assert.equal((await act(t, center, r.id, s)).statusCode, 200);
    if (dept === scj) {
      assert.equal((await act(t, reviewer, r.id, 'reply', { reply: '已处理' })).statusCode, 200);
      assert.equal((await act(t, center, r.id, 'close')).statusCode, 200);
    }
  }
  const stats = (await new Client(t.app).req('GET', '/api/v1/complaints/stats')).json();
  const of = (id: string) => stats.departments.find((d: { departmentId: string }) => d.departmentId === id);
  assert.equal(stats.minimumTickets, 2);
  assert.ok(of(scj).shown);
  assert.ok(of(scj).tickets >= 2);
  assert.equal(of(scj).onTimeReplyRate, 1);
  assert.equal(of(wjw).shown, false);
  assert.equal(of(wjw).onTimeReplyRate, null);
});

test('categories carry configurable limits; only an administrator changes them', async () => {
  const cats = (await new Client(t.app).req('GET', '/api/v1/complaints/categories')).json();
  const byCode = new Map(cats.map((c: { code: string }) => [c.code, c]));
  assert.equal((byCode.get('arbitrary_fee') as { limitDays: number }).limitDays, 13);
  assert.equal((byCode.get('consultation') as { limitDays: number }).limitDays, 3);
  assert.equal((byCode.get('attitude') as { zh: string }).zh, '门难进脸难看事难办');
  const body = { limitDays: 10, urgentLimitDays: 0, active: true };
  assert.equal(
    (await (await demo('complaints')).req('PUT', '/api/v1/complaints/categories/delay', body)).statusCode,
    403,
  );
  const ok = await (await demo('admin')).req('PUT', '/api/v1/complaints/categories/delay', body);
  assert.equal(ok.statusCode, 200);
  assert.equal(ok.json().limitDays, 10);
});

test('the workbench counts every open ticket per step, colour and deadline on the server, beyond one page', async () => {
  const center = await demo('complaints');
  // More tickets than one page holds, at several steps.
  const made = [];
  for (let i = 0; i < 5; i++)
    made.push(
      await submit(new Client(t.app), report(scj, { description: `工作台计数第${i}件：窗口乱收费` })),
    );
  assert.equal((await act(t, center, made[0]!.id, 'accept')).statusCode, 200);
  assert.equal((await act(t, center, made[1]!.id, 'accept')).statusCode, 200);
  assert.equal((await act(t, center, made[1]!.id, 'dispatch')).statusCode, 200);
  const page = await center.req('GET', '/api/v1/complaints/workbench?limit=1');
  assert.equal(page.statusCode, 200, page.body);
  const { items, counts } = page.json();
  assert.equal(items.length, 1, 'one page of one');
  const open = await t.db
    .selectFrom('complaints')
    .select(['state'])
    .where('state', 'in', ['submitted', 'accepted', 'dispatched', 'returned', 'replied'])
    .execute();
  const inDb = (s: string) => open.filter((o) => o.state === s).length;
  for (const s of ['submitted', 'accepted', 'dispatched', 'returned', 'replied'])
    assert.equal(counts.steps[s], inDb(s), `${s}: counted over every ticket, not the page`);
  assert.equal(counts.total, open.length);
  const sum = (o: Record<string, number>) => Object.values(o).reduce((a, b) => a + b, 0);
  assert.equal(sum(counts.colours), open.length, 'every ticket has one colour (or none)');
  assert.equal(sum(counts.deadlines), open.length, 'and one deadline standing');
  assert.ok(
    counts.colours.red > 0 && counts.deadlines.overdue > 0,
    'the tickets left lying earlier are late',
  );
  // Under a colour, the step counts are those of that colour; the colour counts stay over all.
  const red = (await center.req('GET', '/api/v1/complaints/workbench?colour=red&limit=200')).json();
  assert.equal(sum(red.counts.steps), counts.colours.red);
  assert.deepEqual(red.counts.colours, counts.colours);
  assert.ok(red.items.every((r: { colour: string }) => r.colour === 'red'));
  // Overdue: due before today; the rows asked for are exactly the ones counted.
  const late = (await center.req('GET', '/api/v1/complaints/workbench?deadline=overdue&limit=200')).json();
  assert.equal(sum(late.counts.steps), counts.deadlines.overdue);
  assert.equal(late.items.length, Math.min(200, counts.deadlines.overdue));
  const today = new Date(t.clock.now().getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
  assert.ok(late.items.every((r: { dueDate: string }) => r.dueDate < today));
  // Soonest deadline first.
  const all = (await center.req('GET', '/api/v1/complaints/workbench?limit=200')).json().items;
  const dues = all.map((r: { dueDate: string | null }) => r.dueDate ?? '9999');
  assert.deepEqual(dues, [...dues].sort());
  const bad = await center.req('GET', '/api/v1/complaints/workbench?deadline=soon');
  assert.equal(bad.statusCode, 400);
  assert.equal((await (await demo('reviewer')).req('GET', '/api/v1/complaints/workbench')).statusCode, 403);
});
