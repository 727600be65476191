import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { createTestContext, type TestContext } from '../../test/test-context.js';

const contexts: TestContext[] = [];
after(async () => {
  for (const t of contexts) await t.close();
});

/** Wrong tracking lookups through a proxy at 10.0.0.2, each claiming a different origin in front of the real one. */
async function guesses(trust: string): Promise<number[]> {
  const t = await createTestContext({ env: { TRUST_PROXY: trust } });
  contexts.push(t);
  const statuses: number[] = [];
  for (let i = 0; i < 12; i++) {
    const r = await t.app.inject({
      url: `/api/v1/track/QH2026000${String(i).padStart(4, '0')}?code=GUESS${i}XXXX`,
      remoteAddress: '10.0.0.2',
      headers: { 'x-forwarded-for': `198.51.100.${i}, 203.0.113.7` },
    });
    statuses.push(r.statusCode);
  }
  return statuses;
}

test('behind one trusted proxy, a client cannot pick its own address with X-Forwarded-For', async () => {
  // The proxy appended the address it saw (203.0.113.7); whatever the client wrote before that is not believed.
  const statuses = await guesses('true');
  assert.deepEqual(statuses.slice(0, 10), Array(10).fill(404));
  assert.deepEqual(statuses.slice(10), [429, 429], 'the eleventh guess from the same client is refused');
});

test('the proxies may be named by address instead', async () => {
  const statuses = await guesses('10.0.0.0/8');
  assert.deepEqual(statuses.slice(10), [429, 429]);
});
