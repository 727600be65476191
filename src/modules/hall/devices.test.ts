import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createTestContext, type TestContext } from '../../../test/test-context.js';
import { Client } from '../../../test/http.js';
import { seedDemo, DEMO_PASSWORD } from '../../seed/seed-demo.js';
import { makeGroup, makeWindow } from './test-support.js';

let t: TestContext;
let admin: Client, clerk: Client, supervisor: Client;
let X: { id: string }, Y: { id: string }, W1: { id: string }, W2: { id: string };
const demo = (u: string) => new Client(t.app).login(u, DEMO_PASSWORD);

/** A request as a device: its bearer token only, no session. */
const device = (token: string, method: 'GET' | 'POST', url: string, payload?: object, lang = 'zh-CN') =>
  t.app.inject({
    method,
    url,
    ...(payload ? { payload } : {}),
    headers: { authorization: `Bearer ${token}`, 'accept-language': lang },
  });

const register = async (body: Record<string, unknown>, lang = 'zh-CN') =>
  admin.req('POST', '/api/v1/admin/hall/devices', body, { 'accept-language': lang });

before(async () => {
  t = await createTestContext({ start: '2026-12-04T01:30:00.000Z' }); // Friday 09:30 in 清河
  await seedDemo(t.db, t.clock);
  [admin, clerk, supervisor] = (await Promise.all(['admin', 'clerk', 'supervisor'].map(demo))) as [
    Client,
    Client,
    Client,
  ];
  X = await makeGroup(t, admin, 'X');
  Y = await makeGroup(t, admin, 'Y');
  W1 = await makeWindow(admin, 'T1', [X.id]);
  W2 = await makeWindow(admin, 'T2', [Y.id]);
});
after(() => t.close());

test('registration: administrators only, the binding checked, errors in Chinese and English', async () => {
  const refused = await clerk.req('POST', '/api/v1/admin/hall/devices', { kind: 'kiosk', name: '取号机' });
  assert.equal(refused.statusCode, 403);

  const zh = await register({ kind: 'tablet', name: '评价器', groupId: 'no-such-group' });
  assert.equal(zh.statusCode, 400, zh.body);
  const fields = zh.json().errors.map((e: { path: string; message: string }) => [e.path, e.message]);
  assert.deepEqual(fields, [
    ['/body/windowId', '评价器须绑定一个窗口'],
    ['/body/groupId', '没有这个窗口分组'],
  ]);
  assert.match(zh.json().detail, /评价器须绑定一个窗口/);
  const en = await register({ kind: 'kiosk', name: 'Kiosk', windowId: W1.id }, 'en');
  assert.equal(en.statusCode, 400, en.body);
  assert.equal(en.json().errors[0].message, 'Only a rating tablet belongs to a window');
  const blank = await register({ kind: 'display', name: '   ' }, 'en');
  assert.equal(blank.statusCode, 400, blank.body);
  const badKind = await register({ kind: 'printer', name: 'P' });
  assert.equal(badKind.statusCode, 400, badKind.body);
  assert.equal(
    await t.db
      .selectFrom('hall_devices')
      .select('id')
      .execute()
      .then((r) => r.length),
    0,
  );
});

