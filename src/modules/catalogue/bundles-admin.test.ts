import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createTestContext, TEST_DIALECT, type TestContext } from '../../../test/test-context.js';
import { item } from '../../../test/fixtures.js';
import { Client } from '../../../test/http.js';
import { seedDemo, DEMO_PASSWORD } from '../../seed/seed-demo.js';
import { loadDemoBundles } from '../../seed/demo-catalogue.js';
import { fromJson } from '../../shared/json.js';

let t: TestContext;
let admin: Client, head: Client, clerk: Client;
const anon = () => new Client(t.app);
const demo = (u: string) => new Client(t.app).login(u, DEMO_PASSWORD);

/** Two published demo items of different departments: the market regulator's and public security's. */
const SCJ_ITEM = '11330900MB1740001A-XK-001';
const GAJ_ITEM = '11330900MB1148001L-BA-001';
const input = (over: Record<string, unknown> = {}) => ({
  code: 'YJS-TEST',
  name: '我要开理发店（一件事）',
  nameEn: 'Opening a Barber Shop (one matter)',
  description: '营业执照与公章刻制一次办。',
  leadDepartmentCode: 'SCJ',
  itemCodes: [SCJ_ITEM, GAJ_ITEM],
  committedDays: 3,
  keywords: ['理发店', '美发'],
  ...over,
});
type FieldErr = { path: string; code: string; message: string };
type AdminBundle = { id: string; code: string; status: string; version: number; itemCodes: string[] };

before(async () => {
  t = await createTestContext({ start: '2026-11-30T01:30:00.000Z' }); // Monday 09:30 in 清河
  await seedDemo(t.db, t.clock);
  [admin, head, clerk] = (await Promise.all(['admin', 'head', 'clerk'].map(demo))) as [
    Client,
    Client,
    Client,
  ];
});
after(() => t.close());

const adminList = async (): Promise<AdminBundle[]> => {
  const r = await admin.req('GET', '/api/v1/admin/bundles');
  assert.equal(r.statusCode, 200, r.body);
  return r.json().items;
};
const auditOf = (entityId: string) =>
  t.db
    .selectFrom('audit_events')
    .select(['action', 'data', 'actor_role'])
    .where('entity_id', '=', entityId)
    .execute();
const searchBundles = async (q: string): Promise<string[]> =>
  (await anon().req('GET', `/api/v1/search?q=${encodeURIComponent(q)}`))
    .json()
    .bundles.map((b: { code: string }) => b.code);

test(`administrators list every bundle with its state, version, lead department and items (${TEST_DIALECT})`, async () => {
  const items = await adminList();
  assert.deepEqual(
    items.map((b) => b.code).sort(),
    loadDemoBundles()
      .map((b) => b.code)
      .sort(),
  );
  const kcg = (await admin.req('GET', '/api/v1/admin/bundles'))
    .json()
    .items.find((b: AdminBundle) => b.code === 'YJS-KCG');
  assert.equal(kcg.status, 'published');
  assert.equal(kcg.version, 1);
  assert.equal(kcg.leadDepartment.code, 'SCJ');
  assert.equal(kcg.itemCodes.length, 5);
  assert.equal(kcg.committedDays, 7);
});

test('only administrators manage bundles', async () => {
  assert.equal((await head.req('GET', '/api/v1/admin/bundles')).statusCode, 403);
  assert.equal(
    (await head.req('POST', '/api/v1/admin/bundles', input({ code: 'YJS-HEAD' }))).statusCode,
    403,
  );
  assert.equal(
    (await clerk.req('PUT', '/api/v1/admin/bundles/YJS-KCG', { ...input({ code: 'YJS-KCG' }), version: 1 }))
      .statusCode,
    403,
  );
  assert.equal(
    (await clerk.req('POST', '/api/v1/admin/bundles/YJS-KCG/withdraw', { version: 1, reason: '试图撤回' }))
      .statusCode,
    403,
  );
  assert.equal((await anon().req('GET', '/api/v1/admin/bundles')).statusCode, 401);
  assert.equal(
    (await adminList()).find((b) => b.code === 'YJS-HEAD'),
    undefined,
  );
});

