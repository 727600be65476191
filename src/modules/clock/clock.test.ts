import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createTestContext, type TestContext } from '../../../test/test-context.js';
import { staff, Client } from '../../../test/http.js';
import { smallCatalogue } from '../../../test/fixtures.js';
import { importCatalogue } from '../catalogue/import-catalogue.js';
import { audited } from '../audit/audited-transaction.js';
import { systemActor } from '../../shared/actor.js';
import { newClockRow, startClock, type StartClockInput } from './start-clock.js';
import { explainClock } from './explain-clock.js';
import { pauseClock, resumeClock } from './pause-clock.js';
import { extendClock } from './extend-clock.js';
import { stopClock } from './stop-clock.js';

let t: TestContext;
let admin: Client;
let admin2: Client;
let sup: Client;
const anon = () => new Client(t.app);
before(async () => {
  t = await createTestContext({ start: '2026-11-26T02:00:00.000Z' }); // Thursday 10:00 in 清河
  await importCatalogue(t.db, t.clock, systemActor('test'), smallCatalogue());
  admin = await staff(t, 'admin1', 'admin');
  admin2 = await staff(t, 'admin2', 'admin');
  sup = await staff(t, 'sup1', 'supervisor');
});
after(() => t.close());

const sys = systemActor('test');
// The calendar is fetched before the transaction: on SQLite a query outside the transaction would
// wait for the one connection the transaction holds.
const start = async (input: Partial<StartClockInput> & { limitDays: number }) => {
  const cal = await t.calendars.get();
  return audited(t.db, t.clock, sys, async (uow) => {
    const c = await startClock(uow, cal, {
      subjectType: 'case',
      subjectId: `case-${Math.random()}`,
      label: '测试件',
      ...input,
    });
    const data = { claimed: 0, yellow: 0, red: [], recovered: 0 };
    await uow.audit({ action: 'supervision.swept', entityType: 'clock', entityId: c.id, data });
    return c;
  });
};
type Uow = Parameters<Parameters<typeof audited>[3]>[0];
type Cal = Awaited<ReturnType<TestContext['calendars']['get']>>;
const act = async <T>(fn: (uow: Uow, cal: Cal) => Promise<T>) => {
  const cal = await t.calendars.get();
  return audited(t.db, t.clock, sys, async (uow) => {
    const r = await fn(uow, cal);
    const data = { claimed: 0, yellow: 0, red: [], recovered: 0 };
    await uow.audit({ action: 'supervision.swept', entityType: 'clock', entityId: 'test', data });
    return r;
  });
};

test('public calendar: a confirmed year lists its holidays and makeup workdays; a future year is provisional', async () => {
  const y = (await anon().req('GET', '/api/v1/calendar/2026')).json();
  assert.equal(y.confirmed, true);
  assert.equal(y.workingDays, 248);
  assert.ok(
    y.days.some(
      (d: { date: string; kind: string; name: string }) =>
        d.date === '2026-10-01' && d.kind === 'holiday' && d.name === '国庆节',
    ),
  );
  assert.ok(
    y.days.some(
      (d: { date: string; kind: string; name: string }) =>
        d.date === '2026-10-10' && d.kind === 'makeup_workday',
    ),
  );
  assert.equal((await anon().req('GET', '/api/v1/calendar/2027')).json().confirmed, false);
  assert.equal((await anon().req('GET', '/api/v1/calendar/1999')).statusCode, 400);
});

