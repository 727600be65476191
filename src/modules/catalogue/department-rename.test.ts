import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createTestContext, type TestContext } from '../../../test/test-context.js';
import { Client, staff } from '../../../test/http.js';
import { seedDemo } from '../../seed/seed-demo.js';

/** A department's names are search terms of its items: renaming it reindexes them, in one transaction. */
let t: TestContext;
let admin: Client;
before(async () => {
  t = await createTestContext();
  await seedDemo(t.db, t.clock);
  admin = await staff(t, 'admin1', 'admin');
});
after(() => t.close());

const anon = () => new Client(t.app);
const found = async (q: string) => {
  const r = await anon().req('GET', `/api/v1/search?q=${encodeURIComponent(q)}&limit=50`);
  assert.equal(r.statusCode, 200, r.body);
  return new Set((r.json().items as { id: string }[]).map((i) => i.id));
};

/** The data of the department's latest department.updated audit event. */
async function lastUpdate(departmentId: string): Promise<unknown> {
  const events = await t.db
    .selectFrom('audit_events')
    .select('data')
    .where('action', '=', 'department.updated')
    .where('entity_id', '=', departmentId)
    .orderBy('id')
    .execute();
  return JSON.parse(events.at(-1)!.data);
}

async function rename(code: string, names: { shortName?: string; shortNameEn?: string; hours?: string }) {
  const { id, version, ...fields } = (await anon().req('GET', `/api/v1/departments/${code}`)).json();
  const r = await admin.req('PUT', `/api/v1/admin/departments/${id}`, { ...fields, ...names, version });
  assert.equal(r.statusCode, 200, r.body);
  return id as string;
}

test('after a rename the items are found by the new name and no longer by the old one', async () => {
  const items = (await anon().req('GET', '/api/v1/items?department=SCJ&pageSize=100')).json().items as {
    id: string;
  }[];
  assert.ok(items.length >= 2, 'the demo gives 市场监管局 several published items');
  const ours = new Set(items.map((i) => i.id));
  // One of them withdrawn: it stays out of the search after the rename too.
  const withdrawn = items[0]!.id;
  const item = await t.db
    .selectFrom('items')
    .select('version')
    .where('id', '=', withdrawn)
    .executeTakeFirstOrThrow();
  const w = await admin.req('POST', `/api/v1/admin/items/${withdrawn}/withdraw`, {
    version: item.version,
    reason: '测试：撤回一项',
  });
  assert.equal(w.statusCode, 204, w.body);
  assert.equal((await found('Zephyr')).size, 0, 'nothing is called Zephyr yet');

  const deptId = await rename('SCJ', { shortNameEn: 'Zephyr Bureau', shortName: '泽风局' });
  const byEnglish = await found('Zephyr');
  const byChinese = await found('泽风局');
  const expected = [...ours].filter((id) => id !== withdrawn).sort();
  assert.deepEqual(
    [...byEnglish].sort(),
    expected,
    'every published item of the department, by the English name',
  );
  assert.deepEqual([...byChinese].sort(), expected, 'and by the Chinese short name');

  assert.deepEqual(await lastUpdate(deptId), {
    code: 'SCJ',
    renamed: true,
    reindexedItems: expected.length,
  });

  await rename('SCJ', { shortNameEn: 'Quokka Bureau', shortName: '青鸟局' });
  assert.equal((await found('Zephyr')).size, 0, 'the old English name finds nothing');
  assert.equal((await found('泽风局')).size, 0, 'nor the old Chinese one');
  assert.deepEqual([...(await found('Quokka'))].sort(), expected);
});

test('an edit that keeps the names leaves the index and the audit record as they were', async () => {
  const before = await t.db.selectFrom('item_search_terms').select(['item_id', 'term', 'weight']).execute();
  const id = await rename('WJW', { hours: '周一至周五 8:30-17:30' });
  const after = await t.db.selectFrom('item_search_terms').select(['item_id', 'term', 'weight']).execute();
  const key = (r: { item_id: string; term: string; weight: number }) => `${r.item_id} ${r.term} ${r.weight}`;
  assert.deepEqual(after.map(key).sort(), before.map(key).sort());
  assert.deepEqual(await lastUpdate(id), { code: 'WJW' });
});