test('create publishes a bundle into the guide and the search, audited as created; the same code again is a 409', async () => {
  const r = await admin.req('POST', '/api/v1/admin/bundles', input());
  assert.equal(r.statusCode, 201, r.body);
  const b = r.json();
  assert.equal(b.status, 'published');
  assert.equal(b.version, 1);
  assert.equal(b.leadDepartment.code, 'SCJ');
  assert.deepEqual(b.itemCodes, [SCJ_ITEM, GAJ_ITEM]);
  const guide = (await anon().req('GET', '/api/v1/bundles/YJS-TEST')).json();
  assert.equal(guide.name, '我要开理发店（一件事）');
  assert.deepEqual(
    guide.items.map((i: { code: string }) => i.code),
    [SCJ_ITEM, GAJ_ITEM],
  );
  assert.ok((await searchBundles('我想开理发店')).includes('YJS-TEST'));
  const [saved] = await auditOf(b.id);
  assert.equal(saved?.action, 'bundle.saved');
  assert.equal(saved?.actor_role, 'admin');
  assert.deepEqual(fromJson(saved!.data, {}), {
    code: 'YJS-TEST',
    items: [SCJ_ITEM, GAJ_ITEM],
    change: 'created',
  });

  const again = await admin.req('POST', '/api/v1/admin/bundles', input({ name: '另一个名称' }));
  assert.equal(again.statusCode, 409, again.body);
  assert.equal(again.json().code, 'already_exists');
  assert.equal((await anon().req('GET', '/api/v1/bundles/YJS-TEST')).json().name, '我要开理发店（一件事）');
});

test('update takes the version read: a stale one is a 409 and changes nothing; the code cannot change', async () => {
  const changed = input({ committedDays: 5, keywords: ['理发店', '美发', '美容美发'], nameEn: null });
  const ok = await admin.req('PUT', '/api/v1/admin/bundles/YJS-TEST', { ...changed, version: 1 });
  assert.equal(ok.statusCode, 200, ok.body);
  assert.equal(ok.json().version, 2);
  assert.equal(ok.json().committedDays, 5);
  assert.equal(ok.json().nameEn, null);
  const guide = (await anon().req('GET', '/api/v1/bundles/YJS-TEST')).json();
  assert.equal(guide.committedDays, 5);
  assert.equal(guide.nameEn, null);

  const stale = await admin.req('PUT', `/api/v1/admin/bundles/${ok.json().id}`, {
    ...input({ committedDays: 9 }),
    version: 1,
  });
  assert.equal(stale.statusCode, 409, stale.body);
  assert.equal(stale.json().code, 'stale_version');
  assert.equal((await anon().req('GET', '/api/v1/bundles/YJS-TEST')).json().committedDays, 5);

  const renamed = await admin.req('PUT', '/api/v1/admin/bundles/YJS-TEST', {
    ...input({ code: 'YJS-OTHER' }),
    version: 2,
  });
  assert.equal(renamed.statusCode, 400, renamed.body);
  assert.equal(renamed.json().errors[0].path, '/body/code');
  assert.equal(renamed.json().errors[0].code, 'code_immutable');

  const audit = await auditOf(ok.json().id);
  assert.deepEqual(
    audit.map((a) => [a.action, (fromJson(a.data, {}) as { change?: string }).change]).sort(),
    [
      ['bundle.saved', 'created'],
      ['bundle.saved', 'updated'],
    ],
  );
});