test('public calculator: due date with its explanation; bad input says why', async () => {
  const r = (await anon().req('GET', '/api/v1/calendar/deadline?from=2026-09-30&workdays=1')).json();
  assert.equal(r.due, '2026-10-08');
  assert.equal(r.provisional, false);
  const holiday = r.explanation.find((e: { code: string }) => e.code === 'holiday');
  assert.match(holiday.zh, /国庆节/);
  assert.match(holiday.en, /Oct/);
  assert.match(holiday.en, /^Skipped National Day /, 'the English explanation names the holiday in English');
  const makeup = (await anon().req('GET', '/api/v1/calendar/deadline?from=2026-09-30&workdays=3')).json();
  assert.equal(makeup.due, '2026-10-10', 'the makeup Saturday counts');
  const makeupDay = makeup.explanation.find((e: { code: string }) => e.code === 'makeup_workday');
  assert.match(makeupDay.en, /makeup workday \(National Day\)/);
  assert.doesNotMatch(makeupDay.en, /[\u4e00-\u9fff]/);
  assert.equal(
    (await anon().req('GET', '/api/v1/calendar/deadline?from=2026-12-20&workdays=30')).json().provisional,
    true,
  );
  for (const [q, path] of [
    ['from=2026-02-30&workdays=3', '/query/from'],
    ['from=abc&workdays=3', '/query/from'],
    ['from=2026-01-05&workdays=-1', '/query/workdays'],
    ['from=2026-01-05&workdays=999999', '/query/workdays'],
    ['from=2026-01-05&workdays=2.5', '/query/workdays'],
    ['from=2026-01-05', '/query/workdays'],
  ] as const) {
    const bad = await anon().req('GET', `/api/v1/calendar/deadline?${q}`);
    assert.equal(bad.statusCode, 400, q);
    assert.equal(bad.json().errors[0].path, path, q);
  }
});

test('a clock pauses for a special procedure, is extended within the legal ceiling, and explains itself', async () => {
  const c = await start({ limitDays: 5, extensions: 'single' });
  assert.equal(c.start_date, '2026-11-26');
  assert.equal(c.due_date, '2026-12-03');
  t.clock.set('2026-11-27T02:00:00.000Z');
  await act(async (uow, cal) =>
    pauseClock(uow, cal, c.id, { reason: '专家评审', notice: '清审特〔2026〕12号' }),
  );
  t.clock.set('2026-12-02T02:00:00.000Z');
  const resumed = await act(async (uow, cal) => resumeClock(uow, cal, c.id));
  assert.equal(resumed.paused_days, 3);
  assert.equal(resumed.due_date, '2026-12-08');
  const ext = await act(async (uow, cal) =>
    extendClock(uow, cal, c.id, {
      days: 10,
      approvedBy: 'u-head',
      approvedByName: '市市场监管局局长',
      reason: '需补充现场核查',
    }),
  );
  assert.equal(ext.due_date, '2026-12-22');
  await assert.rejects(
    act(async (uow, cal) =>
      extendClock(uow, cal, c.id, { days: 1, approvedBy: 'x', approvedByName: 'x', reason: 'again' }),
    ),
    (e: { code: string }) => e.code === 'extension_refused',
  );
  await sup.relogin();
  const detailRes = await sup.req('GET', `/api/v1/clocks/${c.id}`);
  assert.equal(detailRes.statusCode, 200, detailRes.body);
  const detail = detailRes.json();
  const codes = detail.explanation.map((r: { code: string; zh: string }) => r.code);
  assert.deepEqual(codes, ['start', 'pause', 'extension', 'due']);
  assert.match(detail.explanation[1].zh, /专家评审暂停 3 个工作日/);
  assert.match(detail.explanation[2].en, /approved by 市市场监管局局长/);
  assert.deepEqual(
    detail.history.map((h: { kind: string }) => h.kind),
    ['started', 'paused', 'resumed', 'extended'],
  );
  await act(async (uow, cal) => stopClock(uow, cal, c.id, 'decided'));
  await assert.rejects(
    act(async (uow, cal) => pauseClock(uow, cal, c.id, { reason: 'x', notice: 'y' })),
    (e: { code: string }) => e.code === 'invalid_state',
  );
  assert.equal((await anon().req('GET', `/api/v1/clocks/${c.id}`)).statusCode, 401);
});

