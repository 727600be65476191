import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createTestContext, TEST_DIALECT, type TestContext } from '../../../test/test-context.js';
import { TRACK_POLICY } from '../cases/track-case.js';
import { Client } from '../../../test/http.js';
import { seedDemo, DEMO_PASSWORD } from '../../seed/seed-demo.js';
import { creditCodeCheckChar } from '../identity/id-checks.js';
import { runSupervisionTick } from '../supervision/run-supervision-tick.js';

let t: TestContext;
let head: Client, admin: Client, sup: Client, insp: Client, insp2: Client, xfzd: Client, enterprise: Client;
const dept: Record<string, string> = {};
const demo = (u: string) => new Client(t.app).login(u, DEMO_PASSWORD);
const code = (first17: string) => first17 + creditCodeCheckChar(first17);
const DEMO_ENTERPRISE = '91350100M000100Y43';
const OTHER = code('91370100MA3C12345');
const ids: Record<string, string> = {};

before(async () => {
  t = await createTestContext({ start: '2026-11-30T01:30:00.000Z' }); // Monday 09:30 in 清河
  await seedDemo(t.db, t.clock);
  [head, admin, sup, insp, insp2, xfzd, enterprise] = (await Promise.all(
    ['head', 'admin', 'supervisor', 'inspector.scj', 'inspector2.scj', 'inspector.xfzd', 'enterprise'].map(
      demo,
    ),
  )) as Client[] as [Client, Client, Client, Client, Client, Client, Client];
  for (const d of await t.db.selectFrom('departments').select(['id', 'code']).execute()) dept[d.code] = d.id;
  const user = async (u: string) =>
    (await t.db.selectFrom('users').select('id').where('username', '=', u).executeTakeFirstOrThrow()).id;
  const ok = async (c: Client, url: string, body: unknown, status = 201) => {
    const r = await c.req('POST', url, body);
    assert.equal(r.statusCode, status, r.body);
    return r.json().id as string;
  };
  const item = {
    basis: '《中华人民共和国食品安全法》第一百一十条',
    subjects: '食品经营者',
    method: '现场检查',
    frequency: '每年不超过1次',
  };
  ids.itemA = await ok(head, '/api/v1/admin/inspection-items', {
    ...item,
    code: 'SC-SP-01',
    name: '食品经营主体责任落实情况检查',
    noticeAllowed: true,
  });
  ids.itemB = await ok(head, '/api/v1/admin/inspection-items', {
    ...item,
    code: 'SC-SP-02',
    name: '食品添加剂使用检查',
    noticeAllowed: false,
  });
  ids.itemX = await ok(admin, '/api/v1/admin/inspection-items', {
    ...item,
    departmentId: dept.XFZD,
    code: 'XF-01',
    name: '消防安全检查',
    noticeAllowed: false,
  });
  ids.violation = await ok(head, '/api/v1/admin/inspection-standards', {
    code: 'SP-124',
    name: '使用超过保质期的食品原料',
    basis: '《中华人民共和国食品安全法》第一百二十四条',
    ranges: [
      { severity: 'minor', warning: true, fromFen: 0, toFen: 0 },
      { severity: 'ordinary', warning: false, fromFen: 5_000_000, toFen: 10_000_000 },
    ],
  });
  const cert = (name: string, no: string, over: Record<string, unknown> = {}) => ({
    name,
    certificateNo: no,
    validFrom: '2025-01-01',
    validTo: '2027-12-31',
    ...over,
  });
  ids.p1 = await ok(
    head,
    '/api/v1/admin/inspectors',
    cert('刘检', 'SC-2026-0001', { userId: await user('inspector.scj') }),
    200,
  );
  ids.p2 = await ok(
    head,
    '/api/v1/admin/inspectors',
    cert('何查', 'SC-2026-0002', { userId: await user('inspector2.scj') }),
    200,
  );
  ids.expired = await ok(
    head,
    '/api/v1/admin/inspectors',
    cert('过期', 'SC-2020-0009', { validTo: '2026-06-30' }),
    200,
  );
  ids.x1 = await ok(
    admin,
    '/api/v1/admin/inspectors',
    cert('吴防', 'XF-2026-0001', { departmentId: dept.XFZD, userId: await user('inspector.xfzd') }),
    200,
  );
  ids.x2 = await ok(
    admin,
    '/api/v1/admin/inspectors',
    cert('郑消', 'XF-2026-0002', { departmentId: dept.XFZD }),
    200,
  );
});
after(() => t.close());

