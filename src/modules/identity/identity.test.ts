import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { createTestContext, type TestContext } from '../../../test/test-context.js';
import { smallCatalogue } from '../../../test/fixtures.js';
import { staff, Client, PASSWORD } from '../../../test/http.js';
import { importCatalogue } from '../catalogue/import-catalogue.js';
import { systemActor } from '../../shared/actor.js';
import { LOGIN_POLICY } from './login.js';

let t: TestContext;
let admin: Client;
const logLines: string[] = [];
before(async () => {
  const logStream = new Writable({
    write(chunk, _e, cb) {
      logLines.push(String(chunk));
      cb();
    },
  });
  t = await createTestContext({ logStream });
  await importCatalogue(t.db, t.clock, systemActor('test'), smallCatalogue());
  admin = await staff(t, 'admin1', 'admin');
});
after(() => t.close());

const anon = () => new Client(t.app);
const ID = '11010519491231002X';

test('a citizen registers with a valid resident ID; a bad check character or date is refused with the field named', async () => {
  const bad = await anon().req('POST', '/api/v1/auth/register', {
    kind: 'person',
    username: 'zhang',
    displayName: '张三',
    password: 'abc12345',
    idNumber: '110105194912310021',
  });
  assert.equal(bad.statusCode, 400);
  assert.equal(bad.json().errors[0].path, '/body/idNumber');
  assert.equal(bad.json().errors[0].code, 'id_check_char');
  const badDate = await anon().req(
    'POST',
    '/api/v1/auth/register',
    {
      kind: 'person',
      username: 'zhang',
      displayName: '张三',
      password: 'abc12345',
      idNumber: '110105194902300011',
    },
    { 'accept-language': 'en' },
  );
  assert.match(badDate.json().errors[0].message, /birth date/);
  const ok = await anon().req('POST', '/api/v1/auth/register', {
    kind: 'person',
    username: 'zhang',
    displayName: '张三',
    password: 'abc12345',
    idNumber: ID,
    phone: '13912345678',
  });
  assert.equal(ok.statusCode, 201, ok.body);
  assert.equal(ok.json().idNumber, '110105********002X', 'the ID number leaves the server masked');
  assert.equal(ok.json().phone, '139****5678');
  const again = await anon().req('POST', '/api/v1/auth/register', {
    kind: 'person',
    username: 'zhang2',
    displayName: '张三',
    password: 'abc12345',
    idNumber: ID,
  });
  assert.equal(again.statusCode, 409, 'one account per ID number');
  assert.equal(
    again.json().detail,
    '该身份证号已注册过账户，请直接登录',
    'one language, no English in the Chinese',
  );
});

test('an enterprise registers with a unified social credit code, letters in position 3-8 allowed', async () => {
  const bad = await anon().req('POST', '/api/v1/auth/register', {
    kind: 'enterprise',
    username: 'corp',
    displayName: '某公司',
    password: 'abc12345',
    creditCode: '91350100M000100Y44',
  });
  assert.equal(bad.json().errors[0].code, 'credit_code_check_char');
  const ok = await anon().req('POST', '/api/v1/auth/register', {
    kind: 'enterprise',
    username: 'corp',
    displayName: '某公司',
    password: 'abc12345',
    creditCode: '91350100M000100Y43',
  });
  assert.equal(ok.statusCode, 201, ok.body);
});

test('login sets an httpOnly session cookie; unsafe requests need the CSRF token; logout ends the session', async () => {
  const res = await anon().req('POST', '/api/v1/auth/login', { username: 'zhang', password: 'abc12345' });
  assert.equal(res.statusCode, 200);
  const session = res.cookies.find((c) => c.name === 'ow_session')!;
  assert.equal(session.httpOnly, true);
  assert.equal(session.sameSite, 'Lax');
  const c = new Client(t.app);
  await c.login('zhang', 'abc12345');
  assert.equal((await c.req('GET', '/api/v1/auth/me')).json().username, 'zhang');
  const noCsrf = await t.app.inject({
    method: 'POST',
    url: '/api/v1/auth/logout',
    headers: { cookie: c.cookie },
  });
  assert.equal(noCsrf.statusCode, 403);
  assert.equal(noCsrf.json().code, 'csrf_failed');
  assert.equal((await c.req('POST', '/api/v1/auth/logout')).statusCode, 204);
  assert.equal(
    (await c.req('GET', '/api/v1/auth/me')).statusCode,
    401,
    'the revoked session no longer works',
  );
});