test('supervision: yellow at 90%, red when overdue, a supervision order with its own clock, nothing raised twice', async () => {
  t.clock.set('2026-11-26T02:00:00.000Z');
  const dept = (await anon().req('GET', '/api/v1/departments/SCJ')).json();
  const c = await start({ limitDays: 5, departmentId: dept.id, label: '食品经营许可 QH-1' });
  assert.equal(c.due_date, '2026-12-03');
  assert.equal(c.yellow_at, '2026-12-02T16:00:00.000Z', 'yellow at the end of working day 4 of 5');
  t.clock.set('2026-12-02T15:59:00.000Z');
  assert.equal((await t.supervision.drain()).yellow, 0);
  t.clock.set('2026-12-02T16:30:00.000Z');
  assert.equal((await t.supervision.drain()).yellow, 1);
  t.clock.set('2026-12-03T16:00:01.000Z');
  const r = await t.supervision.drain();
  assert.equal(r.red, 1);
  assert.deepEqual(await t.supervision.drain(), { claimed: 0, yellow: 0, red: 0, recovered: 0 });
  await sup.relogin();
  const signals = (await sup.req('GET', `/api/v1/supervision/signals?subjectId=${c.subject_id}`)).json();
  assert.deepEqual(signals.items.map((s: { kind: string }) => s.kind).sort(), [
    'clock_overdue',
    'clock_yellow',
  ]);
  const orders = (
    await sup.req('GET', `/api/v1/supervision/orders?status=open&department=${dept.id}`)
  ).json();
  assert.equal(orders.total, 1);
  const order = orders.items[0];
  assert.equal(order.label, '食品经营许可 QH-1');
  assert.equal(order.answerDueDate, '2026-12-09', 'three working days to answer');
  const outbox = await t.db
    .selectFrom('notification_outbox')
    .selectAll()
    .where('subject_id', '=', order.id)
    .execute();
  assert.equal(outbox.length, 1);
  assert.equal(outbox[0]!.recipient_type, 'department_head');
  assert.equal(order.matterDone, false);
  const early = await sup.req('POST', `/api/v1/supervision/orders/${order.id}/close`, {
    version: 1,
    note: '尚未答复即销号',
  });
  assert.equal(early.statusCode, 409, 'nobody answered and the matter still runs: not closable');

  const board = (await sup.req('GET', '/api/v1/supervision/board?subjectType=case')).json();
  assert.equal(board.departments.find((d: { code: string }) => d.code === 'SCJ').red, 1);
  const red = (await sup.req('GET', '/api/v1/supervision/clocks?colour=red')).json();
  assert.ok(red.items.some((x: { id: string }) => x.id === c.id));

  const otherHead = await staff(t, 'head.wjw', 'head', 'WJW');
  assert.equal(
    (
      await otherHead.req('POST', `/api/v1/supervision/orders/${order.id}/answer`, {
        version: 1,
        answer: '已督促',
      })
    ).statusCode,
    403,
  );
  const head = await staff(t, 'head.scj', 'head', 'SCJ');
  const seenByHead = (await head.req('GET', '/api/v1/supervision/orders')).json();
  assert.ok(
    seenByHead.items.every((o: { departmentId: string | null }) => o.departmentId === dept.id),
    'department staff see only their own',
  );
  const ans = await head.req('POST', `/api/v1/supervision/orders/${order.id}/answer`, {
    version: 1,
    answer: '现场核查延误，已于次日办结并约谈经办人',
  });
  assert.equal(ans.statusCode, 200, ans.body);
  const answerClock = (await sup.req('GET', `/api/v1/clocks/${order.answerClockId}`)).json();
  assert.equal(answerClock.status, 'stopped');
  assert.equal(
    (
      await sup.req('POST', `/api/v1/supervision/orders/${order.id}/close`, {
        version: 2,
        note: '答复属实，予以销号',
      })
    ).statusCode,
    200,
  );
  assert.equal((await head.req('GET', '/api/v1/supervision/board')).statusCode, 403);
});

