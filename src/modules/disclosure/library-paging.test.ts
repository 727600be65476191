import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createTestContext, type TestContext } from '../../../test/test-context.js';
import { Client } from '../../../test/http.js';
import { seedDemo, DEMO_PASSWORD } from '../../seed/seed-demo.js';

let t: TestContext;
let admin: Client, visitor: Client;
const MANY = 130;

type Page = {
  items: { id: string; docNo: string; issuedOn: string; status: string; score?: number }[];
  total: number;
  offset: number;
  limit: number;
};

before(async () => {
  t = await createTestContext({ start: '2026-11-30T01:30:00.000Z' });
  await seedDemo(t.db, t.clock);
  admin = await new Client(t.app).login('admin', DEMO_PASSWORD);
  visitor = new Client(t.app);
  // More documents than a page can hold: ten share each issue date (ties the order must break),
  // and the words searched for stand in the title of some, the body of all, so scores differ and tie.
  for (let i = 0; i < MANY; i += 10)
    await Promise.all(
      Array.from({ length: 10 }, async (_, j) => {
        const k = i + j;
        const r = await admin.req('POST', '/api/v1/disclosure/documents', {
          docNo: `清民规〔2025〕${k + 1}号`,
          title:
            k % 3 === 0
              ? `清河市养老服务补贴发放办法（第${k + 1}号）`
              : `清河市社会救助工作规程（第${k + 1}号）`,
          issuer: '清河市民政局',
          issuedOn: `2025-${String((k % 10) + 1).padStart(2, '0')}-15`,
          effectiveOn: '2025-12-01',
          body: `第一条 为做好养老服务补贴工作，制定本规定。${k % 2 ? '第二条 养老服务机构按月报送。' : ''}`,
          interpretation: '本规定明确了补贴的申请与发放。',
        });
        assert.equal(r.statusCode, 201, r.body);
      }),
    );
});
after(() => t.close());

const get = async (query: string) => {
  const r = await visitor.req('GET', `/api/v1/disclosure/documents?${query}`);
  assert.equal(r.statusCode, 200, r.body);
  return r.json() as Page;
};

/** Every page of a listing, of a given size, in order. */
async function pages(query: string, size: number) {
  const first = await get(`${query}&limit=${size}&offset=0`);
  const all = [...first.items];
  for (let offset = size; offset < first.total; offset += size) {
    const p = await get(`${query}&limit=${size}&offset=${offset}`);
    assert.equal(p.total, first.total, 'the total does not move between pages');
    assert.deepEqual({ offset: p.offset, limit: p.limit }, { offset, limit: size });
    all.push(...p.items);
  }
  return { total: first.total, items: all };
}

test('the whole library pages newest first, each document once, whatever the page size', async () => {
  const by50 = await pages('', 50);
  assert.ok(by50.total >= MANY, `${by50.total}`);
  assert.equal(by50.items.length, by50.total);
  assert.equal(new Set(by50.items.map((d) => d.id)).size, by50.total);
  const by100 = await pages('', 100);
  assert.deepEqual(
    by100.items.map((d) => d.id),
    by50.items.map((d) => d.id),
  );
  const dates = by50.items.map((d) => d.issuedOn);
  assert.deepEqual(dates, [...dates].sort().reverse(), 'newest first');
  const beyond = await get(`limit=50&offset=${by50.total}`);
  assert.deepEqual({ items: beyond.items, total: beyond.total }, { items: [], total: by50.total });
});

test("a search pages in its ranking's order, each document once, the total counting every match", async () => {
  const q = `q=${encodeURIComponent('养老服务补贴')}`;
  const by40 = await pages(q, 40);
  assert.ok(by40.total >= MANY, `${by40.total}`);
  assert.equal(by40.items.length, by40.total);
  assert.equal(new Set(by40.items.map((d) => d.id)).size, by40.total);
  const by100 = await pages(q, 100);
  assert.deepEqual(
    by100.items.map((d) => d.id),
    by40.items.map((d) => d.id),
  );
  const scores = by40.items.map((d) => d.score!);
  assert.deepEqual(
    scores,
    [...scores].sort((a, b) => b - a),
    'best first across pages',
  );
  assert.ok(new Set(scores).size > 1 && new Set(scores).size < scores.length, 'scores differ, and some tie');
  // The first page is the best of the whole ranking, not the best of the first hundred found.
  assert.match(by40.items[0]!.docNo, /^清民规〔2025〕/);
});

test('a state narrows both the listing and the search, and their totals', async () => {
  const repealedNo = '清民规〔2025〕1号';
  const target = (await get(`q=${encodeURIComponent(repealedNo)}&limit=1`)).items[0]!;
  assert.equal(target.docNo, repealedNo);
  const r = await admin.req('POST', `/api/v1/disclosure/documents/${target.id}/repeal`, {
    version: 1,
    repealedOn: '2026-11-30',
    reason: '已被新规定取代',
  });
  assert.equal(r.statusCode, 200, r.body);
  const valid = await pages('status=valid', 60);
  const all = await get('limit=1');
  const repealed = await get('status=repealed&limit=100');
  assert.equal(valid.items.length, valid.total);
  assert.ok(valid.items.every((d) => d.status === 'valid'));
  assert.ok(repealed.items.some((d) => d.id === target.id));
  const q = `q=${encodeURIComponent('养老服务补贴')}`;
  const searched = await pages(`${q}&status=valid`, 50);
  assert.equal(searched.items.length, searched.total);
  assert.ok(!searched.items.some((d) => d.id === target.id));
  assert.equal(searched.total, (await get(`${q}&limit=1`)).total - 1);
  assert.ok(all.total >= valid.total + repealed.total);
});

test('a page out of bounds is refused', async () => {
  for (const query of ['offset=-1', 'limit=101', 'limit=0', 'offset=x'])
    assert.equal((await visitor.req('GET', `/api/v1/disclosure/documents?${query}`)).statusCode, 400, query);
});
