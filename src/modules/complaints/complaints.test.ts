import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createTestContext, type TestContext } from '../../../test/test-context.js';
import { Client } from '../../../test/http.js';
import { seedDemo, DEMO_PASSWORD } from '../../seed/seed-demo.js';
import { act as step, departmentId, report, submit } from './test-helpers.js';
import { verifyHistory } from './repository-history.js';

let t: TestContext;
let center: Client, sup: Client, reviewer: Client, head: Client, otherReviewer: Client, citizen: Client;
let scj: string, wjw: string;
const demo = (u: string) => new Client(t.app).login(u, DEMO_PASSWORD);
const outbox = (subjectId: string) =>
  t.db.selectFrom('notification_outbox').selectAll().where('subject_id', '=', subjectId).execute();

before(async () => {
  t = await createTestContext({ start: '2026-11-30T01:30:00.000Z' }); // Monday 09:30 in 清河
  await seedDemo(t.db, t.clock);
  [center, sup, reviewer, head, otherReviewer, citizen] = (await Promise.all(
    ['complaints', 'supervisor', 'reviewer', 'head', 'reviewer.wjw', 'citizen'].map(demo),
  )) as [Client, Client, Client, Client, Client, Client];
  [scj, wjw] = await Promise.all([departmentId(t, 'SCJ'), departmentId(t, 'WJW')]);
});
after(() => t.close());

test('intake: ticket number and check code; real-name needs a contact; staff record calls; bad input is bilingual', async () => {
  const anon = new Client(t.app);
  const r = await submit(anon, report(scj));
  assert.match(r.ticketNo, /^JB2026\d{7}$/);
  assert.match(r.checkCode, /^[A-Z2-9]{10}$/);
  const noContact = await anon.req('POST', '/api/v1/complaints', report(scj, { reporter: { name: '某人' } }));
  assert.equal(noContact.statusCode, 400);
  const en = await anon.req('POST', '/api/v1/complaints', report(scj, { reporter: { name: '某人' } }), {
    'accept-language': 'en',
  });
  assert.match(en.json().errors[0].message, /phone number or an email/);
  assert.match(noContact.json().errors[0].message, /电话或电子邮箱/);
  const badCategory = await anon.req('POST', '/api/v1/complaints', report(scj, { categoryCode: 'nope' }));
  assert.equal(badCategory.statusCode, 400);
  // Anonymous: no name kept even if one is sent; a window record needs staff.
  const a = await submit(
    anon,
    report(scj, { anonymous: true, reporter: { name: '不该保存', phone: '13700137000' } }),
  );
  const row = await t.db
    .selectFrom('complaints')
    .selectAll()
    .where('id', '=', a.id)
    .executeTakeFirstOrThrow();
  assert.equal(row.reporter_name, null);
  assert.equal(row.acceptance_clock_id, null, 'no acceptance notice clock for an anonymous report');
  assert.equal(
    (await anon.req('POST', '/api/v1/complaints', report(scj, { channel: 'window' }))).statusCode,
    401,
  );
  assert.equal(
    (await citizen.req('POST', '/api/v1/complaints', report(scj, { channel: 'window' }))).statusCode,
    403,
  );
  const w = await submit(
    center,
    report(scj, { channel: 'window', description: '电话反映：窗口人员态度恶劣，拒绝解释' }),
  );
  assert.ok(w.id);
  // From the account: the reporter is the account.
  const acc = await submit(
    citizen,
    report(scj, { channel: 'account', reporter: undefined, categoryCode: 'delay' }),
  );
  const accRow = await t.db
    .selectFrom('complaints')
    .selectAll()
    .where('id', '=', acc.id)
    .executeTakeFirstOrThrow();
  assert.ok(accRow.reporter_user_id);
});

test('attachments are checked by content like case materials', async () => {
  const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
  const ok = await submit(
    new Client(t.app),
    report(scj, { attachments: [{ name: '照片.png', contentBase64: png.toString('base64') }] }),
  );
  const view = await center.req('GET', `/api/v1/complaints/${ok.id}`);
  assert.equal(view.json().attachments[0].mime, 'image/png');
  const file = await center.req(
    'GET',
    `/api/v1/complaints/${ok.id}/attachments/${view.json().attachments[0].id}`,
  );
  assert.equal(file.statusCode, 200);
  assert.deepEqual(file.rawPayload, png);
  const stranger = await otherReviewer.req(
    'GET',
    `/api/v1/complaints/${ok.id}/attachments/${view.json().attachments[0].id}`,
  );
  assert.equal(stranger.statusCode, 403);
  const text = await new Client(t.app).req(
    'POST',
    '/api/v1/complaints',
    report(scj, {
      attachments: [{ name: 'x.pdf', contentBase64: Buffer.from('not a pdf').toString('base64') }],
    }),
  );
  assert.equal(text.statusCode, 415);
});

