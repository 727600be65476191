import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createTestContext, type TestContext } from '../../../test/test-context.js';
import { Client } from '../../../test/http.js';
import { seedDemo, DEMO_PASSWORD } from '../../seed/seed-demo.js';
import { departmentId, report, submit } from '../complaints/test-helpers.js';
import { closedComplaint, completedCase, FakeHall } from './test-helpers.js';
import { sendRatingReminders } from './send-reminders.js';
import { ratingDeps } from './rating-deps.js';

let t: TestContext;
let citizen: Client,
  clerk: Client,
  reviewer: Client,
  head: Client,
  sup: Client,
  center: Client,
  admin: Client;
let scj: string;
const hall = new FakeHall();
const demo = (u: string) => new Client(t.app).login(u, DEMO_PASSWORD);

before(async () => {
  t = await createTestContext({ start: '2026-11-30T01:30:00.000Z' }); // Monday 09:30 in 清河
  await seedDemo(t.db, t.clock);
  t.appContext.visits = hall;
  [citizen, clerk, reviewer, head, sup, center, admin] = (await Promise.all(
    ['citizen', 'clerk', 'reviewer', 'head', 'supervisor', 'complaints', 'admin'].map(demo),
  )) as Client[] as [Client, Client, Client, Client, Client, Client, Client];
  scj = await departmentId(t, 'SCJ');
});
after(() => t.close());

const reloginAll = () =>
  Promise.all([citizen, clerk, reviewer, head, sup, center, admin].map((c) => c.relogin()));
const rectificationOf = (ratingId: string) =>
  t.db
    .selectFrom('rating_rectifications')
    .selectAll()
    .where('rating_id', '=', ratingId)
    .executeTakeFirstOrThrow();

test('online: the completion invites, one reminder after 3 days, then the rating with the check code, once', async () => {
  const c = await completedCase(t, { citizen, clerk, reviewer });
  const outbox = () =>
    t.db
      .selectFrom('notification_outbox')
      .select(['kind', 'payload'])
      .where('subject_id', '=', c.id)
      .execute();
  const invitation = (await outbox()).find((o) => o.kind === 'rating_invitation');
  assert.ok(invitation, 'the completion sends the invitation');
  assert.match(invitation.payload, new RegExp(`/rate/${c.receiptNo}`));

  t.clock.advance(2 * 86_400_000);
  const deps = ratingDeps(t.appContext);
  assert.equal(await sendRatingReminders(deps), 0, 'not yet: three days');
  t.clock.advance(1 * 86_400_000 + 60_000);
  // Two passes at once (two instances): the matter is reminded once.
  const [a, b] = await Promise.all([sendRatingReminders(deps), sendRatingReminders(deps)]);
  assert.equal(a + b, 1);
  assert.equal(await sendRatingReminders(deps), 0);
  assert.equal((await outbox()).filter((o) => o.kind === 'rating_reminder').length, 1);

  await reloginAll();
  const visitor = new Client(t.app);
  const wrong = await visitor.req('POST', '/api/v1/ratings/online', {
    receiptNo: c.receiptNo,
    code: 'WRONGCODE1',
    level: 5,
  });
  assert.equal(wrong.statusCode, 404);
  const badIndicator = await visitor.req('POST', '/api/v1/ratings/online', {
    receiptNo: c.receiptNo,
    code: c.checkCode,
    level: 4,
    indicators: { attitude: 3 },
  });
  assert.equal(badIndicator.statusCode, 400, 'attitude is an on-site indicator, not an online one');
  const rated = await visitor.req('POST', '/api/v1/ratings/online', {
    receiptNo: c.receiptNo,
    code: c.checkCode,
    level: 4,
    indicators: { efficiency: 5, guide_accuracy: 4, convenience: 4, platform_usability: 3 },
    comment: '办事很快',
  });
  assert.equal(rated.statusCode, 201, rated.body);
  assert.equal(rated.json().rectificationId, null);
  const again = await citizen.req('POST', '/api/v1/ratings/online', { receiptNo: c.receiptNo, level: 1 });
  assert.equal(again.statusCode, 409, 'one rating per matter per channel');
  assert.equal(again.json().code, 'rating_already_given');
  const row = await t.db
    .selectFrom('rating_ratings')
    .selectAll()
    .where('id', '=', rated.json().id)
    .executeTakeFirstOrThrow();
  assert.deepEqual(JSON.parse(row.indicators), {
    overall: 4,
    efficiency: 5,
    guide_accuracy: 4,
    convenience: 4,
    platform_usability: 3,
  });
  assert.equal(row.department_id, scj);
  // Rated: no reminder would follow, even had it not gone yet.
  const inv = await t.db
    .selectFrom('rating_invitations')
    .selectAll()
    .where('subject_id', '=', c.id)
    .executeTakeFirstOrThrow();
  assert.ok(inv.rated_at);
  // A phone rating of the same matter is another channel.
  const phone = await center.req('POST', '/api/v1/ratings/phone', {
    ref: c.receiptNo,
    level: 5,
    callerPhone: '13800138000',
  });
  assert.equal(phone.statusCode, 201, phone.body);
  assert.equal(
    (await clerk.req('POST', '/api/v1/ratings/phone', { ref: c.receiptNo, level: 5 })).statusCode,
    403,
  );
});