test('wrong passwords lock the account after the limit, and the lock expires', async () => {
  await staff(t, 'victim', 'clerk', 'SCJ');
  for (let i = 0; i < LOGIN_POLICY.maxFailures; i++) {
    const r = await anon().req('POST', '/api/v1/auth/login', { username: 'victim', password: 'wrong-1234' });
    assert.equal(r.statusCode, 401);
  }
  const locked = await anon().req('POST', '/api/v1/auth/login', { username: 'victim', password: PASSWORD });
  assert.equal(locked.statusCode, 423);
  assert.equal(locked.json().code, 'account_locked');
  t.clock.advance((LOGIN_POLICY.lockMinutes + 1) * 60_000);
  assert.equal(
    (await anon().req('POST', '/api/v1/auth/login', { username: 'victim', password: PASSWORD })).statusCode,
    200,
  );
  const audit = (await admin.req('GET', '/api/v1/audit-events?action=account.locked')).json();
  assert.equal(audit.total, 1);
});

test('one address with many failures is rate-limited', async () => {
  for (let i = 0; i < LOGIN_POLICY.ipFailures; i++) {
    await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: `nobody${i}`, password: 'x' },
      remoteAddress: '10.9.9.9',
    });
  }
  const r = await t.app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { username: 'admin1', password: PASSWORD },
    remoteAddress: '10.9.9.9',
  });
  assert.equal(r.statusCode, 429);
  assert.ok(Number(r.headers['retry-after']) > 0);
  t.clock.advance(LOGIN_POLICY.ipWindowMinutes * 60_000 + 1000);
});

test('an API token authenticates integrations without CSRF, and stops working when revoked', async () => {
  const users = (await admin.req('GET', '/api/v1/admin/users?role=admin')).json();
  const me = users.items.find(
    (u: { id: string; username: string; displayName: string; departmentId: string | null }) =>
      u.username === 'admin1',
  );
  const created = await admin.req('POST', `/api/v1/admin/users/${me.id}/tokens`, { name: '12345 热线对接' });
  assert.equal(created.statusCode, 201);
  const { token, id } = created.json();
  const auth = { authorization: `Bearer ${token}` };
  assert.equal(
    (await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: auth })).json().username,
    'admin1',
  );
  assert.equal(
    (await t.app.inject({ method: 'DELETE', url: `/api/v1/tokens/${id}`, headers: auth })).statusCode,
    204,
  );
  assert.equal(
    (await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: auth })).statusCode,
    401,
  );
  assert.equal(
    (
      await t.app.inject({
        method: 'GET',
        url: '/api/v1/items',
        headers: { authorization: 'Bearer nonsense' },
      })
    ).statusCode,
    401,
  );
});