test('likely duplicates are suggested at intake and to the dispatcher', async () => {
  const first = await submit(
    new Client(t.app),
    report(wjw, { description: '美容店卫生许可年检被收取检测费五百元，无收费依据' }),
  );
  const second = await submit(
    new Client(t.app),
    report(wjw, { description: '美容店卫生许可年检又被收取检测费，无任何依据' }),
  );
  assert.ok(second.possibleDuplicates.some((d) => d.ticketNo === first.ticketNo));
  const other = await submit(
    new Client(t.app),
    report(wjw, { description: '建议大厅增加饮水机', categoryCode: 'suggestion' }),
  );
  assert.equal(other.possibleDuplicates.length, 0);
  const forDispatcher = await center.req('GET', `/api/v1/complaints/${first.id}/duplicates`);
  assert.ok(forDispatcher.json().items.some((d: { ticketNo: string }) => d.ticketNo === second.ticketNo));
  assert.equal((await reviewer.req('GET', `/api/v1/complaints/${first.id}/duplicates`)).statusCode, 403);
});

test('the loop: accept, dispatch, return, decide, reply, close, call back, rate, reopen; chained history', async () => {
  const r = await submit(new Client(t.app), report(scj));
  assert.equal((await step(t, reviewer, r.id, 'accept')).statusCode, 403);
  assert.equal((await step(t, center, r.id, 'accept')).statusCode, 200);
  assert.ok(
    (await outbox(r.id)).some((o) => o.kind === 'complaint_accepted' && o.recipient_type === 'complainant'),
  );
  // A reporter without an account is reached at the contact given with the report.
  await t.notifications.drain();
  const accepted = (await outbox(r.id)).find((o) => o.kind === 'complaint_accepted')!;
  assert.equal(accepted.status, 'expanded');
  assert.equal((await step(t, center, r.id, 'dispatch')).statusCode, 200);
  // 退单 by the department, naming whom it thinks responsible; the dispatcher upholds and reassigns.
  const ret = await step(t, reviewer, r.id, 'return', {
    reason: '资料费由卫生部门收取',
    suggestedDepartmentId: wjw,
    suggestedResponsible: '卫生健康委窗口',
  });
  assert.equal(ret.statusCode, 200, ret.body);
  assert.equal((await step(t, reviewer, r.id, 'reply', { reply: 'x' })).statusCode, 409);
  const decided = await step(t, center, r.id, 'decide-return', {
    decision: 'upheld',
    note: '退单成立，改派卫健委',
  });
  assert.equal(decided.statusCode, 200, decided.body);
  const view = (await center.req('GET', `/api/v1/complaints/${r.id}`)).json();
  assert.equal(view.assignedDepartment.id, wjw);
  assert.equal(view.returnCount, 1);
  const returns = await t.db
    .selectFrom('complaint_returns')
    .selectAll()
    .where('complaint_id', '=', r.id)
    .execute();
  assert.equal(returns[0]!.department_id, scj, 'the return counts against the returning department');
  assert.equal(returns[0]!.decided_to, wjw);
  // The old department may no longer act; the new one replies.
  assert.equal((await step(t, reviewer, r.id, 'reply', { reply: 'x' })).statusCode, 403);
  assert.equal(
    (await step(t, otherReviewer, r.id, 'reply', { reply: '已责令退还资料费二百元' })).statusCode,
    200,
  );
  assert.equal((await step(t, center, r.id, 'close')).statusCode, 200);
  assert.ok((await outbox(r.id)).some((o) => o.kind === 'complaint_result'));
  assert.equal(
    (await step(t, center, r.id, 'callback', { note: '电话回访，已收到退款', reached: true })).statusCode,
    200,
  );
  // The reporter (no account) rates with the check code; once.
  const anon = new Client(t.app);
  const rate = await anon.req('POST', `/api/v1/complaints/${r.id}/rate`, {
    code: r.checkCode,
    rating: 2,
    note: '不满意',
  });
  assert.equal(rate.statusCode, 200, rate.body);
  assert.equal(
    (await anon.req('POST', `/api/v1/complaints/${r.id}/rate`, { code: r.checkCode, rating: 5 })).statusCode,
    409,
  );
  assert.equal((await anon.req('POST', `/api/v1/complaints/${r.id}/rate`, { rating: 5 })).statusCode, 401);
  const reopen = await anon.req('POST', `/api/v1/complaints/${r.id}/reopen`, {
    code: r.checkCode,
    reason: '退款未到账',
  });
  assert.equal(reopen.statusCode, 200, reopen.body);
  const after = (await center.req('GET', `/api/v1/complaints/${r.id}`)).json();
  assert.equal(after.state, 'dispatched');
  assert.equal(after.reopenCount, 1);
  assert.equal(await verifyHistory(t.db, r.id), null);
  // Every state change is audited: one audit event per link of the ticket's history.
  const audits = await t.db
    .selectFrom('audit_events')
    .select('action')
    .where('entity_id', '=', r.id)
    .execute();
  const links = await t.db
    .selectFrom('complaint_events')
    .select('kind')
    .where('complaint_id', '=', r.id)
    .execute();
  assert.equal(audits.length, links.length);
  assert.ok(audits.some((a) => a.action === 'complaint.decide_return'));
  await t.db
    .updateTable('complaint_events')
    .set({ data: '{}' })
    .where('complaint_id', '=', r.id)
    .where('seq', '=', 2)
    .execute();
  assert.equal(await verifyHistory(t.db, r.id), 2, 'a changed link breaks the chain');
});