test("on site: the window's tablet rates the ticket it served; another department's ticket or an unknown one is refused", async () => {
  const other = await departmentId(t, 'WJW');
  hall.visits.set('A001', {
    ticketId: 'ticket-a001',
    ticketNo: 'A001',
    departmentId: scj,
    windowId: null,
    window: 'A1',
    staffId: null,
    itemId: null,
    caseId: null,
    servedAt: t.clock.now().toISOString(),
  });
  hall.visits.set('B001', {
    ...hall.visits.get('A001')!,
    ticketId: 'ticket-b001',
    ticketNo: 'B001',
    departmentId: other,
  });
  const body = { ticketNo: 'a001', level: 5, indicators: { efficiency: 5, service_level: 5, attitude: 5 } };
  assert.equal((await new Client(t.app).req('POST', '/api/v1/ratings/on-site', body)).statusCode, 401);
  const r = await clerk.req('POST', '/api/v1/ratings/on-site', body);
  assert.equal(r.statusCode, 201, r.body);
  assert.equal((await clerk.req('POST', '/api/v1/ratings/on-site', body)).statusCode, 409);
  assert.equal(
    (await clerk.req('POST', '/api/v1/ratings/on-site', { ...body, ticketNo: 'B001' })).statusCode,
    404,
  );
  assert.equal(
    (await clerk.req('POST', '/api/v1/ratings/on-site', { ...body, ticketNo: 'Z999' })).statusCode,
    404,
  );
  const row = await t.db
    .selectFrom('rating_ratings')
    .selectAll()
    .where('id', '=', r.json().id)
    .executeTakeFirstOrThrow();
  assert.equal(row.window, 'A1');
  assert.equal(row.real_name, 0);
});

test("a complaint's rating is written to the ratings store; a bad one opens its rectification there", async () => {
  const r = await closedComplaint(t, { center, reviewer });
  const rate = await new Client(t.app).req('POST', `/api/v1/complaints/${r.id}/rate`, {
    code: r.checkCode,
    rating: 1,
    note: '敷衍了事',
  });
  assert.equal(rate.statusCode, 200, rate.body);
  const row = await t.db
    .selectFrom('rating_ratings')
    .selectAll()
    .where('subject_type', '=', 'complaint')
    .where('subject_id', '=', r.id)
    .executeTakeFirstOrThrow();
  assert.equal(row.channel, 'complaint');
  assert.equal(row.level, 1);
  assert.equal(row.comment, '敷衍了事');
  assert.equal(row.real_name, 1, 'the report was made by name');
  const x = await rectificationOf(row.id);
  assert.equal(x.callback_required, 1);
});

