import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { createTestContext, type TestContext } from '../../../test/test-context.js';
import { Client, staff, PASSWORD } from '../../../test/http.js';
import { migrateToLatest, migrator } from '../../db/migrate.js';

let t: TestContext;
let admin: Client;
before(async () => {
  t = await createTestContext();
  admin = await staff(t, 'admin.case', 'admin');
});
after(() => t.close());

const register = (username: string, idNumber: string) =>
  new Client(t.app).req('POST', '/api/v1/auth/register', {
    kind: 'person',
    username,
    displayName: '市民',
    password: 'abc12345',
    idNumber,
  });

test('a user name is one name whatever its case: no Citizen beside citizen, and either signs in', async () => {
  assert.equal((await register('citizen', '11010519491231002X')).statusCode, 201);
  const twin = await register('Citizen', '110105198001010016');
  assert.equal(twin.statusCode, 409, twin.body);
  const staffTwin = await admin.req('POST', '/api/v1/admin/users', {
    username: 'CITIZEN',
    displayName: '窗口',
    role: 'supervisor',
    password: PASSWORD,
  });
  assert.equal(staffTwin.statusCode, 409, staffTwin.body);
  const login = await t.app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { username: 'CitiZen', password: 'abc12345' },
  });
  assert.equal(login.statusCode, 200, login.body);
  assert.equal(login.json().user.username, 'citizen');
});

test('two registrations at once with names that differ by case: one account, the other a 409', async () => {
  const staffOf = (username: string) =>
    admin.req('POST', '/api/v1/admin/users', {
      username,
      displayName: username,
      role: 'supervisor',
      password: PASSWORD,
    });
  const answers = await Promise.all([staffOf('racer'), staffOf('RACER')]);
  assert.deepEqual(
    answers.map((a) => a.statusCode).sort(),
    [201, 409],
    answers.map((a) => a.body).join('\n'),
  );
});

test('the migration keeps the oldest of names that differ by case and renames the later ones', async () => {
  const m = await migrator(t.db);
  const down = await m.migrateTo('0007-notification-channels');
  assert.equal(down.error, undefined);
  const base = await t.db
    .selectFrom('users')
    .selectAll()
    .where('username', '=', 'citizen')
    .executeTakeFirstOrThrow();
  await t.db
    .insertInto('users')
    .values([
      {
        ...base,
        id: `${base.id.slice(0, -6)}aaaaa1`,
        username: 'Citizen',
        id_number: null,
        created_at: '2027-01-01T00:00:00.000Z',
      },
      {
        ...base,
        id: `${base.id.slice(0, -6)}bbbbb2`,
        username: 'CITIZEN',
        id_number: null,
        created_at: '2027-01-02T00:00:00.000Z',
      },
    ])
    .execute();
  await migrateToLatest(t.db);
  const names = (
    await t.db
      .selectFrom('users')
      .select('username')
      .where(sql<string>`lower(username)`, 'like', '%citizen%')
      .execute()
  )
    .map((u) => u.username)
    .sort();
  assert.deepEqual(names, ['CITIZEN-bbbbb2', 'Citizen-aaaaa1', 'citizen'].sort());
  await assert.rejects(
    t.db
      .insertInto('users')
      .values({ ...base, id: `${base.id.slice(0, -6)}ccccc3`, username: 'cItizen', id_number: null })
      .execute(),
    'the index refuses a name that differs only by case',
  );
});
