import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createTestContext, type TestContext } from '../../../test/test-context.js';
import { smallCatalogue, item } from '../../../test/fixtures.js';
import { staff, Client } from '../../../test/http.js';
import { importCatalogue } from './import-catalogue.js';
import { systemActor } from '../../shared/actor.js';

let t: TestContext;
let admin: Client;
let head: Client;
let reviewer: Client;
before(async () => {
  t = await createTestContext();
  await importCatalogue(t.db, t.clock, systemActor('test'), smallCatalogue());
  admin = await staff(t, 'admin1', 'admin');
  head = await staff(t, 'head.scj', 'head', 'SCJ');
  reviewer = await staff(t, 'rev.scj', 'reviewer', 'SCJ');
});
after(() => t.close());

const anon = () => new Client(t.app);

test('the public summary counts what is published', async () => {
  const res = await anon().req('GET', '/api/v1/catalogue/summary');
  assert.equal(res.statusCode, 200);
  const s = res.json();
  assert.equal(s.departments, 3);
  assert.equal(s.licensingItems, 3);
  assert.equal(s.feeAndConvenienceItems, 2);
  assert.equal(s.publishedFees, 2);
});

test('items filter by department, type, handling class and channel, with a total', async () => {
  const all = (await anon().req('GET', '/api/v1/items?pageSize=2')).json();
  assert.equal(all.total, 5);
  assert.equal(all.items.length, 2);
  const zrj = (await anon().req('GET', '/api/v1/items?department=ZRJ')).json();
  assert.deepEqual(zrj.items.map((i: { code: string }) => i.code).sort(), ['ZRJ-GG-001', 'ZRJ-QR-001']);
  assert.equal((await anon().req('GET', '/api/v1/items?type=licensing')).json().total, 3);
  assert.equal(
    (await anon().req('GET', '/api/v1/items?handlingClass=instant')).json().items[0].code,
    'ZRJ-GG-001',
  );
  assert.equal((await anon().req('GET', '/api/v1/items?channel=post')).json().total, 0);
  const bad = await anon().req('GET', '/api/v1/items?type=nonsense&page=0');
  assert.equal(bad.statusCode, 400);
  const paths = bad.json().errors.map((e: { path: string }) => e.path);
  assert.ok(paths.includes('/query/type') && paths.includes('/query/page'), JSON.stringify(paths));
  assert.equal((await anon().req('GET', '/api/v1/items?department=NOPE')).statusCode, 404);
});

test('an item shows every element with resolved fee lines, by id or code', async () => {
  const res = await anon().req('GET', '/api/v1/items/ZRJ-QR-001');
  assert.equal(res.statusCode, 200);
  const it = res.json();
  assert.equal(it.name, '不动产转移登记');
  assert.equal(it.version.no, 1);
  assert.equal(it.department.code, 'ZRJ');
  assert.equal(it.fees[0].fixedAmountFen, 8000);
  assert.equal(it.fees[0].name, '不动产登记费（住宅类）');
  assert.ok(it.materials.length > 0 && it.legalBasis.length > 0 && it.commitment);
  const byId = await anon().req('GET', `/api/v1/items/${it.id}`);
  assert.equal(byId.json().code, 'ZRJ-QR-001');
});