test('a real-name bad rating: three clocks, the call-back before the end, a late step signalled', async () => {
  const c = await completedCase(t, { citizen, clerk, reviewer });
  const bad = await citizen.req('POST', '/api/v1/ratings/online', {
    receiptNo: c.receiptNo,
    level: 2,
    comment: '窗口态度差',
  });
  assert.equal(bad.statusCode, 201, bad.body);
  const id = bad.json().rectificationId as string;
  const list = await head.req('GET', '/api/v1/rating-rectifications?state=open');
  const mine = list.json().items.find((x: { id: string }) => x.id === id);
  assert.ok(mine, 'the rated department sees its rectification');
  assert.equal(mine.clocks.acknowledge.status, 'running');
  assert.equal(mine.callback.required, true);
  // Nobody acknowledged it in a working day: red, signalled, and a supervision order.
  t.clock.advance(2 * 86_400_000);
  await t.supervision.drain();
  const signals = await t.db
    .selectFrom('supervision_signals')
    .select('kind')
    .where('subject_id', '=', id)
    .execute();
  assert.ok(
    signals.some((s) => s.kind === 'rectification_overdue'),
    JSON.stringify(signals),
  );
  await reloginAll();

  const step = async (c: Client, path: string, body: Record<string, unknown> = {}) => {
    const v = (await rectificationOf(bad.json().id)).version;
    return c.req('POST', `/api/v1/rating-rectifications/${id}/${path}`, { version: v, ...body });
  };
  assert.equal(
    (await step(clerk, 'acknowledge')).statusCode,
    403,
    'a clerk does not acknowledge for the department',
  );
  assert.equal((await step(head, 'answer', { answer: 'x' })).statusCode, 409, 'acknowledged first');
  assert.equal((await step(head, 'acknowledge')).statusCode, 200);
  assert.equal(
    (await step(reviewer, 'answer', { answer: '窗口人员服务用语不规范，已约谈' })).statusCode,
    200,
  );
  const early = await step(head, 'rectify', { measures: '开展服务规范培训' });
  assert.equal(early.statusCode, 409);
  assert.equal(early.json().code, 'rectification_callback_missing');
  assert.equal(
    (await step(head, 'callback', { reached: true, result: 'x' })).statusCode,
    403,
    'the department never calls the rater',
  );
  const called = await step(sup, 'callback', { reached: true, result: '申请人表示认可整改措施' });
  assert.equal(called.statusCode, 200, called.body);
  assert.equal(called.json().callback.result, '申请人表示认可整改措施');
  const done = await step(head, 'rectify', { measures: '开展服务规范培训，纳入月度考核' });
  assert.equal(done.statusCode, 200, done.body);
  assert.equal(done.json().state, 'rectified');
  assert.equal(done.json().callback.result, null, 'what the rater said stays with those who called');
  assert.equal(done.json().clocks.acknowledge.colour, 'red');
  assert.equal(done.json().clocks.rectify.status, 'stopped');
  const audit = await t.db.selectFrom('audit_events').select('action').where('entity_id', '=', id).execute();
  assert.deepEqual(audit.map((a) => a.action).sort(), [
    'rating.called_back',
    'rating.rectification_acknowledged',
    'rating.rectification_answered',
    'rating.rectification_opened',
    'rating.rectified',
  ]);
});