test('an unknown department, an unknown or unpublished item, a lead handling none of the items: each on its path, in both languages', async () => {
  const draft = await admin.req(
    'POST',
    '/api/v1/admin/items',
    item({ code: 'SCJ-XK-DRAFT', name: '草稿事项', departmentCode: 'SCJ' }),
  );
  assert.equal(draft.statusCode, 201, draft.body);
  const errorsOf = async (body: Record<string, unknown>, lang = 'zh-CN') => {
    const r = await admin.req('POST', '/api/v1/admin/bundles', body, { 'accept-language': lang });
    assert.equal(r.statusCode, 400, r.body);
    return r.json().errors as FieldErr[];
  };

  const unknown = await errorsOf(
    input({
      code: 'YJS-BAD',
      leadDepartmentCode: 'NOPE',
      itemCodes: [SCJ_ITEM, 'NO-SUCH-ITEM', 'SCJ-XK-DRAFT'],
    }),
  );
  assert.deepEqual(
    unknown.map((e) => [e.path, e.code]),
    [
      ['/body/leadDepartmentCode', 'unknown_department'],
      ['/body/itemCodes/1', 'unknown_item'],
      ['/body/itemCodes/2', 'item_not_published'],
    ],
  );
  assert.match(unknown[0]!.message, /部门 NOPE 不存在/);
  assert.match(unknown[2]!.message, /未公布/);

  const zh = await errorsOf(input({ code: 'YJS-BAD', leadDepartmentCode: 'ZRJ' }));
  assert.deepEqual(
    zh.map((e) => [e.path, e.code]),
    [['/body/leadDepartmentCode', 'lead_not_among_items']],
  );
  assert.match(zh[0]!.message, /牵头部门.*不办理其中任何一个事项/);
  const en = await errorsOf(input({ code: 'YJS-BAD', leadDepartmentCode: 'ZRJ' }), 'en');
  assert.match(en[0]!.message, /The lead department .* handles none of the items/);

  const tooLong = await admin.req(
    'POST',
    '/api/v1/admin/bundles',
    input({ code: 'YJS-BAD', committedDays: 46 }),
  );
  assert.equal(tooLong.statusCode, 400);
  assert.equal(tooLong.json().errors[0].path, '/body/committedDays');

  // An update is held to the same rules, and a refused one leaves the bundle as it was.
  const upd = await admin.req('PUT', '/api/v1/admin/bundles/YJS-TEST', {
    ...input({ leadDepartmentCode: 'ZRJ' }),
    version: 2,
  });
  assert.equal(upd.statusCode, 400, upd.body);
  assert.equal(upd.json().errors[0].code, 'lead_not_among_items');
  assert.equal((await adminList()).find((b) => b.code === 'YJS-TEST')?.version, 2);
  assert.equal(
    (await adminList()).find((b) => b.code === 'YJS-BAD'),
    undefined,
  );
});

