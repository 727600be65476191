import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createTestContext, type TestContext } from '../../../test/test-context.js';
import { staff, Client } from '../../../test/http.js';

let t: TestContext;
before(async () => {
  t = await createTestContext();
});
after(() => t.close());

const anon = () => new Client(t.app);
const MINUTE = 60_000;
let n = 0;

/** A valid resident ID (GB 11643 check character) for the n-th test citizen. */
function residentId(seq: number): string {
  const body = `11010519900101${String(100 + seq).padStart(3, '0')}`;
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...body].reduce((acc, d, i) => acc + Number(d) * w[i]!, 0);
  return body + '10X98765432'[sum % 11]!;
}

/** A fresh citizen with a phone and an email; the clock moves on so earlier tests' counts are out of the window. */
async function citizen(password = 'abc12345') {
  t.clock.advance(60 * MINUTE);
  n += 1;
  const username = `reset${n}`;
  const r = await anon().req('POST', '/api/v1/auth/register', {
    kind: 'person',
    username,
    displayName: '李四',
    password,
    idNumber: residentId(n),
    phone: `1391234${String(5000 + n)}`,
    email: `${username}@example.cn`,
  });
  return {
    username,
    status: r.statusCode,
    phone: `1391234${String(5000 + n)}`,
    email: `${username}@example.cn`,
  };
}

async function codesFor(username: string): Promise<string[]> {
  const user = await t.db
    .selectFrom('users')
    .select('id')
    .where('username', '=', username)
    .executeTakeFirstOrThrow();
  const resets = await t.db
    .selectFrom('password_resets')
    .select('id')
    .where('user_id', '=', user.id)
    .execute();
  const rows = await t.db
    .selectFrom('notification_outbox')
    .select(['payload', 'recipient_id'])
    .where('kind', '=', 'password_reset_code')
    .execute();
  const ids = new Set(resets.map((r) => r.id));
  return rows
    .filter((r) => ids.has(r.recipient_id!))
    .map((r) => (JSON.parse(r.payload) as { code: string }).code);
}

const ask = (username: string, contact: string, lang = 'zh-CN') =>
  anon().req('POST', '/api/v1/auth/password-reset', { username, contact }, { 'accept-language': lang });
const confirm = (username: string, code: string, newPassword = 'newpass789') =>
  anon().req('POST', '/api/v1/auth/password-reset/confirm', { username, code, newPassword });

test('asking for a reset answers alike whether or not the account and contact match; a code goes out only on a match', async () => {
  const c = await citizen();
  assert.equal(c.status, 201);
  const answers = [
    await ask('nobody-here', c.phone),
    await ask(c.username, '13900000000'),
    await ask(c.username, 'other@example.cn'),
    await ask(c.username, c.phone),
  ];
  for (const a of answers) {
    assert.equal(a.statusCode, 202);
    assert.equal(a.body, answers[3]!.body);
  }
  assert.equal((await codesFor(c.username)).length, 1);
  const row = await t.db
    .selectFrom('password_resets')
    .selectAll()
    .innerJoin('users', 'users.id', 'password_resets.user_id')
    .where('users.username', '=', c.username)
    .executeTakeFirstOrThrow();
  assert.equal(row.channel, 'sms');
  assert.equal(row.address, c.phone);
  const [code] = await codesFor(c.username);
  assert.notEqual(row.code_hash, code, 'only a hash is kept');
  assert.doesNotMatch(row.code_hash, new RegExp(code!));
  const audits = await t.db
    .selectFrom('audit_events')
    .select(['data'])
    .where('action', '=', 'password.reset_requested')
    .execute();
  assert.ok(audits.length >= 4);
  const bad = await ask(c.username, 'not a phone', 'en');
  assert.equal(bad.statusCode, 400);
  assert.equal(bad.json().errors[0].path, '/body/contact');
  assert.match(bad.json().errors[0].message, /mobile number or email/);
});