test('draft → publish → edit → publish keeps every version, and a case can read the old one', async () => {
  const draft = item({ code: 'SCJ-XK-900', name: '药品零售企业许可', departmentCode: 'SCJ' });
  const created = await head.req('POST', '/api/v1/admin/items', draft);
  assert.equal(created.statusCode, 201, created.body);
  const id = created.json().itemId;
  assert.equal((await anon().req('GET', `/api/v1/items/${id}`)).statusCode, 404, 'a draft is not public');
  assert.equal(
    (await anon().req('GET', `/api/v1/items/${id}/versions/1`)).statusCode,
    401,
    'nor its version',
  );
  assert.equal(
    (await head.req('POST', `/api/v1/admin/items/${id}/publish`, { version: 1, comment: '首次发布' }))
      .statusCode,
    403,
    'only administrators publish',
  );
  const bare = await admin.req('POST', `/api/v1/admin/items/${id}/publish`, { version: 1 });
  assert.equal(bare.statusCode, 400, 'a publication needs its comment');
  const blank = await admin.req('POST', `/api/v1/admin/items/${id}/publish`, { version: 1, comment: '   ' });
  assert.equal(blank.statusCode, 400, 'a blank comment is no comment');
  const pub = await admin.req('POST', `/api/v1/admin/items/${id}/publish`, {
    version: 1,
    comment: '首次发布',
  });
  assert.equal(pub.statusCode, 200, pub.body);
  assert.equal((await anon().req('GET', `/api/v1/items/${id}`)).json().committedDays, 5);

  const edit = await head.req('PUT', `/api/v1/admin/items/${id}/draft`, {
    version: 2,
    item: { ...draft, committedDays: 3 },
  });
  assert.equal(edit.statusCode, 200, edit.body);
  assert.equal(edit.json().versionNo, 2);
  assert.equal(
    (await anon().req('GET', `/api/v1/items/${id}`)).json().committedDays,
    5,
    'the public still sees v1',
  );
  const stale = await head.req('PUT', `/api/v1/admin/items/${id}/draft`, { version: 2, item: draft });
  assert.equal(stale.statusCode, 409);
  assert.equal(stale.json().code, 'stale_version');
  assert.equal(
    (
      await admin.req('POST', `/api/v1/admin/items/${id}/publish`, {
        version: 3,
        comment: '承诺时限由 5 个工作日压缩为 3 个工作日',
      })
    ).statusCode,
    200,
  );
  const published = await t.db
    .selectFrom('audit_events')
    .select(['data'])
    .where('action', '=', 'item.published')
    .where('entity_id', '=', id)
    .orderBy('at')
    .execute();
  const events = published.map((e) => JSON.parse(e.data) as { comment: string; changed: string[] });
  assert.equal(events.length, 2);
  const [first, second] = events as [(typeof events)[0], (typeof events)[0]];
  assert.equal(first.comment, '首次发布');
  assert.ok(first.changed.includes('committedDays'), 'a first publication lists every field');
  assert.equal(second.comment, '承诺时限由 5 个工作日压缩为 3 个工作日');
  assert.deepEqual(second.changed, ['committedDays'], 'the audit names what changed');
  assert.equal((await anon().req('GET', `/api/v1/items/${id}`)).json().committedDays, 3);
  const v1 = (await anon().req('GET', `/api/v1/items/${id}/versions/1`)).json();
  assert.equal(v1.committedDays, 5);
  assert.equal(v1.version.status, 'superseded');

  const versions = (await reviewer.req('GET', `/api/v1/admin/items/${id}/versions`)).json();
  assert.deepEqual(
    versions.versions.map((v: { no: number; status: string }) => [v.no, v.status]),
    [
      [2, 'published'],
      [1, 'superseded'],
    ],
  );
  const audit = (await admin.req('GET', `/api/v1/audit-events?entityType=item&entityId=${id}`)).json();
  assert.deepEqual(audit.items.map((e: { action: string }) => e.action).sort(), [
    'item.created',
    'item.draft_updated',
    'item.published',
    'item.published',
  ]);

  const wd = await admin.req('POST', `/api/v1/admin/items/${id}/withdraw`, {
    version: 4,
    reason: '职能调整',
  });
  assert.equal(wd.statusCode, 204, wd.body);
  assert.equal((await anon().req('GET', `/api/v1/items/${id}`)).statusCode, 404);
  assert.equal(
    (await anon().req('GET', `/api/v1/items/${id}/versions/2`)).statusCode,
    200,
    'published versions stay readable',
  );
});