test('reopening is refused after the configured period', async () => {
  const r = await submit(
    new Client(t.app),
    report(scj, { description: '检查人员未出示证件即进入企业检查', categoryCode: 'arbitrary_inspection' }),
  );
  for (const [c, s, b] of [
    [center, 'accept', {}],
    [center, 'dispatch', {}],
    [reviewer, 'reply', { reply: '已核实并批评教育' }],
    [center, 'close', {}],
  ] as const)
    assert.equal((await step(t, c, r.id, s, b)).statusCode, 200);
  t.clock.advance(8 * 86_400_000); // more than 5 working days
  const late = await new Client(t.app).req('POST', `/api/v1/complaints/${r.id}/reopen`, {
    code: r.checkCode,
    reason: '未解决',
  });
  assert.equal(late.statusCode, 409);
  assert.equal(late.json().code, 'complaint_reopen_expired');
  await Promise.all([center, sup, reviewer, head, otherReviewer, citizen].map((c) => c.relogin()));
});

test('a rejected return goes back to the returning department, and still counts against it', async () => {
  const r = await submit(new Client(t.app), report(scj, { description: '企业年报被要求购买指定软件' }));
  for (const s of ['accept', 'dispatch']) assert.equal((await step(t, center, r.id, s)).statusCode, 200);
  assert.equal((await step(t, reviewer, r.id, 'return', { reason: '不属本局职责' })).statusCode, 200);
  const back = await step(t, center, r.id, 'decide-return', {
    decision: 'rejected',
    note: '属市场监管职责，退回原部门',
  });
  assert.equal(back.statusCode, 200, back.body);
  const v = (await center.req('GET', `/api/v1/complaints/${r.id}`)).json();
  assert.equal(v.state, 'dispatched');
  assert.equal(v.assignedDepartment.id, scj);
  assert.equal(v.returnCount, 1);
  assert.equal((await step(t, reviewer, r.id, 'reply', { reply: '已处理' })).statusCode, 200);
});

test('merge: every reporter of the merged tickets is told the one result', async () => {
  const a = await submit(new Client(t.app), report(scj, { description: '停车场乱收费每小时二十元' }));
  const b = await submit(
    new Client(t.app),
    report(scj, {
      description: '停车场乱收费每小时二十元无票据',
      reporter: { name: '李四', email: 'li@example.test' },
    }),
  );
  assert.equal((await step(t, center, a.id, 'accept')).statusCode, 200);
  assert.equal((await step(t, center, b.id, 'merge', { intoId: b.id })).statusCode, 409);
  assert.equal((await step(t, center, b.id, 'merge', { intoId: a.id })).statusCode, 200);
  assert.equal((await step(t, center, a.id, 'dispatch')).statusCode, 200);
  assert.equal((await step(t, reviewer, a.id, 'reply', { reply: '已取缔违规收费' })).statusCode, 200);
  assert.equal((await step(t, center, a.id, 'close')).statusCode, 200);
  const told = (
    await t.db.selectFrom('notification_outbox').selectAll().where('kind', '=', 'complaint_result').execute()
  )
    .filter((o) => o.subject_id === a.id || o.subject_id === b.id)
    .map((o) => o.recipient_id);
  assert.deepEqual(told.sort(), [a.id, b.id].sort());
  const tracked = (
    await new Client(t.app).req('GET', `/api/v1/complaints/track/${b.ticketNo}?code=${b.checkCode}`)
  ).json();
  assert.equal(tracked.mergedIntoTicketNo, a.ticketNo);
  assert.equal(tracked.reply, '已取缔违规收费');
});