test('administrators manage staff; department roles need a department; disabling ends sessions', async () => {
  const noDept = await admin.req('POST', '/api/v1/admin/users', {
    username: 'clerk9',
    displayName: '窗口',
    role: 'clerk',
    password: PASSWORD,
  });
  assert.equal(noDept.statusCode, 400);
  assert.equal(noDept.json().errors[0].path, '/body/departmentId');
  const dept = (await anon().req('GET', '/api/v1/departments/SCJ')).json();
  const ok = await admin.req('POST', '/api/v1/admin/users', {
    username: 'clerk9',
    displayName: '窗口',
    role: 'clerk',
    departmentId: dept.id,
    password: PASSWORD,
  });
  assert.equal(ok.statusCode, 201);
  const clerk = await new Client(t.app).login('clerk9');
  assert.equal((await clerk.req('GET', '/api/v1/admin/users')).statusCode, 403);
  // Applicants register themselves with a checked ID; an administrator cannot make one without it.
  const applicant = await admin.req('POST', '/api/v1/admin/users', {
    username: 'walkin1',
    displayName: '张三',
    role: 'applicant',
    password: PASSWORD,
  });
  assert.equal(applicant.statusCode, 400);
  assert.deepEqual(
    applicant.json().errors.map((e: { path: string; code: string }) => [e.path, e.code]),
    [['/body/role', 'applicant_registers']],
  );
  const demote = await admin.req('PATCH', `/api/v1/admin/users/${ok.json().id}`, {
    version: 1,
    role: 'applicant',
  });
  assert.equal(demote.statusCode, 400);
  assert.equal(demote.json().errors[0].code, 'applicant_registers');
  const stale = await admin.req('PATCH', `/api/v1/admin/users/${ok.json().id}`, {
    version: 7,
    status: 'disabled',
  });
  assert.equal(stale.statusCode, 409);
  const dis = await admin.req('PATCH', `/api/v1/admin/users/${ok.json().id}`, {
    version: 1,
    status: 'disabled',
  });
  assert.equal(dis.statusCode, 200);
  assert.equal((await clerk.req('GET', '/api/v1/auth/me')).statusCode, 401);
});

test('passwords, ID numbers and phone numbers never reach the log', async () => {
  await t.app.inject({ method: 'GET', url: `/api/v1/items?q=${ID}&phone=13912345678` });
  const all = logLines.join('');
  assert.ok(logLines.length > 10, 'requests were logged');
  assert.ok(!all.includes('abc12345'), 'password leaked');
  assert.ok(!all.includes(ID), 'ID number leaked');
  assert.ok(!all.includes('13912345678'), 'phone leaked');
  assert.ok(!all.includes(PASSWORD), 'staff password leaked');
});

test('the staff directory: my own department by default, another on request, names and roles only', async () => {
  const rev = await staff(t, 'dir.rev', 'reviewer', 'SCJ');
  await staff(t, 'dir.rev2', 'reviewer', 'SCJ');
  await staff(t, 'dir.wjw', 'reviewer', 'WJW');
  const mine = (await rev.req('GET', '/api/v1/staff')).json().items;
  const names = mine.map(
    (u: { id: string; username: string; displayName: string; departmentId: string | null }) => u.displayName,
  );
  assert.ok(names.includes('dir.rev2'));
  assert.ok(!names.includes('dir.wjw'), 'another department is not listed');
  const wjwId = (
    await t.db.selectFrom('departments').select('id').where('code', '=', 'WJW').executeTakeFirstOrThrow()
  ).id;
  // An inquiry asked at the wrong window is handed over to the department it belongs to.
  const theirs = (await rev.req('GET', `/api/v1/staff?departmentId=${wjwId}`)).json().items;
  assert.ok(
    theirs.some(
      (u: { id: string; username: string; displayName: string; departmentId: string | null }) =>
        u.displayName === 'dir.wjw',
    ),
    'staff can name a colleague of another department',
  );
  assert.ok(
    theirs.every(
      (u: { id: string; username: string; displayName: string; departmentId: string | null }) =>
        u.departmentId === wjwId,
    ),
    'only that department',
  );
  assert.ok(Object.keys(mine[0]).every((k) => ['id', 'displayName', 'role', 'departmentId'].includes(k)));
  assert.ok(
    (await admin.req('GET', `/api/v1/staff?departmentId=${wjwId}`))
      .json()
      .items.some(
        (u: { id: string; username: string; displayName: string; departmentId: string | null }) =>
          u.displayName === 'dir.wjw',
      ),
  );
  assert.equal((await new Client(t.app).req('GET', '/api/v1/staff')).statusCode, 401);
});
