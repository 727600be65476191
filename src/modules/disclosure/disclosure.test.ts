import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createTestContext, TEST_DIALECT, type TestContext } from '../../../test/test-context.js';
import { Client } from '../../../test/http.js';
import { seedDemo, DEMO_PASSWORD } from '../../seed/seed-demo.js';
import { disclosureDeps } from './disclosure-deps.js';
import { signalOverdueDisclosures } from './signal-overdue.js';
import type { DocumentViewT, StatementViewT, VillageViewT } from './views.js';

let t: TestContext;
let admin: Client, clerk: Client, wjw: Client, visitor: Client;
const dept: Record<string, string> = {};
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
const ITEM = '11330900MB1185001X-GF-001'; // 最低生活保障审核确认 (民政局)
const demo = (u: string) => new Client(t.app).login(u, DEMO_PASSWORD);

before(async () => {
  t = await createTestContext({ start: '2026-11-30T01:30:00.000Z' }); // Monday 09:30 in 清河
  await seedDemo(t.db, t.clock);
  [admin, clerk, wjw] = (await Promise.all(['admin', 'clerk', 'reviewer.wjw'].map(demo))) as [
    Client,
    Client,
    Client,
  ];
  visitor = new Client(t.app);
  for (const d of await t.db.selectFrom('departments').select(['id', 'code']).execute()) dept[d.code] = d.id;
});
after(() => t.close());

const doc = (over: Record<string, unknown> = {}) => ({
  docNo: '清民规〔2024〕1号',
  title: '清河市最低生活保障审核确认实施细则',
  issuer: '清河市民政局',
  issuedOn: '2024-03-01',
  effectiveOn: '2024-04-01',
  body: '第一条 为规范最低生活保障审核确认工作，根据《最低生活保障审核确认办法》，结合本市实际，制定本细则。\n第二条 共同生活的家庭成员人均收入低于当地最低生活保障标准的，可以申请。',
  interpretation: '本细则明确了低保申请、家庭经济状况核查和审核确认的时限。',
  ...over,
});

async function publish(body: Record<string, unknown>, c = admin, status = 201) {
  const r = await c.req('POST', '/api/v1/disclosure/documents', body);
  assert.equal(r.statusCode, status, r.body);
  return r.json() as DocumentViewT & { code?: string };
}

test('documents: publish, amend (both linked), repeal; a closed document is not amended again', async () => {
  const v1 = await publish(doc());
  assert.equal(v1.status, 'valid');
  assert.equal(v1.standing, 'in_force');
  const v2 = await publish(
    doc({ docNo: '清民规〔2026〕3号', issuedOn: '2026-06-01', effectiveOn: '2026-07-01', amendsId: v1.id }),
  );
  assert.equal(v2.amends?.id, v1.id);
  const old = (await visitor.req('GET', `/api/v1/disclosure/documents/${v1.id}`)).json() as DocumentViewT;
  assert.equal(old.status, 'amended');
  assert.equal(old.standing, 'amended');
  assert.equal(old.amendedBy?.id, v2.id);
  assert.equal(old.amendedBy?.standing, 'in_force');
  const again = await admin.req(
    'POST',
    '/api/v1/disclosure/documents',
    doc({ docNo: 'X-1', amendsId: v1.id }),
  );
  assert.equal(again.statusCode, 409);
  assert.equal(again.json().code, 'disclosure_document_closed');
  const dup = await admin.req('POST', '/api/v1/disclosure/documents', doc());
  assert.equal(dup.json().code, 'disclosure_doc_no_taken');

  const temp = await publish(doc({ docNo: '清民发〔2025〕9号', title: '关于临时救助的通知' }));
  const r = await admin.req('POST', `/api/v1/disclosure/documents/${temp.id}/repeal`, {
    version: temp.version,
    repealedOn: '2026-11-01',
    reason: '已被新规定取代',
    repealedById: v2.id,
  });
  assert.equal(r.statusCode, 200, r.body);
  assert.equal(r.json().standing, 'repealed');
  assert.equal(r.json().repealedBy.id, v2.id);
  const twice = await admin.req('POST', `/api/v1/disclosure/documents/${temp.id}/repeal`, {
    version: r.json().version,
    repealedOn: '2026-11-02',
    reason: '再次',
  });
  assert.equal(twice.statusCode, 409);
});