const registration = (over: Record<string, unknown> = {}) => ({
  creditCode: DEMO_ENTERPRISE,
  enterpriseName: '清河市味道餐饮管理有限公司',
  itemIds: [ids.itemA],
  inspectorIds: [ids.p1, ids.p2],
  plannedDate: '2026-11-30',
  maxMinutes: 60,
  notice: true,
  ...over,
});
const refusedFor = async (c: Client, body: Record<string, unknown>, rule: string) => {
  const r = await c.req('POST', '/api/v1/inspections', body, { 'accept-language': 'en' });
  assert.equal(r.statusCode, 422, r.body);
  assert.equal(r.json().code, 'inspection_refused');
  assert.equal(r.json().errors[0].code, rule, r.body);
  return r.json();
};
const signals = (kind: string) =>
  t.db.selectFrom('supervision_signals').select(['subject_id', 'data']).where('kind', '=', kind).execute();

test('published lists: items, standards and inspectors with their certificates are public', async () => {
  const anon = new Client(t.app);
  const items = (await anon.req('GET', `/api/v1/inspection-items?department=${dept.SCJ}`)).json();
  assert.deepEqual(
    items.map((i: { code: string }) => i.code),
    ['SC-SP-01', 'SC-SP-02'],
  );
  const v2 = await head.req('POST', '/api/v1/admin/inspection-items', {
    code: 'SC-SP-02',
    name: '食品添加剂使用检查（2026版）',
    basis: '《食品安全法》第四十条',
    subjects: '食品生产经营者',
    method: '现场检查',
    frequency: '每年不超过1次',
    noticeAllowed: false,
  });
  assert.equal(v2.json().versionNo, 2);
  const after = (await anon.req('GET', `/api/v1/inspection-items?department=${dept.SCJ}`)).json();
  assert.equal(after.find((i: { code: string }) => i.code === 'SC-SP-02').versionNo, 2);
  ids.itemB2 = v2.json().id;
  const standards = (await anon.req('GET', '/api/v1/inspection-standards')).json();
  assert.equal(standards[0].ranges[1].toFen, 10_000_000);
  const people = (await anon.req('GET', `/api/v1/inspectors?department=${dept.SCJ}`)).json();
  assert.deepEqual(
    people.map((p: { certificateNo: string; valid: boolean }) => [p.certificateNo, p.valid]).sort(),
    [
      ['SC-2020-0009', false],
      ['SC-2026-0001', true],
      ['SC-2026-0002', true],
    ],
  );
  assert.equal(
    (
      await insp.req('POST', '/api/v1/admin/inspection-items', {
        code: 'X',
        name: 'x',
        basis: 'x',
        subjects: 'x',
        method: 'x',
        frequency: 'x',
        noticeAllowed: false,
      })
    ).statusCode,
    403,
  );
});

test('registration: every refusal names its rule, and unpublished items are signalled', async () => {
  await refusedFor(insp, registration({ inspectorIds: [ids.p1] }), 'single_inspector');
  await refusedFor(insp, registration({ inspectorIds: [ids.p1, ids.p1] }), 'single_inspector');
  await refusedFor(insp, registration({ inspectorIds: [ids.p1, ids.expired] }), 'certificate_expired');
  await refusedFor(insp, registration({ creditCode: '91350100M000100Y44' }), 'credit_code');
  await refusedFor(insp, registration({ inspectorIds: [ids.p1, ids.x1] }), 'inspector_unknown');
  await refusedFor(insp, registration({ itemIds: [ids.itemX] }), 'item_of_other_department');
  await refusedFor(insp, registration({ itemIds: [ids.itemB2] }), 'notice_not_allowed');
  await refusedFor(insp, registration({ plannedDate: '2026-11-29' }), 'planned_date_past');
  const en = await refusedFor(
    insp,
    registration({ itemIds: [ids.itemB], notice: false }),
    'unpublished_item',
  );
  assert.match(en.errors[0].message, /not published, or withdrawn/);
  assert.match(en.detail, /unpublished_item/);
  assert.equal((await signals('inspection_unpublished_item')).length, 1);
  assert.equal((await t.db.selectFrom('insp_inspections').select('id').execute()).length, 0);
});