test('the code sets a new password once, ends every session of the account and tells the account', async () => {
  const c = await citizen();
  const signedIn = await anon().login(c.username, 'abc12345');
  const elsewhere = await anon().login(c.username, 'abc12345');
  assert.equal((await signedIn.req('GET', '/api/v1/auth/me')).statusCode, 200);
  assert.equal((await ask(c.username, c.email.toUpperCase())).statusCode, 202);
  const [code] = await codesFor(c.username);
  const weak = await confirm(c.username, code!, 'short');
  assert.equal(weak.statusCode, 400);
  assert.equal(weak.json().errors[0].path, '/body/newPassword');
  assert.equal((await confirm(c.username, code!)).statusCode, 204);
  assert.equal((await signedIn.req('GET', '/api/v1/auth/me')).statusCode, 401);
  assert.equal((await elsewhere.req('GET', '/api/v1/auth/me')).statusCode, 401);
  const old = await anon().req('POST', '/api/v1/auth/login', { username: c.username, password: 'abc12345' });
  assert.equal(old.statusCode, 401);
  await anon().login(c.username, 'newpass789');
  const again = await confirm(c.username, code!, 'another789');
  assert.equal(again.statusCode, 422);
  assert.equal(again.json().code, 'reset_code_invalid');
  const user = await t.db
    .selectFrom('users')
    .select('id')
    .where('username', '=', c.username)
    .executeTakeFirstOrThrow();
  const notices = await t.db
    .selectFrom('notification_outbox')
    .select(['recipient_type'])
    .where('kind', '=', 'password_changed')
    .where('recipient_id', '=', user.id)
    .execute();
  assert.deepEqual(notices, [{ recipient_type: 'user' }]);
  const done = await t.db
    .selectFrom('audit_events')
    .select('data')
    .where('action', '=', 'password.reset')
    .where('entity_id', '=', user.id)
    .executeTakeFirstOrThrow();
  assert.equal(JSON.parse(done.data).sessionsEnded, 2);
});

test('a code expires after its minutes, and a reset is spent after five wrong codes', async () => {
  const c = await citizen();
  await ask(c.username, c.phone);
  const [first] = await codesFor(c.username);
  t.clock.advance(16 * MINUTE);
  assert.equal((await confirm(c.username, first!)).statusCode, 422);

  t.clock.advance(16 * MINUTE);
  await ask(c.username, c.phone);
  const code = (await codesFor(c.username)).at(-1)!;
  const wrong = code === '000000' ? '000001' : '000000';
  for (let i = 0; i < 5; i++) assert.equal((await confirm(c.username, wrong)).statusCode, 422);
  assert.equal((await confirm(c.username, code)).statusCode, 422, 'spent after five wrong codes');
});

test('requests are limited per username, existing or not, and wrong codes per address', async () => {
  const c = await citizen();
  for (let i = 0; i < 3; i++) assert.equal((await ask(c.username, c.phone)).statusCode, 202);
  assert.equal((await ask(c.username, c.phone)).statusCode, 429);
  for (let i = 0; i < 3; i++) assert.equal((await ask('ghost-user', c.phone)).statusCode, 202);
  const ghost = await ask('ghost-user', c.phone);
  assert.equal(ghost.statusCode, 429, 'an unknown username is limited alike');
  assert.ok(ghost.headers['retry-after']);

  t.clock.advance(60 * MINUTE);
  let limited = 0;
  for (let i = 0; i < 12; i++) if ((await confirm(`ghost${i}`, '123456')).statusCode === 429) limited += 1;
  assert.equal(limited, 2, 'ten wrong codes from one address, then 429');
});

test('an applicant keeps a profile; bad input is refused on its field in both languages; staff have none', async () => {
  const c = await citizen();
  const me = await anon().login(c.username, 'abc12345');
  const p = await me.req('GET', '/api/v1/me/profile');
  assert.equal(p.statusCode, 200);
  const profile = p.json();
  assert.equal(profile.kind, 'person');
  assert.equal(profile.phone, c.phone);
  assert.match(profile.idNumber, /^110105\*{8}/);
  assert.equal(profile.address, null);
  const bad = await me.req(
    'PUT',
    '/api/v1/me/profile',
    { version: profile.version, displayName: ' ', phone: '12345', email: 'nope' },
    { 'accept-language': 'en' },
  );
  assert.equal(bad.statusCode, 400);
  assert.deepEqual(
    bad.json().errors.map((e: { path: string }) => e.path),
    ['/body/displayName', '/body/phone', '/body/email'],
  );
  assert.match(bad.json().errors[1].message, /11 digits/);
  const zh = await me.req('PUT', '/api/v1/me/profile', {
    version: profile.version,
    displayName: '李四',
    phone: '1',
  });
  assert.match(zh.json().errors[0].message, /手机号码/);
  const ok = await me.req('PUT', '/api/v1/me/profile', {
    version: profile.version,
    displayName: '李四',
    phone: '13800001111',
    email: c.email,
    address: '青河市人民路 1 号',
    contactName: '李四',
  });
  assert.equal(ok.statusCode, 200);
  assert.equal(ok.json().address, '青河市人民路 1 号');
  assert.equal((await me.req('GET', '/api/v1/me/profile')).json().phone, '13800001111');
  const stale = await me.req('PUT', '/api/v1/me/profile', { version: profile.version, displayName: '李四' });
  assert.equal(stale.statusCode, 409);
  const supervisor = await staff(t, 'supervisor-profile', 'supervisor');
  assert.equal((await supervisor.req('GET', '/api/v1/me/profile')).statusCode, 403);
  assert.equal((await anon().req('GET', '/api/v1/me/profile')).statusCode, 401);
});