test('不予受理 with reasons: the real-name reporter is told, the notice clock stops, tracking shows why', async () => {
  const r = await submit(new Client(t.app), report(scj, { description: '反映的事项不属于本中心受理范围' }));
  const ticket = await t.db
    .selectFrom('complaints')
    .select(['acceptance_clock_id'])
    .where('id', '=', r.id)
    .executeTakeFirstOrThrow();
  assert.ok(ticket.acceptance_clock_id, 'a real-name report starts the 15-working-day notice clock');
  const clock = await t.db
    .selectFrom('clocks')
    .selectAll()
    .where('id', '=', ticket.acceptance_clock_id)
    .executeTakeFirstOrThrow();
  assert.equal(clock.limit_days, 15);
  assert.equal((await step(t, reviewer, r.id, 'refuse', { reasons: ['x'] })).statusCode, 403);
  assert.equal((await step(t, center, r.id, 'refuse', { reasons: [] })).statusCode, 400);
  const refused = await step(t, center, r.id, 'refuse', {
    reasons: ['属于司法程序处理的事项', '已告知向法院反映'],
  });
  assert.equal(refused.statusCode, 200, refused.body);
  assert.equal(refused.json().state, 'not_accepted');
  const stopped = await t.db
    .selectFrom('clocks')
    .select('status')
    .where('id', '=', ticket.acceptance_clock_id)
    .executeTakeFirstOrThrow();
  assert.equal(stopped.status, 'stopped', 'told in time: the notice clock stops');
  const notice = (await outbox(r.id)).find((o) => o.kind === 'complaint_not_accepted');
  assert.ok(notice, 'the reporter is told it is not accepted');
  assert.match(notice.payload, /属于司法程序处理的事项/);
  const tracked = (
    await new Client(t.app).req('GET', `/api/v1/complaints/track/${r.ticketNo}?code=${r.checkCode}`)
  ).json();
  assert.equal(tracked.state, 'not_accepted');
  assert.deepEqual(tracked.refusalReasons, ['属于司法程序处理的事项', '已告知向法院反映']);
  // Not accepted is an end: no dispatch, no reopen.
  assert.equal((await step(t, center, r.id, 'dispatch')).statusCode, 409);
});

test('改派: the center moves a dispatched ticket; the new department handles it on the limit counted from acceptance', async () => {
  const r = await submit(new Client(t.app), report(scj, { description: '窗口要求购买指定的表格' }));
  assert.equal((await step(t, center, r.id, 'accept')).statusCode, 200);
  assert.equal((await step(t, center, r.id, 'dispatch')).statusCode, 200);
  const first = (await center.req('GET', `/api/v1/complaints/${r.id}`)).json();
  assert.equal(first.assignedDepartment.id, scj);
  assert.equal(
    (await step(t, reviewer, r.id, 'reassign', { departmentId: wjw, note: '自行改派' })).statusCode,
    403,
    'a department cannot reassign; it returns the ticket',
  );
  t.clock.advance(2 * 86_400_000);
  for (const c of [center, reviewer, otherReviewer]) await c.relogin();
  const moved = await step(t, center, r.id, 'reassign', { departmentId: wjw, note: '属卫健委职责' });
  assert.equal(moved.statusCode, 200, moved.body);
  const after = (await center.req('GET', `/api/v1/complaints/${r.id}`)).json();
  assert.equal(after.assignedDepartment.id, wjw);
  assert.equal(after.returnCount, 0, 'a reassignment is not a return');
  const clocks = await t.db
    .selectFrom('clocks')
    .select(['status', 'due_date', 'department_id', 'start_date'])
    .where('subject_id', '=', r.id)
    .where('subject_type', '=', 'complaint')
    .orderBy('started_at')
    .execute();
  assert.equal(clocks.length, 2);
  assert.equal(clocks[0]!.status, 'stopped');
  assert.equal(clocks[1]!.department_id, wjw);
  assert.equal(clocks[1]!.start_date, clocks[0]!.start_date, 'the limit is not given back');
  assert.equal(clocks[1]!.due_date, clocks[0]!.due_date);
  assert.equal((await step(t, reviewer, r.id, 'reply', { reply: 'x' })).statusCode, 403);
  assert.equal((await step(t, otherReviewer, r.id, 'reply', { reply: '已处理' })).statusCode, 200);
  assert.equal(await verifyHistory(t.db, r.id), null);
});