test('the rules of the guide are enforced with paths: committed ≤ statutory, 即办件, fees from the catalogue', async () => {
  const bad = item({
    code: 'SCJ-XK-901',
    name: '测试事项',
    departmentCode: 'SCJ',
    statutoryDays: 5,
    committedDays: 10,
    fees: [{ feeCode: 'FEE-NOT-THERE' }],
    paymentPoint: 'before_decision',
  });
  const res = await admin.req('POST', '/api/v1/admin/items', bad);
  assert.equal(res.statusCode, 400);
  const codes = res.json().errors.map((e: { path: string; code: string }) => `${e.path}:${e.code}`);
  assert.ok(codes.includes('/body/committedDays:committed_exceeds_statutory'), codes.join());
  assert.ok(codes.includes('/body/fees/0/feeCode:fee_not_in_catalogue'), codes.join());
  const instant = await admin.req(
    'POST',
    '/api/v1/admin/items',
    item({
      code: 'SCJ-XK-902',
      name: '即办测试',
      departmentCode: 'SCJ',
      handlingClass: 'instant',
      committedDays: 3,
    }),
  );
  assert.equal(instant.json().errors[0].code, 'instant_has_limit');
  const en = await admin.req('POST', '/api/v1/admin/items', bad, { 'accept-language': 'en-US,en;q=0.9' });
  assert.match(en.json().errors[0].message, /[a-z]/);
  assert.equal(en.headers['content-type'], 'application/problem+json; charset=utf-8');
  const other = await head.req(
    'POST',
    '/api/v1/admin/items',
    item({ code: 'WJW-XK-900', name: '他部门事项', departmentCode: 'WJW' }),
  );
  assert.equal(other.statusCode, 403, 'a head drafts only for their own department');
});

test('an application form can never be a fee', async () => {
  const res = await admin.req('POST', '/api/v1/admin/fees', {
    code: 'FEE-SC-FORM',
    name: '申请表工本费',
    departmentCode: 'SCJ',
    category: 'administrative',
    basis: '无',
    standard: '每份1元',
    management: '国库',
    rule: { kind: 'fixed', amountFen: 100 },
  });
  assert.equal(res.statusCode, 400);
  assert.equal(res.json().errors[0].code, 'form_fee_forbidden');
});

test('a fee charged by a published item cannot be withdrawn; the published fee list is public', async () => {
  const fees = (await anon().req('GET', '/api/v1/fees')).json();
  const fee = fees.items.find((f: { code: string }) => f.code === 'FEE-ZR-BDC-ZZ');
  assert.equal(fee.fixedAmountFen, 8000);
  const res = await admin.req('POST', '/api/v1/admin/fees/FEE-ZR-BDC-ZZ/withdraw', { version: fee.version });
  assert.equal(res.statusCode, 409);
  assert.equal(res.json().code, 'invalid_state');
  const free = fees.items.find((f: { code: string }) => f.code === 'FEE-ZJ-PTF');
  assert.equal(
    (await admin.req('POST', '/api/v1/admin/fees/FEE-ZJ-PTF/withdraw', { version: free.version })).statusCode,
    204,
  );
  assert.equal(
    (await anon().req('GET', '/api/v1/fees'))
      .json()
      .items.some((f: { code: string }) => f.code === 'FEE-ZJ-PTF'),
    false,
  );
});

