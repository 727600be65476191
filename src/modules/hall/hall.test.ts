import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createTestContext, type TestContext } from '../../../test/test-context.js';
import { Client } from '../../../test/http.js';
import { seedDemo, DEMO_PASSWORD } from '../../seed/seed-demo.js';
import { makeGroup, makeWindow, sentCode } from './test-support.js';
import type { AppointmentViewT, TicketStatusT, TicketViewT } from './schemas.js';

let t: TestContext;
let admin: Client, clerk: Client, citizen: Client, anon: Client;
const demo = (u: string) => new Client(t.app).login(u, DEMO_PASSWORD);
let A: { id: string }, B: { id: string };

before(async () => {
  // Friday 2026-12-04 08:30 in 清河; Saturday and Sunday are not working days.
  t = await createTestContext({ start: '2026-12-04T00:30:00.000Z', env: { HALL_NO_SHOW_LIMIT: '2' } });
  await seedDemo(t.db, t.clock);
  [admin, clerk, citizen] = (await Promise.all(['admin', 'clerk', 'citizen'].map(demo))) as [
    Client,
    Client,
    Client,
  ];
  anon = new Client(t.app);
  A = await makeGroup(t, admin, 'A');
  B = await makeGroup(t, admin, 'B', { slotCapacity: 1 });
  await makeWindow(admin, '01', [A.id, B.id]);
});
after(() => t.close());

const bookByCode = async (
  over: Record<string, unknown> = {},
  who = { phone: '13800138000', idNumber: '11010519491231002X' },
) => {
  const c = await anon.req('POST', '/api/v1/hall/booking-codes', who);
  assert.equal(c.statusCode, 201, c.body);
  const { codeId } = c.json();
  return anon.req('POST', '/api/v1/hall/appointments', {
    groupId: A.id,
    day: '2026-12-07',
    slot: '09:00',
    name: '张小明',
    ...who,
    codeId,
    code: await sentCode(t, codeId),
    ...over,
  });
};

test('slots are published on working days only, with the places left', async () => {
  const r = await anon.req('GET', `/api/v1/hall/groups/${A.id}/slots`);
  assert.equal(r.statusCode, 200, r.body);
  const days = r.json().days.map((d: { day: string }) => d.day);
  assert.ok(days.includes('2026-12-04') && days.includes('2026-12-07'));
  assert.ok(!days.includes('2026-12-05') && !days.includes('2026-12-06'), 'no weekend');
  const friday = r.json().days[0];
  assert.equal(friday.slots[0].slot, '09:00');
  assert.equal(friday.slots.length, 13, '6 in the morning, 7 in the afternoon');
  assert.equal(friday.slots[0].left, 2);

  const sat = await bookByCode(
    { day: '2026-12-05' },
    { phone: '13800138011', idNumber: '110105194912310038' },
  );
  assert.equal(sat.statusCode, 422, sat.body);
  assert.equal(sat.json().code, 'hall_slot_unavailable');
  assert.match(JSON.stringify(sat.json()), /not a working day|不是工作日/);
});

