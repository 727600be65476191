import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { Value } from '@sinclair/typebox/value';
import { createTestContext, TEST_DIALECT, type TestContext } from '../../../test/test-context.js';
import { Client } from '../../../test/http.js';
import { systemActor } from '../../shared/actor.js';
import { AppError } from '../../server/errors.js';
import { loadDemoBundles, loadDemoCatalogue } from '../../seed/demo-catalogue.js';
import { importCatalogue } from './import-catalogue.js';
import { BundleInput, type BundleInputT } from './bundles.js';
import { saveBundle } from './save-bundle.js';

let t: TestContext;
let anon: Client;
const actor = systemActor('seed');
const restaurant = (): BundleInputT => structuredClone(loadDemoBundles().find((b) => b.code === 'YJS-KCG')!);

before(async () => {
  t = await createTestContext();
  anon = new Client(t.app);
  await importCatalogue(t.db, t.clock, actor, loadDemoCatalogue());
  for (const b of loadDemoBundles()) await saveBundle(t.db, t.clock, actor, b);
});
after(() => t.close());

const get = async (url: string) => {
  const res = await anon.req('GET', url);
  assert.equal(res.statusCode, 200, res.body);
  return res.json();
};

test(`every demo bundle has an English name, and the list gives it beside the Chinese one (${TEST_DIALECT})`, async () => {
  for (const b of loadDemoBundles()) {
    assert.ok(Value.Check(BundleInput, b), `${b.code} fits the bundle schema`);
    assert.match(b.nameEn ?? '', /^[A-Z].* \(one matter\)$/, `${b.code} is named in English`);
  }
  const { items } = await get('/api/v1/bundles');
  const kcg = items.find((b: { code: string }) => b.code === 'YJS-KCG');
  assert.deepEqual([kcg.name, kcg.nameEn], ['我要开餐馆（一件事）', 'Opening a Restaurant (one matter)']);
  assert.equal(items.filter((b: { nameEn: string | null }) => b.nameEn).length, loadDemoBundles().length);
});

test("a bundle's page names it, its lead department and its items in English too", async () => {
  const b = await get('/api/v1/bundles/YJS-KCG');
  assert.equal(b.nameEn, 'Opening a Restaurant (one matter)');
  assert.equal(b.leadDepartment.code, 'SCJ');
  assert.equal(b.leadDepartment.nameEn, 'Qinghe Administration for Market Regulation');
  const food = b.items.find((i: { code: string }) => i.code === '11330900MB1740001A-XK-004');
  const guide = await get(`/api/v1/items/${food.code}`);
  assert.ok(guide.nameEn, 'the demo item has an English name');
  assert.equal(food.nameEn, guide.nameEn);
  assert.equal(food.department.nameEn, guide.department.nameEn);
});

test("search results' bundles carry the English name", async () => {
  const hits = await get(`/api/v1/search?q=${encodeURIComponent('我想开餐馆')}`);
  const kcg = hits.bundles.find((b: { code: string }) => b.code === 'YJS-KCG');
  assert.equal(kcg.nameEn, 'Opening a Restaurant (one matter)');
  for (const b of hits.bundles) assert.ok(b.nameEn, `${b.code} is named in English`);
});

test('a blank English name is refused with its path in Chinese and English, and nothing changes', async () => {
  const blank = { ...restaurant(), nameEn: '  ', description: '改过的说明，不应保存。' };
  const err = await saveBundle(t.db, t.clock, actor, blank).then(
    () => assert.fail('a blank English name was saved'),
    (e: unknown) => e,
  );
  assert.ok(err instanceof AppError);
  assert.equal(err.code, 'validation_failed');
  const named = err.fieldErrors.find((e) => e.code === 'english_name_empty');
  assert.equal(named?.path, '/body/nameEn');
  assert.match(named!.zh, /英文名称不能为空/);
  assert.match(named!.en, /The English name is empty/);
  const b = await get('/api/v1/bundles/YJS-KCG');
  assert.equal(b.nameEn, 'Opening a Restaurant (one matter)');
  assert.notEqual(b.description, blank.description);
});

test('a bundle saved again without an English name has none, and says null', async () => {
  const { nameEn: _en, ...withoutEnglish } = restaurant();
  await saveBundle(t.db, t.clock, actor, withoutEnglish);
  const b = await get('/api/v1/bundles/YJS-KCG');
  assert.equal(b.nameEn, null);
  assert.equal(b.version, 2);
  const { items } = await get('/api/v1/bundles');
  assert.equal(items.find((x: { code: string }) => x.code === 'YJS-KCG').nameEn, null);
  await saveBundle(t.db, t.clock, actor, restaurant());
  assert.equal((await get('/api/v1/bundles/YJS-KCG')).nameEn, 'Opening a Restaurant (one matter)');
});