test('documents: bad dates are refused in both languages, naming the field', async () => {
  const r = await admin.req(
    'POST',
    '/api/v1/disclosure/documents',
    doc({ docNo: 'BAD-1', effectiveOn: '2024-01-01', expiresOn: '2023-01-01' }),
    { 'accept-language': 'en' },
  );
  assert.equal(r.statusCode, 400);
  const errors = r.json().errors as { path: string; message: string }[];
  assert.deepEqual(
    errors.map((e) => e.path),
    ['/body/effectiveOn', '/body/expiresOn'],
  );
  assert.equal(errors[0]!.message, 'The effective date cannot be before the date of issue');
  const zh = await admin.req(
    'POST',
    '/api/v1/disclosure/documents',
    doc({ docNo: 'BAD-1', effectiveOn: '2024-01-01' }),
  );
  assert.equal(zh.json().errors[0].message, '施行日期不能早于印发日期');
});

test('documents: expiry is read from the clock, never silently valid', async () => {
  const d = await publish(
    doc({ docNo: '清民规〔2025〕2号', title: '清河市困难群众价格补贴暂行办法', expiresOn: '2026-12-31' }),
  );
  assert.equal(d.standing, 'in_force');
  t.clock.set('2027-01-01T01:00:00.000Z');
  try {
    const after = (await visitor.req('GET', `/api/v1/disclosure/documents/${d.id}`)).json() as DocumentViewT;
    assert.equal(after.status, 'valid');
    assert.equal(after.standing, 'expired');
    const list = (await visitor.req('GET', '/api/v1/disclosure/documents')).json();
    assert.equal(list.items.find((x: { id: string }) => x.id === d.id).standing, 'expired');
  } finally {
    t.clock.set('2026-11-30T01:30:00.000Z');
  }
});

test('documents: found by Chinese words and by the synonyms of the service guide', async () => {
  const search = async (q: string) =>
    (await visitor.req('GET', `/api/v1/disclosure/documents?q=${encodeURIComponent(q)}`)).json() as {
      items: { docNo: string; matched: string[] }[];
    };
  const byWords = await search('最低生活保障审核');
  assert.ok(byWords.items.length >= 2);
  assert.ok(
    byWords.items.slice(0, 2).every((i) => i.docNo.startsWith('清民规')),
    JSON.stringify(byWords),
  );
  // 低保 is the administrator's synonym of 最低生活保障.
  const bySynonym = await search('低保');
  assert.ok(bySynonym.items.some((i) => i.docNo === '清民规〔2026〕3号'));
  assert.deepEqual((await search('营业执照 吊销')).items, []);
  const byNumber = await search('清民规〔2026〕3号');
  assert.equal(byNumber.items[0]?.docNo, '清民规〔2026〕3号');
});

test('item links: the guide shows the documents its basis cites; the document, the items citing it', async () => {
  const list = (
    await visitor.req('GET', '/api/v1/disclosure/documents?q=' + encodeURIComponent('最低生活保障'))
  ).json().items as { id: string; docNo: string }[];
  const d = list.find((x) => x.docNo === '清民规〔2026〕3号')!;
  const r = await admin.req('POST', '/api/v1/disclosure/item-links', {
    itemCode: ITEM,
    documentId: d.id,
    basisTitle: '《最低生活保障审核确认办法》',
  });
  assert.equal(r.statusCode, 201, r.body);
  assert.equal(
    (await admin.req('POST', '/api/v1/disclosure/item-links', { itemCode: ITEM, documentId: d.id }))
      .statusCode,
    409,
  );
  assert.equal(
    (await admin.req('POST', '/api/v1/disclosure/item-links', { itemCode: 'NO-SUCH', documentId: d.id }))
      .statusCode,
    404,
  );
  assert.equal(
    (await clerk.req('POST', '/api/v1/disclosure/item-links', { itemCode: ITEM, documentId: d.id }))
      .statusCode,
    403,
  );
  const ofItem = (await visitor.req('GET', `/api/v1/disclosure/items/${ITEM}/documents`)).json();
  assert.deepEqual(
    ofItem.documents.map((x: { document: { docNo: string; standing: string } }) => [
      x.document.docNo,
      x.document.standing,
    ]),
    [['清民规〔2026〕3号', 'in_force']],
  );
  const page = (await visitor.req('GET', `/api/v1/disclosure/documents/${d.id}`)).json() as DocumentViewT;
  assert.deepEqual(
    page.citedBy.map((c) => [c.itemCode, c.itemName]),
    [[ITEM, '最低生活保障审核确认']],
  );
  const del = await admin.req('DELETE', `/api/v1/disclosure/item-links/${r.json().id}`);
  assert.equal(del.statusCode, 204);
  assert.deepEqual(
    (await visitor.req('GET', `/api/v1/disclosure/items/${ITEM}/documents`)).json().documents,
    [],
  );
});

