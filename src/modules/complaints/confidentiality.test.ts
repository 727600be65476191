import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createTestContext, type TestContext } from '../../../test/test-context.js';
import { Client } from '../../../test/http.js';
import { seedDemo, DEMO_PASSWORD } from '../../seed/seed-demo.js';
import { act, departmentId, report, submit } from './test-helpers.js';

let t: TestContext;
let scj: string;
const NAME = '赵保密';
const PHONE = '13612345678';
const demo = (u: string) => new Client(t.app).login(u, DEMO_PASSWORD);

before(async () => {
  t = await createTestContext({ start: '2026-11-30T01:30:00.000Z' });
  await seedDemo(t.db, t.clock);
  scj = await departmentId(t, 'SCJ');
});
after(() => t.close());

/**
 * Every role against one ticket dispatched to SCJ (the department complained about): who may read
 * it, and whether the reporter's name and phone appear anywhere in what they get.
 */
test('the reporter is masked for every role but the center, the supervisors and the reporter', async () => {
  const reporter = await demo('citizen');
  const r = await submit(
    reporter,
    report(scj, { channel: 'account', reporter: { name: NAME, phone: PHONE } }),
  );
  const center = await demo('complaints');
  assert.equal((await act(t, center, r.id, 'accept')).statusCode, 200);
  assert.equal((await act(t, center, r.id, 'dispatch')).statusCode, 200);
  // The reporter hears of the acceptance in the account's inbox; the department of the new ticket.
  await t.notifications.drain();
  const inbox = (await reporter.req('GET', '/api/v1/inbox')).json();
  assert.ok(
    inbox.items.some((m: { title: string }) => m.title.includes(r.ticketNo)),
    JSON.stringify(inbox),
  );
  const deptInbox = (await (await demo('reviewer')).req('GET', '/api/v1/inbox')).json();
  const assigned = deptInbox.items.find((m: { title: string }) => m.title.includes(r.ticketNo));
  assert.ok(assigned);
  assert.ok(!JSON.stringify(assigned).includes(NAME) && !JSON.stringify(assigned).includes(PHONE));
  // who → [HTTP status of GET, sees the identity]
  const cases: [string, Client, number, boolean][] = [
    ['anonymous', new Client(t.app), 401, false],
    ['applicant (not the reporter)', await demo('enterprise'), 403, false],
    ['the reporter', reporter, 200, true],
    ['clerk of the department', await demo('clerk'), 200, false],
    ['reviewer of the department', await demo('reviewer'), 200, false],
    ['head of the department', await demo('head'), 200, false],
    ['reviewer of another department', await demo('reviewer.wjw'), 403, false],
    ['supervisor', await demo('supervisor'), 200, true],
    ['administrator', await demo('admin'), 403, false],
    ['reporting center', center, 200, true],
  ];
  for (const [who, c, status, sees] of cases) {
    const res = await c.req('GET', `/api/v1/complaints/${r.id}`);
    assert.equal(res.statusCode, status, `${who}: ${res.body}`);
    assert.equal(
      res.body.includes(NAME) || res.body.includes(PHONE),
      sees,
      `${who}: identity visible = ${sees}`,
    );
    if (status === 200) assert.equal(res.json().reporter.masked, !sees, who);
  }
  // The department's list and what it is told never carry the identity either.
  const list = await (await demo('reviewer')).req('GET', '/api/v1/complaints/department');
  assert.equal(list.statusCode, 200);
  assert.ok(list.json().items.some((i: { id: string }) => i.id === r.id));
  assert.ok(!list.body.includes(NAME) && !list.body.includes(PHONE));
  const told = await t.db
    .selectFrom('notification_outbox')
    .select('payload')
    .where('subject_id', '=', r.id)
    .where('kind', '=', 'complaint_assigned')
    .execute();
  assert.equal(told.length, 1);
  assert.ok(!told[0]!.payload.includes(NAME) && !told[0]!.payload.includes(PHONE));
  const bench = await center.req('GET', '/api/v1/complaints/workbench');
  assert.ok(bench.body.includes(NAME), 'the center sees who reported in its queue');
});

test('a report about the department leadership goes to the supervisors, never to the department', async () => {
  const r = await submit(
    new Client(t.app),
    report(scj, { aboutLeadership: true, description: '局长违规要求企业赞助活动' }),
  );
  const center = await demo('complaints');
  assert.equal((await act(t, center, r.id, 'accept')).statusCode, 200);
  assert.equal((await act(t, center, r.id, 'dispatch', { departmentId: scj })).statusCode, 200);
  const view = (await center.req('GET', `/api/v1/complaints/${r.id}`)).json();
  assert.equal(view.route, 'supervisors');
  assert.equal(view.assignedDepartment, null);
  for (const u of ['head', 'reviewer', 'clerk']) {
    const c = await demo(u);
    assert.equal((await c.req('GET', `/api/v1/complaints/${r.id}`)).statusCode, 403, u);
    assert.ok(!(await c.req('GET', '/api/v1/complaints/department')).body.includes(r.id), u);
    assert.equal((await act(t, c, r.id, 'reply', { reply: '无此事' })).statusCode, 403, u);
  }
  const notice = await t.db
    .selectFrom('notification_outbox')
    .selectAll()
    .where('subject_id', '=', r.id)
    .where('kind', '=', 'complaint_assigned')
    .executeTakeFirstOrThrow();
  assert.equal(notice.recipient_type, 'supervisors');
  const clock = await t.db
    .selectFrom('clocks')
    .selectAll()
    .where('subject_id', '=', r.id)
    .where('subject_type', '=', 'complaint')
    .executeTakeFirstOrThrow();
  assert.equal(clock.department_id, null, 'its 督办 goes to the supervisors too');
  assert.equal(
    (await act(t, await demo('supervisor'), r.id, 'reply', { reply: '已立案调查' })).statusCode,
    200,
  );
});

test("naming the department's leader routes the report to the supervisors even unticked", async () => {
  const leader = (
    await t.db.selectFrom('departments').select('leader').where('id', '=', scj).executeTakeFirstOrThrow()
  ).leader;
  const r = await submit(
    new Client(t.app),
    report(scj, { concerns: { staffNamed: `${leader}（分管领导）` } }),
  );
  const row = await t.db
    .selectFrom('complaints')
    .selectAll()
    .where('id', '=', r.id)
    .executeTakeFirstOrThrow();
  assert.equal(row.route, 'supervisors');
  const other = await submit(
    new Client(t.app),
    report(scj, { concerns: { staffNamed: '窗口工作人员小张' } }),
  );
  const otherRow = await t.db
    .selectFrom('complaints')
    .selectAll()
    .where('id', '=', other.id)
    .executeTakeFirstOrThrow();
  assert.equal(otherRow.route, 'department');
});

test('a fee report shows the supervisors its receipt beside the published fee lines', async () => {
  const zrj = await departmentId(t, 'ZRJ');
  const r = await submit(new Client(t.app), report(zrj, { concerns: { feeReference: 'PJ2026000123' } }));
  const res = await (await demo('supervisor')).req('GET', `/api/v1/complaints/${r.id}/fee-context`);
  assert.equal(res.statusCode, 200);
  assert.equal(res.json().feeReference, 'PJ2026000123');
  assert.ok(res.json().publishedFees.length > 0);
  assert.equal(
    (await (await demo('reviewer')).req('GET', `/api/v1/complaints/${r.id}/fee-context`)).statusCode,
    403,
  );
});
