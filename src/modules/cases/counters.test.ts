import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestContext } from '../../../test/test-context.js';
import { nextNumber } from './counters.js';

test('a sequence starts at 1, has no gaps under concurrent transactions, and a rolled-back number is given back', async () => {
  const ctx = await createTestContext();
  try {
    // Concurrent first numbers of a new sequence race for its row; each still gets its own number.
    const got = await Promise.all(
      Array.from({ length: 30 }, () => ctx.db.transaction().execute((trx) => nextNumber(trx, 'test:seq'))),
    );
    assert.deepEqual(
      [...got].sort((a, b) => a - b),
      Array.from({ length: 30 }, (_, i) => i + 1),
    );
    await assert.rejects(
      ctx.db.transaction().execute(async (trx) => {
        assert.equal(await nextNumber(trx, 'test:seq'), 31);
        throw new Error('the document was not issued');
      }),
    );
    assert.equal(
      await ctx.db.transaction().execute((trx) => nextNumber(trx, 'test:seq')),
      31,
      'the number of a rolled-back transaction is used next',
    );
    assert.equal(
      await ctx.db.transaction().execute((trx) => nextNumber(trx, 'test:other')),
      1,
      'each sequence counts on its own',
    );
  } finally {
    await ctx.close();
  }
});
