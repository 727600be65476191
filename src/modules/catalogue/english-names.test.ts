import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createTestContext, TEST_DIALECT, type TestContext } from '../../../test/test-context.js';
import { smallCatalogue } from '../../../test/fixtures.js';
import { staff, Client } from '../../../test/http.js';
import type { CatalogueFileT } from './schemas.js';

let t: TestContext;
let admin: Client;
let anon: Client;
before(async () => {
  t = await createTestContext();
  admin = await staff(t, 'admin1', 'admin');
  anon = new Client(t.app);
});
after(() => t.close());

const SCJ_EN = 'Qinghe Administration for Market Regulation';
const FOOD_EN = 'Food Business Licence';

/** The small catalogue with English names for the market regulator and its food licence only. */
function withEnglish(): CatalogueFileT {
  const file = smallCatalogue();
  Object.assign(
    file.departments.find((d) => d.code === 'SCJ')!,
    { nameEn: SCJ_EN, shortNameEn: 'Market Regulation' },
  );
  file.items.find((i) => i.code === 'SCJ-XK-001')!.nameEn = FOOD_EN;
  return file;
}

const get = async (url: string) => {
  const res = await anon.req('GET', url);
  assert.equal(res.statusCode, 200, res.body);
  return res.json();
};

test(`a catalogue without English names imports, and the public API says null (${TEST_DIALECT})`, async () => {
  const res = await admin.req('POST', '/api/v1/admin/catalogue/import', smallCatalogue());
  assert.equal(res.statusCode, 200, res.body);
  const item = await get('/api/v1/items/SCJ-XK-001');
  assert.equal(item.name, '食品经营许可');
  assert.equal(item.nameEn, null);
  assert.equal(item.department.nameEn, null);
  assert.equal((await get('/api/v1/departments/SCJ')).shortNameEn, null);
});

test('a blank English name is refused whole with its path, in Chinese and in English', async () => {
  const file = withEnglish();
  file.items[1]!.nameEn = '   ';
  Object.assign(file.departments[1]!, { shortNameEn: '' });
  for (const [lang, pattern] of [
    ['zh-CN', /英文名称不能为空/],
    ['en', /The English name is empty/],
  ] as const) {
    const res = await admin.req('POST', '/api/v1/admin/catalogue/import', file, { 'accept-language': lang });
    assert.equal(res.statusCode, 422, res.body);
    const errors = res.json().errors as { path: string; code: string; message: string }[];
    const named = errors.filter((e) => e.code === 'english_name_empty');
    assert.deepEqual(named.map((e) => e.path).sort(), ['/departments/1/shortNameEn', '/items/1/nameEn']);
    for (const e of named) assert.match(e.message, pattern);
  }
  const tooLong = withEnglish();
  tooLong.items[0]!.nameEn = 'x'.repeat(301);
  const res = await admin.req('POST', '/api/v1/admin/catalogue/import', tooLong);
  assert.equal(res.statusCode, 422);
  assert.ok(res.json().errors.some((e: { path: string }) => e.path === '/items/0/nameEn'));
  assert.equal((await get('/api/v1/items/SCJ-XK-001')).nameEn, null, 'nothing was written');
});

test('English names import as a new version and come back through the guide, the lists, search and export', async () => {
  const res = await admin.req('POST', '/api/v1/admin/catalogue/import', withEnglish());
  assert.equal(res.statusCode, 200, res.body);
  assert.equal(res.json().items.newVersions, 1, 'only the item that gained a name changed');

  const item = await get('/api/v1/items/SCJ-XK-001');
  assert.equal(item.name, '食品经营许可', 'the Chinese name stays as it was');
  assert.equal(item.nameEn, FOOD_EN);
  assert.equal(item.version.no, 2);
  assert.equal(item.department.nameEn, SCJ_EN);
  assert.equal(item.department.shortNameEn, 'Market Regulation');

  const list = await get('/api/v1/items?department=SCJ');
  const food = list.items.find((i: { code: string }) => i.code === 'SCJ-XK-001');
  assert.equal(food.nameEn, FOOD_EN);
  assert.equal(food.department.nameEn, SCJ_EN);
  const other = list.items.find((i: { code: string }) => i.code === 'SCJ-XK-002');
  assert.equal(other.nameEn, null, 'an item without one says null');

  const hits = await get(`/api/v1/search?q=${encodeURIComponent('我想开餐馆')}`);
  assert.equal(hits.items[0].code, 'SCJ-XK-001');
  assert.equal(hits.items[0].nameEn, FOOD_EN);

  const depts = await get('/api/v1/departments');
  const scj = depts.items.find((d: { code: string }) => d.code === 'SCJ');
  assert.deepEqual([scj.name, scj.nameEn], ['清河市市场监督管理局', SCJ_EN]);
  assert.equal(depts.items.find((d: { code: string }) => d.code === 'ZRJ').nameEn, null);

  const exported = (await admin.req('GET', '/api/v1/admin/catalogue/export')).json() as CatalogueFileT;
  const expDept = exported.departments.find((d) => d.code === 'SCJ')!;
  assert.equal(expDept.nameEn, SCJ_EN);
  assert.ok(!('nameEn' in exported.departments.find((d) => d.code === 'ZRJ')!), 'absent stays absent');
  assert.equal(exported.items.find((i) => i.code === 'SCJ-XK-001')!.nameEn, FOOD_EN);
  const again = await admin.req('POST', '/api/v1/admin/catalogue/import', exported);
  assert.equal(again.json().items.unchanged, exported.items.length, 'the export imports unchanged');
});

test('a department edit keeps, changes or clears its English names; a blank one is refused', async () => {
  const d = await get('/api/v1/departments/SCJ');
  const { id, version, ...fields } = d;
  const blank = await admin.req(
    'PUT',
    `/api/v1/admin/departments/${id}`,
    { ...fields, nameEn: ' ', version },
    { 'accept-language': 'en' },
  );
  assert.equal(blank.statusCode, 400);
  assert.equal(blank.json().errors[0].path, '/body/nameEn');
  const cleared = await admin.req('PUT', `/api/v1/admin/departments/${id}`, {
    ...fields,
    shortNameEn: null,
    version,
  });
  assert.equal(cleared.statusCode, 200, cleared.body);
  assert.equal(cleared.json().nameEn, SCJ_EN);
  assert.equal(cleared.json().shortNameEn, null);
});