test('other signals: an instant matter not done the same day, a stage overrunning while the case is on time', async () => {
  t.clock.set('2026-12-07T01:00:00.000Z'); // Monday 09:00
  const instant = await start({ limitDays: 0, label: '即办件' });
  const parent = await start({ limitDays: 20, label: '整案' });
  const stage = await start({ limitDays: 2, parentId: parent.id, subjectType: 'stage', label: '审查环节' });
  t.clock.set('2026-12-09T16:00:01.000Z');
  await t.supervision.drain();
  const kinds = async (subjectId: string) =>
    (
      await t.db
        .selectFrom('supervision_signals')
        .select('kind')
        .where('subject_id', '=', subjectId)
        .execute()
    ).map((r) => r.kind);
  assert.deepEqual(await kinds(instant.subject_id), ['instant_not_same_day']);
  assert.deepEqual(await kinds(stage.subject_id), ['stage_overrun']);
  assert.deepEqual(await kinds(parent.subject_id), []);
});

test('a deadline that passed while the server was down is processed at the next pass', async () => {
  t.clock.set('2026-12-10T02:00:00.000Z');
  const c = await start({ limitDays: 3 });
  t.clock.set('2027-01-20T02:00:00.000Z'); // six weeks of downtime
  await t.supervision.drain();
  const row = await t.db.selectFrom('clocks').selectAll().where('id', '=', c.id).executeTakeFirstOrThrow();
  assert.equal(row.colour, 'red');
  assert.equal(row.next_check_at, null);
});

const notice2027 = (extra: { name: string; date: string; isOffDay: boolean }[] = []) => ({
  year: 2027,
  papers: ['测试用通知（非真实）'],
  days: [
    { name: '元旦', date: '2027-01-01', isOffDay: true },
    { name: '春节', date: '2027-02-05', isOffDay: true },
    { name: '春节', date: '2027-02-08', isOffDay: true },
    { name: '春节', date: '2027-02-09', isOffDay: true },
    { name: '春节', date: '2027-02-10', isOffDay: true },
    { name: '春节', date: '2027-02-11', isOffDay: true },
    { name: '春节', date: '2027-02-13', isOffDay: false },
    ...extra,
  ],
});

test('a new year: loaded by one administrator, confirmed by another, open deadlines re-projected with their history', async () => {
  t.clock.set('2027-01-25T02:00:00.000Z'); // Monday
  const c = await start({ limitDays: 10 });
  const before = c.due_date;
  assert.equal(before, '2027-02-08');
  assert.equal(c.provisional, 1);
  await Promise.all([admin.relogin(), admin2.relogin(), sup.relogin()]);
  const bad = await admin.req('POST', '/api/v1/admin/calendar/proposals', {
    format: 'holiday-cn',
    source: '测试来源',
    content: { year: 2027, days: [{ name: '', date: '2027-02-30', isOffDay: true }] },
  });
  assert.equal(bad.statusCode, 422);
  assert.ok(bad.json().errors.length >= 2);
  const prop = await admin.req('POST', '/api/v1/admin/calendar/proposals', {
    format: 'holiday-cn',
    source: '国办发明电（测试）',
    content: notice2027(),
  });
  assert.equal(prop.statusCode, 201, prop.body);
  assert.equal(prop.json().diff.added.length, 7);
  const self = await admin.req('POST', `/api/v1/admin/calendar/proposals/${prop.json().id}/confirm`, {});
  assert.equal(self.statusCode, 409);
  assert.equal(self.json().code, 'four_eyes');
  assert.equal(
    (await sup.req('POST', `/api/v1/admin/calendar/proposals/${prop.json().id}/confirm`, {})).statusCode,
    403,
  );
  const ok = await admin2.req('POST', `/api/v1/admin/calendar/proposals/${prop.json().id}/confirm`, {
    note: '已核对',
  });
  assert.equal(ok.statusCode, 200, ok.body);
  assert.ok(ok.json().reprojected >= 1);
  assert.equal((await anon().req('GET', '/api/v1/calendar/2027')).json().confirmed, true);
  const after = (await sup.req('GET', `/api/v1/clocks/${c.id}`)).json();
  assert.equal(after.provisional, false);
  assert.equal(
    after.dueDate,
    '2027-02-13',
    'moved past 春节 2027-02-05..11, and the makeup Saturday 02-13 counts',
  );
  assert.ok(after.history.some((h: { kind: string }) => h.kind === 'reprojected'));
  const why = after.explanation.find((r: { code: string; zh: string }) => r.code === 'reprojected');
  assert.match(why.zh, /2027 年节假日安排确认/);
  assert.ok(
    after.explanation.some((r: { code: string; zh: string }) => r.code === 'holiday' && /春节/.test(r.zh)),
  );

  const fix = await admin2.req('POST', '/api/v1/admin/calendar/proposals', {
    format: 'holiday-cn',
    source: '更正（测试）',
    content: notice2027([{ name: '测试假日', date: '2027-02-12', isOffDay: true }]),
  });
  assert.equal(fix.json().diff.added.length, 1);
  assert.equal(
    (await admin.req('POST', `/api/v1/admin/calendar/proposals/${fix.json().id}/confirm`, {})).statusCode,
    200,
  );
  const corrected = (await sup.req('GET', `/api/v1/clocks/${c.id}`)).json();
  assert.equal(corrected.dueDate, '2027-02-15');
  assert.match(
    corrected.explanation.filter((r: { code: string; zh: string }) => r.code === 'reprojected').at(-1).zh,
    /更正/,
  );
  const audit = (await admin.req('GET', '/api/v1/audit-events?action=calendar.confirmed')).json();
  assert.equal(audit.total, 2);
});