test('the rater is hidden from the rated staff and their department, per role', async () => {
  const c = await completedCase(t, { citizen, clerk, reviewer });
  const r = await citizen.req('POST', '/api/v1/ratings/online', {
    receiptNo: c.receiptNo,
    level: 1,
    comment: '让我跑了三次',
  });
  assert.equal(r.statusCode, 201, r.body);
  const id = r.json().id;
  const see = async (who: Client) => (await who.req('GET', `/api/v1/ratings/${id}`)).json();
  for (const [name, who] of [
    ['clerk', clerk],
    ['reviewer', reviewer],
    ['head', head],
    ['admin', admin],
  ] as const) {
    const v = await see(who);
    assert.equal(v.level, 1, name);
    assert.equal(v.rater, null, `${name} does not see the rater`);
    assert.equal(v.subjectRef, null, `${name} does not see the matter's number`);
    const list = (await who.req('GET', '/api/v1/ratings?bad=true')).json();
    const row = list.items.find((x: { id: string }) => x.id === id);
    assert.equal(row.rater, null, `${name}: the list masks too`);
  }
  for (const [name, who] of [
    ['supervisor', sup],
    ['complaint_officer', center],
  ] as const) {
    const v = await see(who);
    assert.equal(v.subjectRef, c.receiptNo, name);
    assert.equal(v.rater.name, '张小明', name);
  }
  // The applicant's own rating is not a staff record: not readable here. Another department's
  // staff do not read it at all; a visitor must log in.
  assert.equal((await citizen.req('GET', `/api/v1/ratings/${id}`)).statusCode, 403);
  const wjw = await (async () => {
    const { staff } = await import('../../../test/http.js');
    return staff(t, 'rater-test-wjw', 'head', 'WJW');
  })();
  assert.equal((await wjw.req('GET', `/api/v1/ratings/${id}`)).statusCode, 403);
  assert.equal((await new Client(t.app).req('GET', `/api/v1/ratings/${id}`)).statusCode, 401);
  // Pressure on a rater is reported to the reporting center under its own category.
  const cats = (await new Client(t.app).req('GET', '/api/v1/complaints/categories')).json();
  assert.ok(cats.some((c: { code: string }) => c.code === 'rating_pressure'));
  const pressed = await submit(
    new Client(t.app),
    report(scj, { categoryCode: 'rating_pressure', description: '窗口人员要求我必须当场点非常满意才给盖章' }),
  );
  assert.ok(pressed.ticketNo);
});

test('an appeal: the head appeals, the supervisor excludes with reasons, published as excluded', async () => {
  const c = await completedCase(t, { citizen, clerk, reviewer });
  const r = await new Client(t.app).req('POST', '/api/v1/ratings/online', {
    receiptNo: c.receiptNo,
    code: c.checkCode,
    level: 1,
    comment: '乱打的',
  });
  assert.equal(r.statusCode, 201);
  const id = r.json().id;
  const before = (await new Client(t.app).req('GET', '/api/v1/ratings/stats?by=department')).json();
  const counted = before.groups.find((g: { key: string }) => g.key === scj).counted;
  assert.equal(
    (await reviewer.req('POST', `/api/v1/ratings/${id}/appeal`, { grounds: 'malicious', reason: 'x' }))
      .statusCode,
    403,
  );
  const ap = await head.req('POST', `/api/v1/ratings/${id}/appeal`, {
    grounds: 'malicious',
    reason: '评价人办事前即表示要给差评',
  });
  assert.equal(ap.statusCode, 201, ap.body);
  assert.equal(
    (await head.req('POST', `/api/v1/ratings/${id}/appeal`, { grounds: 'mistaken', reason: 'again' }))
      .statusCode,
    409,
  );
  const decide = (who: Client, body: Record<string, unknown>) =>
    who.req('POST', `/api/v1/rating-appeals/${ap.json().id}/decision`, {
      version: ap.json().version,
      ...body,
    });
  assert.equal((await decide(head, { exclude: true, reason: 'x' })).statusCode, 403);
  const d = await decide(sup, { exclude: true, reason: '经核查，评价与办理事项无关，属恶意差评' });
  assert.equal(d.statusCode, 200, d.body);
  assert.equal(d.json().state, 'upheld');
  assert.equal(d.json().rating.state, 'excluded');
  const x = await rectificationOf(id);
  assert.equal(x.state, 'excluded', 'its rectification ends');
  const after = (await new Client(t.app).req('GET', '/api/v1/ratings/stats?by=department')).json();
  const g = after.groups.find((g: { key: string }) => g.key === scj);
  assert.equal(g.counted, counted - 1, 'an excluded rating counts no more');
  assert.ok(g.excluded >= 1);
  assert.ok(
    after.exclusions.some((e: { reason: string }) => e.reason === '经核查，评价与办理事项无关，属恶意差评'),
    'the exclusion is published with its reason',
  );
  assert.ok(!JSON.stringify(after).includes(c.receiptNo), 'publication names no matter');
  const byWindow = (await new Client(t.app).req('GET', '/api/v1/ratings/stats?by=item')).json();
  assert.ok(byWindow.groups.some((g: { name: string }) => g.name === '食品经营许可'));
});
