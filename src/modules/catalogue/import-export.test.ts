import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createTestContext, type TestContext } from '../../../test/test-context.js';
import { smallCatalogue } from '../../../test/fixtures.js';
import { staff, Client } from '../../../test/http.js';

let t: TestContext;
let admin: Client;
before(async () => {
  t = await createTestContext();
  admin = await staff(t, 'admin1', 'admin');
});
after(() => t.close());

const count = async (table: 'departments' | 'items' | 'fee_entries' | 'synonyms' | 'item_versions') =>
  Number(
    (
      await t.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

test('a file with errors is refused whole, every error reported with its path', async () => {
  const file = smallCatalogue();
  file.items[0]!.committedDays = 99;
  file.items[1]!.fees = [{ feeCode: 'FEE-GHOST' }];
  file.items[1]!.paymentPoint = 'before_decision';
  file.items[2]!.departmentCode = 'NOPE';
  file.fees[0]!.rule = {
    kind: 'tiered',
    unit: 'm2',
    tiers: [
      { upTo: null, unitFen: 1 },
      { upTo: 5, unitFen: 1 },
    ],
  };
  file.items.push({ ...file.items[3]! });
  Object.assign(file.departments[0]!, { creditCode: '11330900MB1740001B' });
  const res = await admin.req('POST', '/api/v1/admin/catalogue/import', file);
  assert.equal(res.statusCode, 422);
  assert.equal(res.json().code, 'catalogue_invalid');
  const paths = res
    .json()
    .errors.map((e: { path: string; code: string }) => e.path)
    .sort();
  for (const p of [
    '/items/0/committedDays',
    '/items/1/fees/0/feeCode',
    '/items/2/departmentCode',
    '/fees/0/rule/tiers/0/upTo',
    '/items/5/code',
    '/departments/0/creditCode',
  ]) {
    assert.ok(paths.includes(p), `${p} missing from ${paths.join(' ')}`);
  }
  assert.equal(await count('departments'), 0, 'nothing was written');
  assert.equal(await count('items'), 0);
});

test('structural errors name their paths too', async () => {
  const res = await admin.req('POST', '/api/v1/admin/catalogue/import', {
    format: 'onewindow-catalogue/1',
    departments: [{ code: 'x' }],
    fees: [],
    items: [{ name: 5 }],
    synonyms: 'no',
  });
  assert.equal(res.statusCode, 422);
  const paths = res.json().errors.map((e: { path: string; code: string }) => e.path);
  for (const p of [
    '/departments/0/code',
    '/departments/0/name',
    '/items/0/name',
    '/items/0/code',
    '/synonyms',
  ])
    assert.ok(paths.includes(p), `${p} missing from ${paths.join(' ')}`);
  assert.equal((await admin.req('POST', '/api/v1/admin/catalogue/import', [1, 2])).statusCode, 422);
});

test('import, export, and import the export again changes nothing', async () => {
  const first = await admin.req('POST', '/api/v1/admin/catalogue/import', smallCatalogue());
  assert.equal(first.statusCode, 200, first.body);
  assert.deepEqual(first.json().items, { created: 5, newVersions: 0, unchanged: 0 });
  const exported = await admin.req('GET', '/api/v1/admin/catalogue/export');
  assert.equal(exported.statusCode, 200);
  assert.match(exported.headers['content-disposition'] as string, /catalogue\.json/);
  const file = exported.json();
  assert.equal(file.items.length, 5);
  assert.deepEqual(
    file.items.map((i: { code: string }) => i.code).sort(),
    smallCatalogue()
      .items.map((i) => i.code)
      .sort(),
  );
  const versionsBefore = await count('item_versions');
  const again = await admin.req('POST', '/api/v1/admin/catalogue/import', file);
  assert.deepEqual(again.json().items, { created: 0, newVersions: 0, unchanged: 5 });
  assert.equal(await count('item_versions'), versionsBefore, 'no new versions for unchanged items');

  file.items[0].committedDays = 2;
  const changed = await admin.req('POST', '/api/v1/admin/catalogue/import', file);
  assert.deepEqual(changed.json().items, { created: 0, newVersions: 1, unchanged: 4 });
  const it = (await admin.req('GET', `/api/v1/items/${file.items[0].code}`)).json();
  assert.equal(it.version.no, 2);
  assert.equal(it.committedDays, 2);
});

test('only administrators import; supervisors may export', async () => {
  const sup = await staff(t, 'sup1', 'supervisor');
  assert.equal((await sup.req('POST', '/api/v1/admin/catalogue/import', smallCatalogue())).statusCode, 403);
  assert.equal((await sup.req('GET', '/api/v1/admin/catalogue/export')).statusCode, 200);
  assert.equal((await new Client(t.app).req('GET', '/api/v1/admin/catalogue/export')).statusCode, 401);
});