test('thresholds: a department set to 50% turns yellow at half its time; only administrators set it', async () => {
  t.clock.set('2027-03-01T02:00:00.000Z'); // Monday
  await Promise.all([admin.relogin(), sup.relogin()]);
  const dept = (await anon().req('GET', '/api/v1/departments/WJW')).json();
  assert.equal(
    (
      await sup.req('PUT', '/api/v1/admin/supervision/thresholds', {
        scope: 'department',
        scopeId: dept.id,
        yellowPct: 50,
      })
    ).statusCode,
    403,
  );
  assert.equal(
    (
      await admin.req('PUT', '/api/v1/admin/supervision/thresholds', {
        scope: 'department',
        scopeId: dept.id,
        yellowPct: 150,
      })
    ).statusCode,
    400,
  );
  assert.equal(
    (
      await admin.req('PUT', '/api/v1/admin/supervision/thresholds', {
        scope: 'department',
        scopeId: dept.id,
        yellowPct: 50,
      })
    ).statusCode,
    204,
  );
  const c = await start({ limitDays: 10, departmentId: dept.id });
  assert.equal(c.yellow_pct, 50);
  assert.equal(c.yellow_at, '2027-03-08T16:00:00.000Z', 'end of working day 5 of 10 (Tue 2nd … Mon 8th)');
  const other = await start({ limitDays: 10 });
  assert.equal(other.yellow_pct, 90);
});

test('the test clock exists only in test time mode', async () => {
  assert.equal((await admin.req('POST', '/api/v1/test/clock', { advanceHours: 1 })).statusCode, 404);
});

test('a stopped clock says on which local day it ended and how, in words', async () => {
  const cal = await t.calendars.get();
  const started = newClockRow(cal, new Date('2026-11-20T02:00:00.000Z'), {
    subjectType: 'acceptance',
    subjectId: 'c1',
    label: '受理审查',
    limitDays: 5,
    yellowPct: 90,
  });
  // 01:30 on 27 November in the center's time is still 26 November in UTC.
  const stopped = {
    ...started,
    status: 'stopped',
    stopped_at: '2026-11-26T17:30:00.000Z',
    outcome: 'accepted',
  };
  const reason = explainClock(cal, stopped, [], '2026-11-27').find((r) => r.code === 'stopped')!;
  assert.equal(reason.zh, '已于 2026-11-27 结束（已受理），按时');
  assert.equal(reason.en, 'Stopped on 27 Nov 2026 (accepted), on time');
  const unknown = explainClock(cal, { ...stopped, outcome: 'decided' }, [], '2026-11-27').find(
    (r) => r.code === 'stopped',
  )!;
  assert.match(unknown.en, /\(decided\)/, 'a code without words is shown as it is');
});
