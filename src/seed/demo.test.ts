import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createTestContext, type TestContext } from '../../test/test-context.js';
import { seedDemo } from './seed-demo.js';
import { Client } from '../../test/http.js';

let t: TestContext;
before(async () => {
  t = await createTestContext();
  await seedDemo(t.db, t.clock);
});
after(() => t.close());

const get = (url: string) => new Client(t.app).req('GET', url).then((r) => r.json());

test('the demo catalogue has the totals the center publishes, with real names', async () => {
  const s = await get('/api/v1/catalogue/summary');
  assert.equal(s.departments, 31);
  assert.equal(s.licensingItems, 136);
  assert.equal(s.feeAndConvenienceItems, 62);
  const names = (await get('/api/v1/items?type=licensing&pageSize=200')).items.map(
    (i: { name: string }) => i.name,
  );
  for (const n of ['食品经营许可', '公共场所卫生许可']) assert.ok(names.includes(n), `${n} missing`);
  assert.ok(!names.some((n: string) => /^(Item|事项) ?\d+$/.test(n)));
});

const top = async (q: string, n = 5): Promise<string[]> =>
  (await get(`/api/v1/search?q=${encodeURIComponent(q)}&limit=${n}`)).items.map(
    (i: { name: string }) => i.name,
  );

test('search understands a plain need: 我想开餐馆 → 食品经营许可 in the top five', async () => {
  const hits = await top('我想开餐馆');
  assert.ok(hits.includes('食品经营许可'), hits.join(', '));
});

test('search: 开办企业 finds business registration', async () => {
  const hits = await top('开办企业');
  assert.ok(
    hits.some((n) => /设立登记|营业执照|企业登记|公司设立/.test(n)),
    hits.join(', '),
  );
});

test('search: everyday needs land on the right item', async () => {
  const cases: [string, RegExp][] = [
    ['我要办护照', /护照/],
    ['买房过户', /转移登记/],
    ['盖房子要什么手续', /规划许可|施工许可/],
    ['驾照', /驾驶证/],
    ['提取公积金', /公积金/],
  ];
  for (const [q, expected] of cases) {
    const hits = await top(q);
    assert.ok(
      hits.some((n) => expected.test(n)),
      `${q}: ${hits.join(', ')}`,
    );
  }
  assert.deepEqual(await top('zzzz完全无关的词qqq'), []);
});
