import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { TestContext } from '../../../test/test-context.js';
import { seeded, walkIn } from '../fees/fee-test-support.js';
import { TRACK_POLICY } from './track-case.js';

let t: TestContext;
before(async () => {
  const { t: context, demo } = await seeded();
  t = context;
  // A case to guess the check code of.
  await walkIn(t, await demo('clerk'), '普通护照签发');
});
after(() => t.close());

test('60 wrong tracking codes at once from one address: at most the limit are answered', async () => {
  const any = await t.db
    .selectFrom('cases')
    .select(['receipt_no', 'check_code'])
    .where('state', '!=', 'draft')
    .executeTakeFirstOrThrow();
  const answers = await Promise.all(
    Array.from({ length: 60 }, (_, i) =>
      t.app.inject({
        url: `/api/v1/track/${any.receipt_no}?code=GUESS${String(i).padStart(2, '0')}XXX`,
        remoteAddress: '10.40.0.1',
      }),
    ),
  );
  const wrong = answers.filter((a) => a.statusCode === 404).length;
  const limited = answers.filter((a) => a.statusCode === 429).length;
  assert.ok(wrong <= TRACK_POLICY.maxFailures, `${wrong} wrong codes answered`);
  assert.equal(wrong + limited, 60);
  const right = await t.app.inject({
    url: `/api/v1/track/${any.receipt_no}?code=${any.check_code}`,
    remoteAddress: '10.40.0.1',
  });
  assert.equal(right.statusCode, 429, 'even the right code is not answered now');
  const elsewhere = await t.app.inject({
    url: `/api/v1/track/${any.receipt_no}?code=${any.check_code}`,
    remoteAddress: '10.40.0.2',
  });
  assert.equal(elsewhere.statusCode, 200, 'another address is not affected');
});