test('registration, advance notice, a joint visit, the cap, the scan at the door and the verification page', async () => {
  const r = await insp.req('POST', '/api/v1/inspections', registration());
  assert.equal(r.statusCode, 201, r.body);
  const a = r.json().inspection;
  ids.a = a.id;
  assert.match(a.number, /^JC2026\d{7}$/);
  assert.deepEqual(a.inspectors.map((p: { certificateNo: string }) => p.certificateNo).sort(), [
    'SC-2026-0001',
    'SC-2026-0002',
  ]);
  const notice = await t.db
    .selectFrom('notification_outbox')
    .select(['recipient_type', 'payload'])
    .where('kind', '=', 'inspection_notice')
    .execute();
  assert.equal(notice.length, 1);

  // Another department plans the same enterprise within the window: a joint visit is proposed, and taken.
  const x = await xfzd.req(
    'POST',
    '/api/v1/inspections',
    registration({
      departmentId: dept.XFZD,
      itemIds: [ids.itemX],
      inspectorIds: [ids.x1, ids.x2],
      plannedDate: '2026-12-03',
      notice: false,
    }),
  );
  assert.equal(x.statusCode, 201, x.body);
  ids.x = x.json().inspection.id;
  assert.deepEqual(
    x.json().jointProposals.map((p: { id: string }) => p.id),
    [a.id],
  );
  const joined = await xfzd.req('POST', `/api/v1/inspections/${x.json().inspection.id}/join`, {
    version: x.json().inspection.version,
    withId: a.id,
  });
  assert.equal(joined.statusCode, 200, joined.body);
  assert.equal(joined.json().joint, true);
  assert.equal(joined.json().plannedDate, '2026-11-30');

  // The supervisors lower the department cap: a second visit by the same department is refused and signalled.
  assert.equal((await sup.req('PUT', '/api/v1/inspection-settings', { departmentCap: 1 })).statusCode, 200);
  await refusedFor(head, registration({ plannedDate: '2026-12-10', notice: false }), 'department_cap');
  assert.equal((await signals('inspection_over_cap')).length, 1);
  await sup.req('PUT', '/api/v1/inspection-settings', { departmentCap: 2 });

  // A department's own cap: the city's stays 2, 市场监管 sets 1 for itself; the refusal names whose cap.
  const capsSet = await sup.req('PUT', '/api/v1/inspection-settings', {
    departmentCaps: [{ departmentId: dept.SCJ, cap: 1 }],
  });
  assert.equal(capsSet.statusCode, 200, capsSet.body);
  assert.deepEqual(
    capsSet.json().departmentCaps.map((c: { departmentId: string; cap: number }) => [c.departmentId, c.cap]),
    [[dept.SCJ, 1]],
  );
  assert.equal(capsSet.json().departmentCap, 2);
  const own = await refusedFor(
    head,
    registration({ plannedDate: '2026-12-10', notice: false }),
    'department_cap',
  );
  assert.match(own.errors[0].message, /this department's own cap is 1/);
  assert.equal(own.errors[0].path, '/body/creditCode');
  const ownZh = await head.req(
    'POST',
    '/api/v1/inspections',
    registration({ plannedDate: '2026-12-10', notice: false }),
  );
  assert.match(ownZh.json().errors[0].message, /本部门设定的上限 1 次/);
  assert.equal((await signals('inspection_over_cap')).length, 3);
  // Another department's own cap leaves 市场监管 at the city's 2: the same registration would pass the cap.
  const moved = await sup.req('PUT', '/api/v1/inspection-settings', {
    departmentCaps: [
      { departmentId: dept.SCJ, cap: null },
      { departmentId: dept.XFZD, cap: 1 },
    ],
  });
  assert.deepEqual(
    moved.json().departmentCaps.map((c: { departmentId: string }) => c.departmentId),
    [dept.XFZD],
  );
  const xAgain = await refusedFor(
    xfzd,
    registration({
      departmentId: dept.XFZD,
      itemIds: [ids.itemX],
      inspectorIds: [ids.x1, ids.x2],
      plannedDate: '2026-12-11',
      notice: false,
    }),
    'department_cap',
  );
  assert.match(xAgain.errors[0].message, /own cap is 1/);
  // The total cap across departments is named as such.
  await sup.req('PUT', '/api/v1/inspection-settings', {
    totalCap: 2,
    departmentCaps: [{ departmentId: dept.XFZD, cap: null }],
  });
  const total = await refusedFor(
    head,
    registration({ plannedDate: '2026-12-10', notice: false }),
    'total_cap',
  );
  assert.match(total.errors[0].message, /total cap across departments is 2/);
  await sup.req('PUT', '/api/v1/inspection-settings', { totalCap: 6 });
  // A department unknown, or named twice, is refused at its line and nothing is saved.
  const bad = await sup.req('PUT', '/api/v1/inspection-settings', {
    totalCap: 9,
    departmentCaps: [
      { departmentId: dept.SCJ, cap: 3 },
      { departmentId: 'nope', cap: 1 },
      { departmentId: dept.SCJ, cap: 4 },
    ],
  });
  assert.equal(bad.statusCode, 400, bad.body);
  assert.deepEqual(
    bad.json().errors.map((e: { path: string }) => e.path),
    ['/body/departmentCaps/1/departmentId', '/body/departmentCaps/2/departmentId'],
  );
  const kept = (await sup.req('GET', '/api/v1/inspection-settings')).json();
  assert.equal(kept.totalCap, 6);
  assert.deepEqual(kept.departmentCaps, []);
  assert.equal(
    (await head.req('PUT', '/api/v1/inspection-settings', { departmentCaps: [] })).statusCode,
    403,
  );

  const e = await t.db
    .selectFrom('insp_enterprises')
    .selectAll()
    .where('credit_code', '=', DEMO_ENTERPRISE)
    .executeTakeFirstOrThrow();
  ids.code = e.code;
  ids.check = e.check_code;
  const page = (await new Client(t.app).req('GET', `/api/v1/inspect/${e.code}`)).json();
  assert.equal(page.registrations.length, 2);
  const scj = page.registrations.find((p: { id: string }) => p.id === a.id);
  assert.equal(scj.maxMinutes, 60);
  assert.match(scj.items[0].basis, /食品安全法/);
  assert.equal(page.creditCode.includes('******'), true);

  // Scan: an inspector not on the registration, of another enterprise, is refused and recorded.
  const other = await t.db
    .selectFrom('insp_enterprises')
    .select('code')
    .where('credit_code', '=', DEMO_ENTERPRISE)
    .executeTakeFirstOrThrow();
  const refused = await xfzd.req(
    'POST',
    '/api/v1/inspections/scan',
    { code: other.code },
    { 'accept-language': 'en' },
  );
  assert.equal(refused.statusCode, 200, refused.body); // XFZD joined today's visit: its own registration starts
  const started = await insp.req('POST', '/api/v1/inspections/scan', { code: e.code });
  assert.equal(started.statusCode, 200, started.body);
  assert.equal(started.json().state, 'started');
  assert.equal((await insp2.req('POST', '/api/v1/inspections/scan', { code: e.code })).json().id, a.id);
  t.clock.advance(86_400_000); // Tuesday: nothing registered today
  await insp.relogin();
  const late = await insp.req(
    'POST',
    '/api/v1/inspections/scan',
    { code: e.code },
    { 'accept-language': 'en' },
  );
  assert.equal(late.statusCode, 422, late.body);
  assert.equal(late.json().code, 'inspection_not_registered');
  assert.equal((await signals('inspection_unregistered')).length, 1);
  const scans = await t.db
    .selectFrom('insp_scans')
    .select('outcome')
    .where('outcome', '=', 'unregistered')
    .execute();
  assert.equal(scans.length, 1);
});

test('the result: a penalty outside the standard needs a reason and is signalled; the record is issued, received, complained about', async () => {
  await Promise.all([head, sup, insp, enterprise].map((c) => c.relogin()));
  const before = (await insp.req('GET', `/api/v1/inspections/${ids.a}`)).json();
  const ended = await insp.req('POST', `/api/v1/inspections/${ids.a}/end`, { version: before.version });
  assert.equal(ended.statusCode, 200, ended.body);
  assert.equal(ended.json().overran, true);
  assert.equal((await signals('inspection_length_exceeded')).length, 1);
  const penalty = { violationId: ids.violation, severity: 'ordinary', warning: false, fineFen: 20_000_000 };
  const body = {
    version: ended.json().version,
    outcome: 'penalty',
    findings: '后厨冷藏柜内发现超过保质期的原料两批次。',
    penalty,
  };
  const noReason = await insp.req('POST', `/api/v1/inspections/${ids.a}/result`, body, {
    'accept-language': 'en',
  });
  assert.equal(noReason.statusCode, 422, noReason.body);
  assert.equal(noReason.json().code, 'penalty_reason_required');
  const rec = await insp.req('POST', `/api/v1/inspections/${ids.a}/result`, {
    ...body,
    penalty: { ...penalty, reason: '两批次且涉及婴幼儿食品，从重' },
  });
  assert.equal(rec.statusCode, 200, rec.body);
  assert.equal(rec.json().state, 'concluded');
  assert.equal(rec.json().penalty.outsideStandard, true);
  assert.match(rec.json().recordNumber, /检〔2026〕/);
  assert.equal((await signals('inspection_penalty_outside')).length, 1);
  const pdf = await insp.req('GET', `/api/v1/inspections/${ids.a}/record`);
  assert.equal(pdf.headers['content-type'], 'application/pdf');
  assert.equal(pdf.rawPayload.subarray(0, 5).toString(), '%PDF-');
  assert.equal((await new Client(t.app).req('GET', `/api/v1/inspections/${ids.a}/record`)).statusCode, 401);

  // The enterprise: its history through its account, its sign, the record, the receipt, a complaint.
  const history = (await enterprise.req('GET', '/api/v1/enterprise/inspections')).json();
  assert.equal(history.items.find((i: { id: string }) => i.id === ids.a).outcome, 'penalty');
  const sign = (await enterprise.req('GET', '/api/v1/enterprise/sign')).json();
  assert.match(sign.qrSvg, /^<svg/);
  assert.equal(sign.url, `https://zwfw.qinghe.example/inspect/${ids.code}`);
  const anon = new Client(t.app);
  assert.equal(
    (await anon.req('GET', `/api/v1/enterprise/inspections?code=${ids.code}&check=WRONGCODE`)).statusCode,
    404,
  );
  const proof = { code: ids.code, check: ids.check };
  // Wrong check codes sent at once from one address: those in flight count, then 429.
  const guesses = await Promise.all(
    Array.from({ length: 40 }, (_, k) =>
      t.app.inject({
        url: `/api/v1/enterprise/inspections?code=${ids.code}&check=WRONG${String(k).padStart(3, '0')}`,
        remoteAddress: '198.51.100.23',
      }),
    ),
  );
  const checked = guesses.filter((r) => r.statusCode === 404).length;
  assert.ok(checked <= TRACK_POLICY.maxFailures, `${checked} wrong check codes were compared`);
  assert.ok(guesses.some((r) => r.statusCode === 429));
  assert.equal(
    (
      await anon.req(
        'GET',
        `/api/v1/enterprise/inspections/${ids.a}/record?code=${ids.code}&check=${ids.check}`,
      )
    ).statusCode,
    200,
  );
  const receipt = await anon.req('POST', `/api/v1/enterprise/inspections/${ids.a}/receipt`, proof);
  assert.equal(receipt.statusCode, 200, receipt.body);
  const complaint = await enterprise.req('POST', `/api/v1/enterprise/inspections/${ids.a}/complaints`, {
    description: '检查人员超时两个小时，且罚款超出标准。',
    anonymous: false,
  });
  assert.equal(complaint.statusCode, 201, complaint.body);
  const ticket = await t.db
    .selectFrom('complaints')
    .select(['inspection_reference', 'category_code'])
    .where('ticket_no', '=', complaint.json().ticketNo)
    .executeTakeFirstOrThrow();
  assert.deepEqual(ticket, { inspection_reference: before.number, category_code: 'arbitrary_inspection' });
  assert.equal((await signals('inspection_complaint')).length, 1);

  // The enterprise rates the inspection, once, with its code; a bad rating opens a rectification.
  const rate = (body: Record<string, unknown>) =>
    anon.req('POST', `/api/v1/enterprise/inspections/${ids.a}/rating`, { ...proof, ...body });
  const rated = await rate({ level: 2, comment: '检查时间过长' });
  assert.equal(rated.statusCode, 201, rated.body);
  assert.ok(rated.json().rectificationId, 'a bad rating opens its rectification');
  const again = await rate({ level: 5 });
  assert.equal(again.statusCode, 409);
  assert.equal(again.json().code, 'rating_already_given');
  const stored = await t.db
    .selectFrom('rating_ratings')
    .select(['subject_type', 'subject_ref', 'department_id', 'channel', 'level'])
    .where('subject_id', '=', ids.a!)
    .executeTakeFirstOrThrow();
  assert.deepEqual(stored, {
    subject_type: 'inspection',
    subject_ref: before.number,
    department_id: before.departmentId,
    channel: 'online',
    level: 2,
  });

  const stats = (await anon.req('GET', '/api/v1/inspection-stats?year=2026')).json();
  const scj = stats.departments.find((d: { departmentId: string }) => d.departmentId === dept.SCJ);
  assert.deepEqual([scj.inspections, scj.jointPct, scj.findingsPct, scj.complaints], [1, 100, 100, 1]);
  const overview = (await sup.req('GET', '/api/v1/inspections/overview')).json();
  assert.ok(overview.openSignals >= 5);
  assert.equal(overview.flagged.length, overview.openSignals);
  // The penalty outside its standard links to its inspection; a cap reached names the enterprise only.
  const outside = overview.flagged.find((f: { kind: string }) => f.kind === 'inspection_penalty_outside');
  assert.deepEqual([outside.inspectionId, outside.inspectionNumber], [ids.a, before.number]);
  assert.equal(outside.enterpriseName, '清河市味道餐饮管理有限公司');
  const cap = overview.flagged.find((f: { kind: string }) => f.kind === 'inspection_over_cap');
  assert.deepEqual([cap.inspectionId, cap.enterpriseName], [null, '清河市味道餐饮管理有限公司']);
  assert.equal((await insp.req('GET', '/api/v1/inspections/overview')).statusCode, 403);
  const plan = (await head.req('GET', '/api/v1/inspections?from=2026-11-01&to=2026-12-31')).json();
  assert.deepEqual(
    plan.items.map((i: { id: string }) => i.id),
    [ids.a],
  );
});

test('a result not recorded within the working days is signalled by the supervision pass', async () => {
  await insp.relogin();
  const today = '2026-12-01';
  const r = await insp.req(
    'POST',
    '/api/v1/inspections',
    registration({
      creditCode: OTHER,
      enterpriseName: '清河市某某食品有限公司',
      plannedDate: today,
      notice: false,
    }),
  );
  assert.equal(r.statusCode, 201, r.body);
  const e = await t.db
    .selectFrom('insp_enterprises')
    .select('code')
    .where('credit_code', '=', OTHER)
    .executeTakeFirstOrThrow();
  assert.equal((await insp.req('POST', '/api/v1/inspections/scan', { code: e.code })).statusCode, 200);
  t.clock.advance(10 * 86_400_000);
  const cal = await t.calendars.get();
  await runSupervisionTick(t.db, t.clock, cal, { dialect: TEST_DIALECT });
  const late = await signals('inspection_result_late');
  // The fire brigade's visit of Monday, started and never concluded, is late too; the concluded one is not.
  assert.deepEqual(late.map((s) => s.subject_id).sort(), [r.json().inspection.id, ids.x].sort());
  // Recorded at last without ending the visit first: it ends now, ten days past its 60 minutes.
  await insp.relogin();
  const id = r.json().inspection.id;
  const version = (await insp.req('GET', `/api/v1/inspections/${id}`)).json().version;
  const done = await insp.req('POST', `/api/v1/inspections/${id}/result`, {
    version,
    outcome: 'no_problem',
    findings: '未发现问题。',
  });
  assert.equal(done.statusCode, 200, done.body);
  assert.equal(done.json().overran, true);
  assert.ok((await signals('inspection_length_exceeded')).some((s) => s.subject_id === id));
});