test('booking by phone and ID with a one-time code; a wrong code is refused and counted; cancel and reschedule', async () => {
  const c = await anon.req('POST', '/api/v1/hall/booking-codes', {
    phone: '13800138000',
    idNumber: '11010519491231002X',
  });
  const { codeId } = c.json();
  const again = await anon.req('POST', '/api/v1/hall/booking-codes', {
    phone: '13800138000',
    idNumber: '11010519491231002X',
  });
  assert.equal(again.statusCode, 429, 'one code a minute');
  const wrong = await anon.req('POST', '/api/v1/hall/appointments', {
    groupId: A.id,
    day: '2026-12-07',
    slot: '09:00',
    name: '张小明',
    phone: '13800138000',
    idNumber: '11010519491231002X',
    codeId,
    code: '000000' === (await sentCode(t, codeId)) ? '111111' : '000000',
  });
  assert.equal(wrong.statusCode, 422);
  assert.equal(wrong.json().code, 'hall_code_invalid');
  const row = await t.db
    .selectFrom('hall_codes')
    .select('attempts')
    .where('id', '=', codeId)
    .executeTakeFirstOrThrow();
  assert.equal(row.attempts, 1, 'the wrong guess is counted although the booking was refused');

  const ok = await anon.req('POST', '/api/v1/hall/appointments', {
    groupId: A.id,
    day: '2026-12-07',
    slot: '09:00',
    name: '张小明',
    phone: '13800138000',
    idNumber: '11010519491231002X',
    codeId,
    code: await sentCode(t, codeId),
  });
  assert.equal(ok.statusCode, 201, ok.body);
  const a = ok.json() as AppointmentViewT;
  assert.equal(a.state, 'booked');
  assert.equal(a.name, '张**', 'the person is masked');
  assert.match(a.code, /^[2-9A-Z]{8}$/);
  const reused = await anon.req('POST', '/api/v1/hall/appointments', {
    groupId: A.id,
    day: '2026-12-08',
    slot: '09:00',
    name: '张小明',
    phone: '13800138000',
    idNumber: '11010519491231002X',
    codeId,
    code: await sentCode(t, codeId),
  });
  assert.equal(reused.json().code, 'hall_code_invalid', 'a code books once');

  const moved = await anon.req('POST', `/api/v1/hall/appointments/${a.token}/reschedule`, {
    day: '2026-12-07',
    slot: '10:00',
  });
  assert.equal(moved.statusCode, 200, moved.body);
  assert.equal(moved.json().slot, '10:00');
  const slots = (await anon.req('GET', `/api/v1/hall/groups/${A.id}/slots`)).json();
  const monday = slots.days.find((d: { day: string }) => d.day === '2026-12-07');
  assert.equal(
    monday.slots.find((s: { slot: string }) => s.slot === '09:00').left,
    2,
    'the old place is given back',
  );
  assert.equal(monday.slots.find((s: { slot: string }) => s.slot === '10:00').left, 1);
  const cancelled = await anon.req('POST', `/api/v1/hall/appointments/${a.token}/cancel`);
  assert.equal(cancelled.json().state, 'cancelled');
  assert.equal(
    (await anon.req('POST', `/api/v1/hall/appointments/${a.token}/cancel`)).json().code,
    'hall_appointment_closed',
  );
  const audit = await t.db
    .selectFrom('audit_events')
    .select('action')
    .where('entity_id', '=', a.id)
    .execute();
  assert.deepEqual(audit.map((x) => x.action).sort(), [
    'hall.appointment_booked',
    'hall.appointment_cancelled',
    'hall.appointment_rescheduled',
  ]);
});

test('capacity per slot holds; an applicant books with the account and sees it among theirs', async () => {
  const one = await citizen.req('POST', '/api/v1/hall/appointments', {
    groupId: B.id,
    day: '2026-12-08',
    slot: '14:00',
  });
  assert.equal(one.statusCode, 201, one.body);
  const full = await bookByCode(
    { groupId: B.id, day: '2026-12-08', slot: '14:00' },
    { phone: '13800138022', idNumber: '110105195505050042' },
  );
  assert.equal(full.statusCode, 409);
  assert.equal(full.json().code, 'hall_slot_full');
  const twice = await citizen.req('POST', '/api/v1/hall/appointments', {
    groupId: B.id,
    day: '2026-12-08',
    slot: '15:00',
  });
  assert.equal(twice.json().code, 'hall_already_booked');
  const mine = (await citizen.req('GET', '/api/v1/hall/appointments/mine')).json();
  assert.ok(mine.items.some((x: AppointmentViewT) => x.id === one.json().id));
  assert.equal((await anon.req('GET', '/api/v1/hall/appointments/mine')).statusCode, 401);
});