test('departments and fees are edited with their version; per-unit and tiered rules keep their fields', async () => {
  const d = (await anon().req('GET', '/api/v1/departments/WJW')).json();
  const { id: _id, version, ...fields } = d;
  const ok = await admin.req('PUT', `/api/v1/admin/departments/${d.id}`, {
    ...fields,
    hours: '周一至周六 9:00-17:00',
    version,
  });
  assert.equal(ok.statusCode, 200, ok.body);
  assert.equal(ok.json().hours, '周一至周六 9:00-17:00');
  const stale = await admin.req('PUT', `/api/v1/admin/departments/${d.id}`, { ...fields, version });
  assert.equal(stale.statusCode, 409);
  const unknown = await admin.req('PUT', `/api/v1/admin/departments/${d.id}`, {
    ...fields,
    version: version + 1,
    colour: 'blue',
  });
  assert.equal(unknown.statusCode, 400);
  assert.equal(unknown.json().errors[0].path, '/body/colour');
  const perUnit = await admin.req('POST', '/api/v1/admin/fees', {
    code: 'FEE-T-PU',
    name: '测试按面积收费',
    departmentCode: 'ZRJ',
    category: 'fund',
    basis: '测试',
    standard: '每平方米2元',
    management: '缴入国库',
    rule: { kind: 'per_unit', unit: '平方米', unitFen: 200, maxFen: 100000 },
  });
  assert.equal(perUnit.statusCode, 201, perUnit.body);
  assert.deepEqual(perUnit.json().rule, { kind: 'per_unit', unit: '平方米', unitFen: 200, maxFen: 100000 });
  const tiered = await admin.req('POST', '/api/v1/admin/fees', {
    code: 'FEE-T-TI',
    name: '测试分档收费',
    departmentCode: 'ZRJ',
    category: 'administrative',
    basis: '测试',
    standard: '分档',
    management: '缴入国库',
    rule: {
      kind: 'tiered',
      unit: '平方米',
      tiers: [
        { upTo: 100, unitFen: 10 },
        { upTo: null, unitFen: 5 },
      ],
    },
  });
  assert.equal(tiered.statusCode, 201, tiered.body);
  const edited = await admin.req('PUT', '/api/v1/admin/fees/FEE-T-PU', {
    ...(perUnit.json().rule && {
      code: 'FEE-T-PU',
      name: '测试按面积收费',
      departmentCode: 'ZRJ',
      category: 'fund',
      basis: '测试',
      standard: '每平方米3元',
      management: '缴入国库',
      rule: { kind: 'per_unit', unit: '平方米', unitFen: 300 },
    }),
    version: perUnit.json().version,
  });
  assert.equal(edited.statusCode, 200, edited.body);
  assert.equal(edited.json().rule.unitFen, 300);
});

test('administrators list items in every state; department staff only their own department', async () => {
  const draft = await head.req(
    'POST',
    '/api/v1/admin/items',
    item({ code: 'SCJ-XK-950', name: '草稿事项', departmentCode: 'SCJ' }),
  );
  assert.equal(draft.statusCode, 201, draft.body);
  const drafts = (await admin.req('GET', '/api/v1/admin/items?status=draft')).json();
  assert.ok(
    drafts.items.some(
      (i: { code: string; latestVersionStatus: string }) =>
        i.code === 'SCJ-XK-950' && i.latestVersionStatus === 'draft',
    ),
  );
  const withdrawn = (await admin.req('GET', '/api/v1/admin/items?status=withdrawn')).json();
  assert.ok(withdrawn.items.every((i: { status: string }) => i.status === 'withdrawn'));
  const mine = (await reviewer.req('GET', '/api/v1/admin/items?pageSize=200')).json();
  assert.ok(
    mine.items.length > 0 &&
      mine.items.every((i: { departmentId: string }) => i.departmentId === mine.items[0].departmentId),
  );
  assert.ok(mine.items.some((i: { code: string }) => i.code === 'SCJ-XK-950'));
  assert.equal((await anon().req('GET', '/api/v1/admin/items')).statusCode, 401);

  const codes = (r: { json(): { items: { code: string }[] } }) => r.json().items.map((i) => i.code);
  const byName = await admin.req('GET', `/api/v1/admin/items?q=${encodeURIComponent('草稿')}`);
  assert.deepEqual(codes(byName), ['SCJ-XK-950'], 'part of the name finds a draft');
  const byCode = await admin.req('GET', '/api/v1/admin/items?q=xk-95');
  assert.deepEqual(codes(byCode), ['SCJ-XK-950'], 'part of the code, in any case');
  const literal = await admin.req('GET', `/api/v1/admin/items?q=${encodeURIComponent('%')}`);
  assert.equal(literal.json().total, 0, 'a typed % is not a wildcard');
  const pending = (await admin.req('GET', '/api/v1/admin/items?status=has_draft&pageSize=200')).json();
  assert.ok(pending.items.length > 0);
  assert.ok(pending.items.every((i: { latestVersionStatus: string }) => i.latestVersionStatus === 'draft'));
  const page2 = (await admin.req('GET', '/api/v1/admin/items?pageSize=2&page=2')).json();
  assert.equal(page2.items.length, 2);
  assert.equal(page2.page, 2);
  assert.ok(page2.total > 4);
});
