import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createTestContext, type TestContext } from '../../../test/test-context.js';
import { staff, PASSWORD } from '../../../test/http.js';
import { LOGIN_POLICY } from './login.js';

let t: TestContext;
before(async () => {
  t = await createTestContext();
});
after(() => t.close());

const login = (username: string, password: string, remoteAddress: string) =>
  t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password }, remoteAddress });

const tally = (codes: number[]) =>
  codes.reduce<Record<number, number>>((m, c) => ({ ...m, [c]: (m[c] ?? 0) + 1 }), {});

test('40 wrong passwords at once for one account: at most the lockout limit are checked, then it is locked', async () => {
  await staff(t, 'parallel.victim', 'admin');
  // Each from an address of its own, so only the account's own limit stands in the way.
  const answers = await Promise.all(
    Array.from({ length: 40 }, (_, i) => login('parallel.victim', `wrong-pass-${i}`, `10.20.0.${i + 1}`)),
  );
  const codes = tally(answers.map((a) => a.statusCode));
  assert.ok((codes[401] ?? 0) <= LOGIN_POLICY.maxFailures, `checked: ${JSON.stringify(codes)}`);
  assert.equal((codes[401] ?? 0) + (codes[423] ?? 0), 40, JSON.stringify(codes));
  const right = await login('parallel.victim', PASSWORD, '10.20.1.1');
  assert.equal(right.statusCode, 423, 'the account is locked, even for the right password');
});

test('40 wrong passwords at once from one address: at most the address limit are checked', async () => {
  const answers = await Promise.all(
    Array.from({ length: 40 }, (_, i) => login(`nobody.${i}`, `wrong-pass-${i}`, '10.30.0.1')),
  );
  const codes = tally(answers.map((a) => a.statusCode));
  assert.ok((codes[401] ?? 0) <= LOGIN_POLICY.ipFailures, `checked: ${JSON.stringify(codes)}`);
  assert.equal((codes[401] ?? 0) + (codes[429] ?? 0), 40, JSON.stringify(codes));
  const after = await login('nobody.0', 'wrong-pass-x', '10.30.0.1');
  assert.equal(after.statusCode, 429, 'the address stays limited');
});