test('queue tickets: priorities, proof at the kiosk, the status page by token, calling in order', async () => {
  const take = async (body: Record<string, unknown>) => {
    t.clock.advance(1000);
    const r = await clerk.req('POST', '/api/v1/hall/tickets', { groupId: A.id, source: 'kiosk', ...body });
    assert.equal(r.statusCode, 201, r.body);
    return r.json() as TicketViewT;
  };
  const t1 = await take({ phone: '13900000001' });
  const t2 = await take({});
  const unproven = await clerk.req('POST', '/api/v1/hall/tickets', {
    groupId: A.id,
    source: 'kiosk',
    priority: 'disabled',
  });
  assert.equal(unproven.json().code, 'hall_priority_unproven');
  const young = await clerk.req('POST', '/api/v1/hall/tickets', {
    groupId: A.id,
    source: 'kiosk',
    priority: 'elderly',
    idNumber: '110105200001010016',
  });
  assert.equal(young.json().code, 'hall_priority_unproven', 'born in 2000 is not elderly');
  const old = await take({ priority: 'elderly', idNumber: '11010519491231002X' });
  const desk = await take({ source: 'desk', priority: 'disabled' });
  assert.match(t1.number, /^A\d{3}$/);
  assert.equal(Number(t2.number.slice(1)), Number(t1.number.slice(1)) + 1);
  assert.equal(old.priorityReason, 'elderly');

  const s = (await anon.req('GET', `/api/v1/hall/tickets/status/${t2.token}`)).json() as TicketStatusT;
  assert.equal(s.state, 'waiting');
  assert.equal(s.ahead, 3, 'the two priority tickets and the first walk-in are ahead');
  assert.equal(s.estimatedWaitMinutes, 18);
  assert.equal((await anon.req('GET', '/api/v1/hall/tickets/status/notarealtoken123')).statusCode, 404);

  assert.equal(
    (await clerk.req('POST', '/api/v1/hall/windows/mine/call-next')).json().code,
    'hall_not_at_window',
  );
  const w = (await clerk.req('GET', '/api/v1/hall/panel')).json().windows[0];
  assert.equal((await clerk.req('POST', '/api/v1/hall/windows/sit', { windowId: w.id })).statusCode, 204);
  const order: string[] = [];
  for (let i = 0; i < 4; i++) {
    const c = (await clerk.req('POST', '/api/v1/hall/windows/mine/call-next')).json();
    order.push(c.ticket.number);
    const busy = await clerk.req('POST', '/api/v1/hall/windows/mine/call-next');
    assert.equal(busy.json().code, 'hall_window_busy');
    assert.equal((await clerk.req('POST', '/api/v1/hall/windows/mine/absent')).statusCode, 200);
  }
  assert.deepEqual(order, [old.number, desk.number, t1.number, t2.number]);
  const none = (await clerk.req('POST', '/api/v1/hall/windows/mine/call-next')).json();
  assert.equal(none.ticket, null);
  const near = await t.db
    .selectFrom('notification_outbox')
    .select('subject_id')
    .where('kind', '=', 'hall_ticket_near')
    .execute();
  assert.deepEqual(
    near.map((n) => n.subject_id),
    [t1.id],
    'the one with a phone is told once',
  );
});

test('booked, checked in, called, transferred, served: the visit is linked to its case, times recorded', async () => {
  // The appointment is booked for today, checked in at the kiosk and gets the appointment priority.
  t.clock.set('2026-12-07T00:30:00.000Z');
  await clerk.relogin();
  const booked = await citizen
    .relogin()
    .then((c) =>
      c.req('POST', '/api/v1/hall/appointments', { groupId: A.id, day: '2026-12-07', slot: '14:00' }),
    );
  assert.equal(booked.statusCode, 201, booked.body);
  const walkIn = (await clerk.req('POST', '/api/v1/hall/tickets', { groupId: A.id, source: 'kiosk' })).json();
  const ticket = await clerk.req('POST', '/api/v1/hall/tickets/check-in', { code: booked.json().code });
  assert.equal(ticket.statusCode, 201, ticket.body);
  assert.equal(ticket.json().priorityReason, 'appointment');
  const again = await clerk.req('POST', '/api/v1/hall/tickets/check-in', { code: booked.json().code });
  assert.equal(again.json().id, ticket.json().id, 'scanning twice gives the same ticket');

  t.clock.advance(5 * 60_000);
  const called = (await clerk.req('POST', '/api/v1/hall/windows/mine/call-next')).json().ticket;
  assert.equal(called.number, ticket.json().number, 'the appointment goes before the walk-in');
  assert.equal(called.waitSeconds, 300);
  const status = (await anon.req('GET', `/api/v1/hall/tickets/status/${ticket.json().token}`)).json();
  assert.equal(status.state, 'called');
  assert.equal(status.window, '01号窗口');
  assert.equal((await clerk.req('POST', '/api/v1/hall/windows/mine/recall')).json().callCount, 2);
  const moved = await clerk.req('POST', '/api/v1/hall/windows/mine/transfer', { groupId: B.id });
  assert.equal(moved.json().state, 'waiting');
  assert.equal(moved.json().groupId, B.id);

  // The window calls from both groups: the transferred ticket (appointment priority) comes first again.
  const back = (await clerk.req('POST', '/api/v1/hall/windows/mine/call-next')).json().ticket;
  assert.equal(back.id, ticket.json().id);
  const food = (
    await anon.req('GET', `/api/v1/search?q=${encodeURIComponent('食品经营许可')}&limit=1`)
  ).json().items[0];
  const guide = (await anon.req('GET', `/api/v1/items/${food.id}`)).json();
  const intake = await clerk.req('POST', '/api/v1/cases', {
    itemId: food.id,
    applicant: { kind: 'person', name: '张小明', idNumber: '11010519491231002X', phone: '13800138000' },
    form: { 经营场所: '清河市人民路1号', 经营项目: '热食类食品制售' },
    materials: guide.materials
      .filter(
        (m: { required: boolean; source: string }) =>
          m.required && ['applicant', 'window_check'].includes(m.source),
      )
      .map((m: { name: string }) => ({ name: m.name, paper: true })),
    window: '01',
  });
  assert.equal(intake.statusCode, 201, intake.body);
  const caseId = intake.json().case.id;
  t.clock.advance(12 * 60_000);
  const served = await clerk.req('POST', '/api/v1/hall/windows/mine/finish', { caseId });
  assert.equal(served.statusCode, 200, served.body);
  assert.equal(served.json().state, 'served');
  assert.equal(served.json().serviceSeconds, 720);
  const v = (await clerk.req('GET', `/api/v1/hall/cases/${caseId}/visits`)).json();
  assert.equal(v.count, 1);
  assert.equal(v.promised, guide.maxVisits);
  assert.equal(
    (await citizen.req('GET', `/api/v1/hall/cases/${caseId}/visits`)).statusCode,
    403,
    'not their case',
  );

  // The rating tablet finds the served ticket by its number.
  const found = await clerk.req('GET', `/api/v1/hall/tickets/served?number=${served.json().number}`);
  assert.equal(found.statusCode, 200, found.body);
  assert.equal(found.json().caseId, caseId);
  assert.equal(found.json().windowName, '01号窗口');
  assert.equal(
    (await clerk.req('GET', `/api/v1/hall/tickets/served?number=${walkIn.number}`)).statusCode,
    404,
    'not served',
  );

  // Coming back for the same case beyond the promise raises a signal.
  for (let i = 0; i < 2; i++) {
    await clerk.req('POST', '/api/v1/hall/tickets', { groupId: A.id, source: 'desk' });
    let c = (await clerk.req('POST', '/api/v1/hall/windows/mine/call-next')).json().ticket;
    while (c && c.number === walkIn.number) {
      await clerk.req('POST', '/api/v1/hall/windows/mine/absent');
      c = (await clerk.req('POST', '/api/v1/hall/windows/mine/call-next')).json().ticket;
    }
    const r = await clerk.req('POST', '/api/v1/hall/windows/mine/finish', {
      receiptNo: intake.json().case.receiptNo,
    });
    assert.equal(r.statusCode, 200, r.body);
  }
  const after = (await clerk.req('GET', `/api/v1/hall/cases/${caseId}/visits`)).json();
  assert.equal(after.count, 3);
  assert.equal(after.exceeded, after.promised !== null && 3 > after.promised);
  const signals = await t.db
    .selectFrom('supervision_signals')
    .select('kind')
    .where('subject_id', '=', caseId)
    .where('kind', '=', 'visits_exceeded')
    .execute();
  assert.equal(
    signals.length,
    3 - (guide.maxVisits as number),
    'one signal for each visit beyond the promise',
  );
});