test('a kiosk issues tickets (for its group only) and nothing else; its account never logs in', async () => {
  const r = await register({ kind: 'kiosk', name: 'X 区取号机', groupId: X.id });
  assert.equal(r.statusCode, 201, r.body);
  const { token, device: d } = r.json();
  assert.match(token, /^owd_/);
  assert.equal(d.groupId, X.id);

  const me = await device(token, 'GET', '/api/v1/hall/device');
  assert.equal(me.statusCode, 200, me.body);
  assert.equal(me.json().device.kind, 'kiosk');
  assert.equal(me.json().group.code, 'X');

  const taken = await device(token, 'POST', '/api/v1/hall/tickets', { groupId: X.id, source: 'desk' });
  assert.equal(taken.statusCode, 201, taken.body);
  assert.match(taken.json().number, /^X\d{3}$/);
  const row = await t.db
    .selectFrom('hall_tickets')
    .select(['source', 'taken_by'])
    .where('id', '=', taken.json().id)
    .executeTakeFirstOrThrow();
  assert.equal(row.source, 'kiosk', 'a kiosk never vouches for a priority like the front desk');
  assert.equal(row.taken_by, (await deviceUser(d.id)).user_id);

  const other = await device(token, 'POST', '/api/v1/hall/tickets', { groupId: Y.id, source: 'kiosk' }, 'en');
  assert.equal(other.statusCode, 400);
  assert.equal(other.json().errors[0].message, 'This kiosk issues numbers for its own group only');

  for (const [method, url] of [
    ['GET', '/api/v1/hall/tickets'],
    ['GET', '/api/v1/hall/panel'],
    ['POST', '/api/v1/hall/windows/mine/call-next'],
    ['GET', '/api/v1/ratings/on-site/pending'],
    ['GET', '/api/v1/admin/hall/devices'],
    ['GET', '/api/v1/ratings'],
  ] as const)
    assert.equal((await device(token, method, url)).statusCode, 403, `${method} ${url}`);
  const rate = await device(token, 'POST', '/api/v1/ratings/on-site', { ticketNo: 'X001', level: 5 });
  assert.equal(rate.statusCode, 403);

  // Its account has no password and is not one of the people the administrator edits.
  const login = await t.app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { username: `device:${d.id}`, password: '!' },
  });
  assert.equal(login.statusCode, 401);
  const users = (await admin.req('GET', '/api/v1/admin/users?limit=200')).json();
  assert.ok(!users.items.some((u: { username: string }) => u.username.startsWith('device:')));
  const { user_id } = await deviceUser(d.id);
  assert.equal(
    (await admin.req('POST', `/api/v1/admin/users/${user_id}/tokens`, { name: 'x' })).statusCode,
    404,
  );
  assert.equal(
    (await admin.req('PATCH', `/api/v1/admin/users/${user_id}`, { role: 'clerk', version: 1 })).statusCode,
    404,
  );
  const minted = await device(token, 'POST', `/api/v1/admin/users/${user_id}/tokens`, { name: 'more' });
  assert.equal(minted.statusCode, 403, 'a device cannot mint itself another token');
});

