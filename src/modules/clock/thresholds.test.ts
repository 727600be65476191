import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestContext } from '../../../test/test-context.js';
import { DEFAULT_YELLOW_PCT, yellowThreshold } from './thresholds.js';

test("a clock's yellow threshold: the item's setting, else its department's, else the default", async () => {
  const t = await createTestContext();
  try {
    const set = (scope: string, scopeId: string, pct: number) =>
      t.db
        .insertInto('supervision_thresholds')
        .values({ scope, scope_id: scopeId, yellow_pct: pct, updated_at: '2026-11-26T02:00:00.000Z' })
        .execute();
    assert.equal(await yellowThreshold(t.db, 'item-a', 'dept-a'), DEFAULT_YELLOW_PCT);
    assert.equal(await yellowThreshold(t.db, null, null), DEFAULT_YELLOW_PCT);
    await set('department', 'dept-a', 50);
    assert.equal(await yellowThreshold(t.db, 'item-a', 'dept-a'), 50);
    assert.equal(await yellowThreshold(t.db, null, 'dept-a'), 50);
    assert.equal(await yellowThreshold(t.db, 'item-a', null), DEFAULT_YELLOW_PCT);
    await set('item', 'item-a', 70);
    assert.equal(await yellowThreshold(t.db, 'item-a', 'dept-a'), 70);
    assert.equal(await yellowThreshold(t.db, 'item-a', null), 70);
    assert.equal(await yellowThreshold(t.db, 'item-b', 'dept-a'), 50, 'another item of the department');
    assert.equal(await yellowThreshold(t.db, 'item-b', 'dept-b'), DEFAULT_YELLOW_PCT);
    // An id that happens to equal another scope's id must not be mistaken for it.
    await set('department', 'same-id', 40);
    assert.equal(await yellowThreshold(t.db, 'same-id', null), DEFAULT_YELLOW_PCT);
  } finally {
    await t.close();
  }
});