test('withdraw takes a reason and the version: the bundle leaves the list, the guide and the search, but stays in the administrators’ list', async () => {
  const before = (await adminList()).find((b) => b.code === 'YJS-TEST')!;
  assert.ok((await searchBundles('我想开理发店')).includes('YJS-TEST'));

  const noReason = await admin.req('POST', '/api/v1/admin/bundles/YJS-TEST/withdraw', {
    version: before.version,
  });
  assert.equal(noReason.statusCode, 400);
  const blank = await admin.req('POST', '/api/v1/admin/bundles/YJS-TEST/withdraw', {
    version: before.version,
    reason: '   ',
  });
  assert.equal(blank.statusCode, 400);
  assert.equal(blank.json().errors[0].path, '/body/reason');
  const stale = await admin.req('POST', '/api/v1/admin/bundles/YJS-TEST/withdraw', {
    version: before.version - 1,
    reason: '并入企业开办一件事',
  });
  assert.equal(stale.statusCode, 409);
  assert.equal(stale.json().code, 'stale_version');

  const r = await admin.req('POST', '/api/v1/admin/bundles/YJS-TEST/withdraw', {
    version: before.version,
    reason: '并入企业开办一件事',
  });
  assert.equal(r.statusCode, 200, r.body);
  assert.equal(r.json().status, 'withdrawn');
  assert.equal(r.json().version, before.version + 1);

  const pub = (await anon().req('GET', '/api/v1/bundles')).json().items.map((b: { code: string }) => b.code);
  assert.ok(!pub.includes('YJS-TEST'));
  assert.equal((await anon().req('GET', '/api/v1/bundles/YJS-TEST')).statusCode, 404);
  assert.equal((await anon().req('GET', `/api/v1/bundles/${before.id}`)).statusCode, 404);
  assert.ok(!(await searchBundles('我想开理发店')).includes('YJS-TEST'));
  assert.equal((await adminList()).find((b) => b.code === 'YJS-TEST')?.status, 'withdrawn');

  const withdrawn = (await auditOf(before.id)).filter((a) => a.action === 'bundle.withdrawn');
  assert.equal(withdrawn.length, 1, 'one withdrawal, none for the refused attempts');
  assert.deepEqual(fromJson(withdrawn[0]!.data, {}), { code: 'YJS-TEST', reason: '并入企业开办一件事' });

  // Withdrawn is final: neither withdrawn again nor changed, and its code is not taken anew.
  const twice = await admin.req('POST', '/api/v1/admin/bundles/YJS-TEST/withdraw', {
    version: before.version + 1,
    reason: '再次撤回',
  });
  assert.equal(twice.statusCode, 409);
  assert.equal(twice.json().code, 'invalid_state');
  const edit = await admin.req('PUT', '/api/v1/admin/bundles/YJS-TEST', {
    ...input(),
    version: before.version + 1,
  });
  assert.equal(edit.statusCode, 409);
  assert.equal(edit.json().code, 'invalid_state');
  assert.equal((await admin.req('POST', '/api/v1/admin/bundles', input())).statusCode, 409);
});

test('a case filed under a bundle later withdrawn still shows and goes on; no new case can name the bundle', async () => {
  const guide = (await anon().req('GET', '/api/v1/bundles/YJS-KBG')).json();
  const materials = guide.materials
    .filter(
      (m: { required: boolean; source: string }) =>
        m.required && ['applicant', 'window_check'].includes(m.source),
    )
    .map((m: { name: string }) => ({ name: m.name, paper: true }));
  const application = (name: string) => ({
    bundleCode: 'YJS-KBG',
    applicant: { kind: 'enterprise', name, creditCode: '91350100M000100Y43', phone: '13900001111' },
    form: { 场所: '清河市滨江路8号' },
    materials,
    window: 'E01',
  });
  const filed = await clerk.req('POST', '/api/v1/cases', application('清河市悦来宾馆有限公司'));
  assert.equal(filed.statusCode, 201, filed.body);
  const caseId = filed.json().case.id;

  const row = (await adminList()).find((b) => b.code === 'YJS-KBG')!;
  const w = await admin.req('POST', `/api/v1/admin/bundles/${row.id}/withdraw`, {
    version: row.version,
    reason: '调整为新的一件事清单',
  });
  assert.equal(w.statusCode, 200, w.body);

  const c = await clerk.req('GET', `/api/v1/cases/${caseId}`);
  assert.equal(c.statusCode, 200, c.body);
  assert.equal(c.json().bundleId, row.id);
  assert.equal(c.json().title, guide.name);
  assert.equal(c.json().handlingClass, 'joint');
  const accepted = await clerk.req('POST', `/api/v1/cases/${caseId}/accept`, { version: c.json().version });
  assert.equal(accepted.statusCode, 200, accepted.body);
  assert.equal(accepted.json().case.tasks.length, guide.items.length);
  const tracked = await anon().req(
    'GET',
    `/api/v1/track/${encodeURIComponent(c.json().receiptNo)}?code=${encodeURIComponent(c.json().checkCode)}`,
  );
  assert.equal(tracked.statusCode, 200, tracked.body);
  assert.equal(tracked.json().title, guide.name);

  const refused = await clerk.req('POST', '/api/v1/cases', application('清河市迎宾馆有限公司'));
  assert.equal(refused.statusCode, 404, refused.body);
});