test('no-shows are counted and suspend booking at the configured number', async () => {
  const who = { phone: '13800138033', idNumber: '110105198001010059' };
  for (const day of ['2026-12-08', '2026-12-09']) {
    t.clock.advance(61_000);
    const r = await bookByCode({ day, slot: '09:00' }, who);
    assert.equal(r.statusCode, 201, r.body);
  }
  t.clock.set('2026-12-09T06:00:00.000Z');
  await admin.relogin();
  const swept = await admin.req('POST', '/api/v1/admin/hall/no-shows');
  assert.equal(swept.statusCode, 200, swept.body);
  assert.ok(swept.json().recorded >= 2);
  const refused = await bookByCode({ day: '2026-12-10', slot: '09:00' }, who);
  assert.equal(refused.statusCode, 409, refused.body);
  assert.equal(refused.json().code, 'hall_booking_suspended');
  assert.match(refused.json().detail ?? refused.json().title, /2027-01-08/);
});

test('the hall notices reach their people: the booking in the applicant inbox, the code and near notices resolved', async () => {
  await t.notifications.drain();
  const rows = await t.db
    .selectFrom('notification_outbox')
    .select(['kind', 'status', 'payload'])
    .where('kind', 'like', 'hall_%')
    .execute();
  assert.ok(rows.length > 0);
  const kinds = new Set(rows.map((r) => r.kind));
  assert.deepEqual([...kinds].sort(), ['hall_appointment_booked', 'hall_code', 'hall_ticket_near']);
  assert.deepEqual(
    rows
      .filter((r) => !['expanded', 'done', 'sent', 'delivered'].includes(r.status))
      .map((r) => `${r.kind}:${r.status}`),
    [],
  );
  const citizenId = (
    await t.db.selectFrom('users').select('id').where('username', '=', 'citizen').executeTakeFirstOrThrow()
  ).id;
  const inbox = await t.db
    .selectFrom('inbox_messages')
    .select('title')
    .where('user_id', '=', citizenId)
    .execute();
  assert.ok(
    inbox.some((m) => m.title.startsWith('预约成功')),
    JSON.stringify(inbox),
  );
});