test('documents: only administrators publish; visitors are asked to log in', async () => {
  assert.equal((await publish(doc({ docNo: 'C-1' }), clerk, 403)).code, 'forbidden');
  assert.equal((await publish(doc({ docNo: 'C-2' }), visitor, 401)).code, 'unauthenticated');
});

const statement = (period: string) => ({
  period,
  income: [{ name: '集体土地租金', amountFen: 12_000_000 }],
  expenditure: [
    { name: '村道维修', amountFen: 4_500_000, note: '东村段' },
    { name: '保洁费', amountFen: 600_000 },
  ],
  assets: [{ name: '村办公楼', amountFen: 80_000_000 }],
  majorMatters: ['村道硬化工程招标'],
});

async function village(code: string, over: Record<string, unknown> = {}) {
  const r = await admin.req('POST', '/api/v1/disclosure/villages', {
    code,
    name: `${code}村`,
    township: '城关镇',
    departmentId: dept.SCJ,
    discloseFrom: '2026-01-01',
    ...over,
  });
  assert.equal(r.statusCode, 201, r.body);
  return r.json() as { id: string; periods: { period: string; state: string }[]; cadence: string };
}

test('villages: quarterly by default; the department publishes each period once, with attachments', async () => {
  const v = await village('DX');
  assert.equal(v.cadence, 'quarterly');
  assert.deepEqual(
    v.periods.map((p) => [p.period, p.state]),
    [
      ['2026-Q4', 'current'],
      ['2026-Q3', 'overdue'],
      ['2026-Q2', 'overdue'],
      ['2026-Q1', 'overdue'],
    ],
  );
  const url = `/api/v1/disclosure/villages/${v.id}/statements`;
  assert.equal((await wjw.req('POST', url, statement('2026-Q3'))).statusCode, 403);
  const bad = await clerk.req('POST', url, statement('2026-09'));
  assert.equal(bad.statusCode, 400);
  assert.equal(bad.json().errors[0].path, '/body/period');
  assert.equal(
    (await clerk.req('POST', url, statement('2027-Q1'))).json().code,
    'disclosure_period_not_started',
  );
  const r = await clerk.req('POST', url, statement('2026-Q3'));
  assert.equal(r.statusCode, 201, r.body);
  const s = r.json() as StatementViewT;
  assert.deepEqual(s.totals, { incomeFen: 12_000_000, expenditureFen: 5_100_000, assetsFen: 80_000_000 });
  assert.equal(s.onTime, false);
  assert.equal(
    (await clerk.req('POST', url, statement('2026-Q3'))).json().code,
    'disclosure_period_published',
  );

  const boundary = 'b0undary';
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="收支明细.pdf"\r\nContent-Type: application/pdf\r\n\r\n`,
    ),
    PDF,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  const up = await clerk.req('POST', `/api/v1/disclosure/statements/${s.id}/files`, payload, {
    'content-type': `multipart/form-data; boundary=${boundary}`,
  });
  assert.equal(up.statusCode, 200, up.body);
  const file = (up.json() as StatementViewT).files[0]!;
  const dl = await visitor.req('GET', `/api/v1/disclosure/statements/${s.id}/files/${file.id}`);
  assert.equal(dl.statusCode, 200);
  assert.deepEqual(dl.rawPayload, PDF);
  const page = (await visitor.req('GET', `/api/v1/disclosure/villages/DX`)).json();
  assert.equal(page.periods[1].state, 'disclosed_late');
  assert.equal(page.overdue, 2);
});

test('villages: an overdue period is signalled once, however many passes run at once', async () => {
  const v = await village('XC', { discloseFrom: '2026-07-01', dueDays: 15 });
  const deps = disclosureDeps(t.appContext);
  const signals = () =>
    t.db
      .selectFrom('supervision_signals')
      .select(['kind', 'subject_id', 'data'])
      .where('kind', '=', 'village_disclosure_overdue')
      .where('subject_id', '=', v.id)
      .execute();
  const passes = await Promise.all(Array.from({ length: 4 }, () => signalOverdueDisclosures(deps)));
  const mine = await signals();
  assert.equal(mine.length, 1, JSON.stringify(mine));
  assert.ok(passes.reduce((a, b) => a + b, 0) >= 1);
  assert.ok(mine[0]!.data.includes('2026-Q3'));
  assert.equal(mine[0]!.kind, 'village_disclosure_overdue');
  const rows = await t.db
    .selectFrom('disc_overdue_periods')
    .selectAll()
    .where('village_id', '=', v.id)
    .execute();
  assert.deepEqual(
    rows.map((r) => r.period),
    ['2026-Q3'],
  );
  // Again later: nothing new until the next period is overdue (2026-Q4 due 2027-01-15).
  await signalOverdueDisclosures(deps);
  assert.equal((await signals()).length, 1);
  t.clock.set('2027-01-16T02:00:00.000Z');
  try {
    await Promise.all([signalOverdueDisclosures(deps), signalOverdueDisclosures(deps)]);
    assert.equal((await signals()).length, 2);
  } finally {
    t.clock.set('2026-11-30T01:30:00.000Z');
  }
  console.log(`overdue signals checked on ${TEST_DIALECT}`);
});

test('villages: a change of cadence applies from the next period it may; ended periods keep their due days', async () => {
  const v = await village('NS');
  await signalOverdueDisclosures(disclosureDeps(t.appContext));
  const url = `/api/v1/disclosure/villages/${v.id}/cadence`;
  // Monthly from November would leave October, inside the fourth quarter, under no term.
  const mid = await admin.req(
    'POST',
    url,
    { version: 1, cadence: 'monthly', dueDays: 5, fromPeriod: '2026-11' },
    {
      'accept-language': 'en',
    },
  );
  assert.equal(mid.statusCode, 400);
  assert.deepEqual(
    mid.json().errors.map((e: { path: string; message: string }) => [e.path, e.message]),
    [
      [
        '/body/fromPeriod',
        'The change must start where a period of the present cadence starts; the earliest is 2027-01',
      ],
    ],
  );
  const r = await admin.req('POST', url, { version: 1, cadence: 'monthly', dueDays: 5 });
  assert.equal(r.statusCode, 200, r.body);
  const after = r.json() as VillageViewT;
  assert.equal(after.discloseFrom, '2026-01-01');
  // Still quarterly today; the quarters found overdue keep their due days.
  assert.equal(after.cadence, 'quarterly');
  assert.deepEqual(after.nextChange, {
    startsOn: '2027-01-01',
    fromPeriod: '2027-01',
    cadence: 'monthly',
    dueDays: 5,
  });
  assert.deepEqual(
    after.periods.map((p) => `${p.period} ${p.state} ${p.dueOn}`),
    [
      '2026-Q4 current 2027-01-10',
      '2026-Q3 overdue 2026-10-10',
      '2026-Q2 overdue 2026-07-10',
      '2026-Q1 overdue 2026-04-10',
    ],
  );
  assert.deepEqual(
    after.upcoming.slice(0, 3).map((p) => `${p.period} ${p.dueOn}`),
    ['2027-01 2027-02-05', '2027-02 2027-03-05', '2027-03 2027-04-05'],
  );
  const audit = await t.db
    .selectFrom('audit_events')
    .select('data')
    .where('action', '=', 'disclosure.cadence_changed')
    .where('entity_id', '=', v.id)
    .executeTakeFirstOrThrow();
  assert.deepEqual(JSON.parse(String(audit.data)), {
    fromPeriod: '2027-01',
    before: { cadence: 'quarterly', dueDays: 10 },
    after: { cadence: 'monthly', dueDays: 5 },
    superseded: [],
  });

  // More days from the current quarter on: the quarter ended is still due when it was.
  const days = await admin.req('POST', url, {
    version: 2,
    cadence: 'quarterly',
    dueDays: 30,
    fromPeriod: '2026-Q4',
  });
  assert.equal(days.statusCode, 200, days.body);
  const d = days.json() as VillageViewT;
  assert.deepEqual(
    d.periods.slice(0, 2).map((p) => `${p.period} ${p.dueOn}`),
    ['2026-Q4 2027-01-30', '2026-Q3 2026-10-10'],
  );
  // The monthly change scheduled for January gave way to this one, as the audit trail says.
  assert.equal(d.nextChange, null);
  assert.deepEqual(d.terms, [
    { startsOn: '2026-01-01', cadence: 'quarterly', dueDays: 10 },
    { startsOn: '2026-10-01', cadence: 'quarterly', dueDays: 30 },
  ]);
  const ended = await admin.req('POST', url, {
    version: 3,
    cadence: 'quarterly',
    dueDays: 5,
    fromPeriod: '2026-Q3',
  });
  assert.equal(ended.json().errors[0].message, '该期间已结束，其公开期限不能再改；最早可从 2026-Q4 起调整');

  // The department's clerk may change it too; a reviewer of another department may not.
  const other = await wjw.req('POST', url, { version: 3, cadence: 'monthly', dueDays: 5 });
  assert.equal(other.statusCode, 403);
  const monthly = await clerk.req('POST', url, {
    version: 3,
    cadence: 'monthly',
    dueDays: 5,
    fromPeriod: '2027-01',
  });
  assert.equal(monthly.statusCode, 200, monthly.body);
  t.clock.set('2027-02-03T02:00:00.000Z');
  try {
    // Sessions lapse over two months: sign in again.
    const [clerk2, admin2] = (await Promise.all(['clerk', 'admin'].map(demo))) as [Client, Client];
    const pub = `/api/v1/disclosure/villages/${v.id}/statements`;
    const q1 = await clerk2.req('POST', pub, statement('2027-Q1'));
    assert.equal(q1.statusCode, 400);
    assert.equal(q1.json().errors[0].path, '/body/period');
    const jan = await clerk2.req('POST', pub, statement('2027-01'));
    assert.equal(jan.statusCode, 201, jan.body);
    assert.equal((jan.json() as StatementViewT).dueOn, '2027-02-05');
    const page = (await visitor.req('GET', `/api/v1/disclosure/villages/${v.id}`)).json() as VillageViewT;
    assert.equal(page.cadence, 'monthly');
    assert.deepEqual(
      page.periods.slice(0, 3).map((p) => `${p.period} ${p.state}`),
      ['2027-02 current', '2027-01 disclosed', '2026-Q4 overdue'],
    );
    // A statement already out for the current month: the change waits for the next period.
    assert.equal((await clerk2.req('POST', pub, statement('2027-02'))).statusCode, 201);
    const early = await admin2.req('POST', url, {
      version: 4,
      cadence: 'monthly',
      dueDays: 10,
      fromPeriod: '2027-02',
    });
    assert.equal(early.json().errors[0].message, '该期间起已有公开记录（2027-02）；最早可从 2027-03 起调整');
    const back = await admin2.req('POST', url, {
      version: 4,
      cadence: 'quarterly',
      dueDays: 5,
      fromPeriod: '2027-Q2',
    });
    assert.equal(back.statusCode, 200, back.body);
    assert.deepEqual(
      (back.json() as VillageViewT).upcoming.map((p) => p.period),
      ['2027-03', '2027-Q2', '2027-Q3'],
    );
  } finally {
    t.clock.set('2026-11-30T01:30:00.000Z');
  }
});

test('villages: the township registers its own villages; a code taken is refused at its field', async () => {
  const township = await demo('township');
  const body = {
    code: 'CGZ-BS',
    name: '北山村',
    township: '城关镇',
    departmentId: dept.MZJ,
    discloseFrom: '2026-10-01',
  };
  const made = await township.req('POST', '/api/v1/disclosure/villages', body);
  assert.equal(made.statusCode, 201, made.body);
  assert.equal(made.json().cadence, 'quarterly');
  assert.equal(made.json().dueDays, 10);
  const dup = await township.req('POST', '/api/v1/disclosure/villages', { ...body, name: '北山二村' });
  assert.equal(dup.statusCode, 409);
  assert.deepEqual(
    dup.json().errors.map((e: { path: string; message: string }) => [e.path, e.message]),
    [['/body/code', '村编码“CGZ-BS”已被使用，请换一个']],
  );
  const elsewhere = await township.req('POST', '/api/v1/disclosure/villages', {
    ...body,
    code: 'X-1',
    departmentId: dept.SCJ,
  });
  assert.equal(elsewhere.statusCode, 403);
});

test('villages: a missing disclosure can be reported to the reporting center under its own category', async () => {
  const cat = await t.db
    .selectFrom('complaint_categories')
    .selectAll()
    .where('code', '=', 'village_disclosure')
    .executeTakeFirst();
  assert.equal(cat?.name_zh, '村务财务未按时公开');
});