const deviceUser = (id: string) =>
  t.db
    .selectFrom('hall_devices')
    .select(['user_id', 'token_id'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();

test("a window's tablet prompts for the visit just served there and rates it once; another window's tablet cannot", async () => {
  const tablet = (await register({ kind: 'tablet', name: 'T1 评价器', windowId: W1.id })).json().token;
  const elsewhere = (await register({ kind: 'tablet', name: 'T2 评价器', windowId: W2.id })).json().token;
  const none = await device(tablet, 'GET', '/api/v1/ratings/on-site/pending');
  assert.equal(none.statusCode, 200, none.body);

  const ticket = (await clerk.req('POST', '/api/v1/hall/tickets', { groupId: X.id, source: 'desk' })).json();
  assert.equal((await clerk.req('POST', '/api/v1/hall/windows/sit', { windowId: W1.id })).statusCode, 204);
  let called = (await clerk.req('POST', '/api/v1/hall/windows/mine/call-next')).json().ticket;
  while (called && called.number !== ticket.number) {
    const f = await clerk.req('POST', '/api/v1/hall/windows/mine/finish', {});
    assert.equal(f.statusCode, 200, f.body);
    t.clock.advance(60_000);
    called = (await clerk.req('POST', '/api/v1/hall/windows/mine/call-next')).json().ticket;
  }
  assert.equal(called.number, ticket.number);
  t.clock.advance(5 * 60_000);
  assert.equal((await clerk.req('POST', '/api/v1/hall/windows/mine/finish', {})).statusCode, 200);

  const pending = (await device(tablet, 'GET', '/api/v1/ratings/on-site/pending')).json().visit;
  assert.equal(pending.ticketNo, ticket.number);
  assert.equal(pending.window, 'T1号窗口');
  assert.equal((await device(elsewhere, 'GET', '/api/v1/ratings/on-site/pending')).json().visit, null);

  const theirs = await device(elsewhere, 'POST', '/api/v1/ratings/on-site', {
    ticketNo: ticket.number,
    level: 1,
  });
  assert.equal(theirs.statusCode, 404, "another window's tablet does not rate this visit");
  const rated = await device(tablet, 'POST', '/api/v1/ratings/on-site', {
    ticketNo: ticket.number,
    level: 4,
    indicators: { overall: 4 },
  });
  assert.equal(rated.statusCode, 201, rated.body);
  assert.equal((await device(tablet, 'GET', '/api/v1/ratings/on-site/pending')).json().visit, null);
  const again = await device(tablet, 'POST', '/api/v1/ratings/on-site', {
    ticketNo: ticket.number,
    level: 1,
  });
  assert.equal(again.statusCode, 409, 'one rating per visit');
  assert.equal(
    (await device(tablet, 'POST', '/api/v1/hall/tickets', { groupId: X.id, source: 'kiosk' })).statusCode,
    403,
  );
  await clerk.req('POST', '/api/v1/hall/windows/sit', { windowId: W1.id, leave: true });
});

test('a screen reads its binding and the calls, and issues nothing', async () => {
  const screen = (await register({ kind: 'display', name: '大厅叫号屏' })).json().token;
  assert.equal((await device(screen, 'GET', '/api/v1/hall/device')).json().device.kind, 'display');
  assert.equal((await device(screen, 'GET', '/api/v1/hall/display')).statusCode, 200);
  assert.equal(
    (await device(screen, 'POST', '/api/v1/hall/tickets', { groupId: X.id, source: 'kiosk' })).statusCode,
    403,
  );
  assert.equal(
    (await device(screen, 'POST', '/api/v1/ratings/on-site', { ticketNo: 'X001', level: 5 })).statusCode,
    403,
  );
});

test('a revoked device is refused from the next request; the revocation is audited', async () => {
  const r = (await register({ kind: 'kiosk', name: '备用取号机' })).json();
  assert.equal((await device(r.token, 'GET', '/api/v1/hall/device')).statusCode, 200);
  assert.equal(
    (await supervisor.req('POST', `/api/v1/admin/hall/devices/${r.device.id}/revoke`)).statusCode,
    403,
  );
  const revoked = await admin.req('POST', `/api/v1/admin/hall/devices/${r.device.id}/revoke`);
  assert.equal(revoked.statusCode, 200, revoked.body);
  assert.ok(revoked.json().revokedAt);
  assert.equal((await device(r.token, 'GET', '/api/v1/hall/device')).statusCode, 401);
  assert.equal(
    (await device(r.token, 'POST', '/api/v1/hall/tickets', { groupId: X.id, source: 'kiosk' })).statusCode,
    401,
  );
  const twice = await admin.req('POST', `/api/v1/admin/hall/devices/${r.device.id}/revoke`);
  assert.equal(twice.statusCode, 200);
  const events = await t.db
    .selectFrom('audit_events')
    .select('action')
    .where('entity_id', '=', r.device.id)
    .orderBy('at')
    .execute();
  assert.deepEqual(
    events.map((e) => e.action),
    ['hall.device_registered', 'hall.device_revoked'],
  );
  const list = (await admin.req('GET', '/api/v1/admin/hall/devices')).json().items;
  assert.ok(list.find((d: { id: string }) => d.id === r.device.id).revokedAt);
});

test('settings: the defaults from the environment, checked changes, stale versions refused, new tickets queued by them', async () => {
  const s = (await admin.req('GET', '/api/v1/admin/hall/settings')).json();
  assert.deepEqual(s, {
    priority: { disabled: 3, elderly: 3, appointment: 2 },
    elderlyAge: 60,
    noShowLimit: 3,
    suspendDays: 30,
    version: 0,
  });
  const bad = await admin.req(
    'PUT',
    '/api/v1/admin/hall/settings',
    { ...s, noShowLimit: 0 },
    { 'accept-language': 'en' },
  );
  assert.equal(bad.statusCode, 400);
  assert.match(bad.body, /noShowLimit/);
  assert.equal((await clerk.req('PUT', '/api/v1/admin/hall/settings', s)).statusCode, 403);
  const saved = await admin.req('PUT', '/api/v1/admin/hall/settings', {
    ...s,
    priority: { ...s.priority, disabled: 5 },
    suspendDays: 7,
  });
  assert.equal(saved.statusCode, 200, saved.body);
  assert.equal(saved.json().version, 1);
  const stale = await admin.req('PUT', '/api/v1/admin/hall/settings', s);
  assert.equal(stale.statusCode, 409);
  const tk = await clerk.req('POST', '/api/v1/hall/tickets', {
    groupId: Y.id,
    source: 'desk',
    priority: 'disabled',
  });
  assert.equal(tk.statusCode, 201, tk.body);
  const row = await t.db
    .selectFrom('hall_tickets')
    .select('priority')
    .where('id', '=', tk.json().id)
    .executeTakeFirstOrThrow();
  assert.equal(row.priority, 5);
});
