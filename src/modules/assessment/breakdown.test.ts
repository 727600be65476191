import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createTestContext, type TestContext } from '../../../test/test-context.js';
import { Client } from '../../../test/http.js';
import { seedDemo, DEMO_PASSWORD } from '../../seed/seed-demo.js';
import { systemActor } from '../../shared/actor.js';
import { audited } from '../audit/audited-transaction.js';
import { recordRating } from '../ratings/record-rating.js';
import { assessmentDeps } from './assessment-deps.js';
import { refreshAssessment } from './refresh-assessment.js';
import { mergeGroups } from './get-breakdown.js';
import { zeroTotals } from './counters.js';
import { loadDemoCatalogue } from '../../seed/demo-catalogue.js';
import { createItem } from '../catalogue/create-item.js';

let t: TestContext;
let sup: Client, head: Client, clerk: Client;
const dept: Record<string, string> = {};
const PERIOD = '2026-Q4';
let item: { id: string; name: string };
let staff: { id: string; display_name: string };
let n = 0;

type Fig = { value: number | null; sample: number };
type Breakdown = {
  by: string;
  departmentName: string;
  minSample: number;
  measures: { code: string; unit: string }[];
  rows: { id: string; name: string; nameEn: string | null; sample: number; figures: Record<string, Fig> }[];
};

/** A rating of 市场监管局 given over the phone, naming its item, staff member and window. */
async function rate(level: number, window: string) {
  const cal = await t.calendars.get();
  await audited(t.db, t.clock, systemActor('test'), (uow) =>
    recordRating(uow, cal, t.config.ratings, {
      channel: 'phone',
      subject: { type: 'case', id: `rated-${++n}`, ref: `R${n}` },
      departmentId: dept.SCJ!,
      itemId: item.id,
      staffId: staff.id,
      window,
      level,
    }),
  );
}

before(async () => {
  t = await createTestContext({ start: '2026-11-30T01:30:00.000Z' });
  await seedDemo(t.db, t.clock);
  [sup, head, clerk] = (await Promise.all(
    ['supervisor', 'head', 'clerk'].map((u) => new Client(t.app).login(u, DEMO_PASSWORD)),
  )) as [Client, Client, Client];
  for (const d of await t.db.selectFrom('departments').select(['id', 'code']).execute()) dept[d.code] = d.id;
  item = await t.db
    .selectFrom('items as i')
    .innerJoin('item_versions as v', 'v.id', 'i.current_version_id')
    .select(['i.id', 'v.name'])
    .where('i.department_id', '=', dept.SCJ!)
    .orderBy('i.code')
    .executeTakeFirstOrThrow();
  staff = await t.db
    .selectFrom('users')
    .select(['id', 'display_name'])
    .where('username', '=', 'clerk')
    .executeTakeFirstOrThrow();
  // A hall window: a queue ticket keys it by its id, a rating at the window by its code.
  await t.db
    .insertInto('hall_windows')
    .values({
      id: 'hall-window-e09',
      code: 'E09',
      name: '综合受理',
      name_en: 'General intake',
      group_ids: '[]',
      staff_id: null,
      current_ticket_id: null,
      updated_at: t.clock.now().toISOString(),
    })
    .execute();
  await rate(1, 'E09');
  await rate(5, 'hall-window-e09');
  await rate(4, 'E10');
  await refreshAssessment(assessmentDeps(t));
});
after(() => t.close());

const breakdown = async (by: string, c: Client = sup, departmentId = dept.SCJ) => {
  const r = await c.req(
    'GET',
    `/api/v1/assessment/breakdown?period=${PERIOD}&departmentId=${departmentId}&by=${by}`,
  );
  return { status: r.statusCode, body: r.json() as Breakdown };
};
const trace = (q: string, c: Client = sup, headers: Record<string, string> = {}) =>
  c.req(
    'GET',
    `/api/v1/assessment/trace?period=${PERIOD}&departmentId=${dept.SCJ}&measure=satisfaction&${q}`,
    undefined,
    headers,
  );

test('a window known by its id and its code is one row, named by its code and name', async () => {
  const { status, body } = await breakdown('window');
  assert.equal(status, 200);
  assert.equal(body.departmentName, '清河市市场监督管理局');
  assert.equal(typeof body.minSample, 'number');
  assert.equal(body.measures.find((m) => m.code === 'satisfaction')?.unit, '%');
  assert.deepEqual(
    body.rows.map((r) => ({ id: r.id, name: r.name, satisfaction: r.figures.satisfaction })),
    [
      { id: 'E09', name: 'E09 综合受理', satisfaction: { value: 50, sample: 2 } },
      { id: 'E10', name: 'E10', satisfaction: { value: 100, sample: 1 } },
    ],
  );
  assert.deepEqual(
    body.rows.map((r) => [r.id, r.nameEn]),
    [
      ['E09', 'E09 General intake'],
      ['E10', null],
    ],
    "the window's English name beside the Chinese; none for a window the hall does not know",
  );
  assert.equal(body.rows[0]!.sample, 0, 'no decided case: the sample of the on-time rate');
});

test('the results and the breakdown give the English names beside the Chinese ones', async () => {
  const results = (await sup.req('GET', `/api/v1/assessment?period=${PERIOD}`)).json() as {
    rows: { departmentId: string; departmentName: string; departmentNameEn: string | null }[];
  };
  const row = results.rows.find((r) => r.departmentId === dept.SCJ)!;
  assert.equal(row.departmentName, '清河市市场监督管理局');
  assert.equal(row.departmentNameEn, 'Qinghe Administration for Market Regulation');
  const items = (await breakdown('item')).body as Breakdown & {
    departmentNameEn: string | null;
    rows: { nameEn: string | null }[];
  };
  assert.equal(items.departmentNameEn, 'Qinghe Administration for Market Regulation');
  const { name_en } = await t.db
    .selectFrom('items as i')
    .innerJoin('item_versions as v', 'v.id', 'i.current_version_id')
    .select('v.name_en')
    .where('i.id', '=', item.id)
    .executeTakeFirstOrThrow();
  assert.ok(name_en, 'the demo item has an English name');
  assert.equal(items.rows[0]!.nameEn, name_en);
  const people = (await breakdown('staff')).body as Breakdown & { rows: { nameEn: string | null }[] };
  assert.equal(people.rows[0]!.nameEn, null, 'a staff member has only the display name');
});

test("items are named by their current version's name, staff members by their display names", async () => {
  const items = await breakdown('item');
  assert.deepEqual(
    items.body.rows.map((r) => ({ id: r.id, name: r.name, sample: r.figures.satisfaction!.sample })),
    [{ id: item.id, name: item.name, sample: 3 }],
  );
  const people = await breakdown('staff');
  assert.deepEqual(
    people.body.rows.map((r) => ({ id: r.id, name: r.name })),
    [{ id: staff.id, name: staff.display_name }],
  );
});

test("a figure of a breakdown's row traces to that row's records only", async () => {
  const window = await trace('dim=window&dimId=E09');
  assert.equal(window.statusCode, 200, window.body);
  const w = window.json();
  assert.deepEqual(
    { dim: w.dim, dimId: w.dimId, figure: w.figure, total: w.total },
    {
      dim: 'window',
      dimId: 'E09',
      figure: { value: 50, sample: 2 },
      total: 1,
    },
  );
  assert.match(w.records[0].subject, /^rating:/);
  // The whole department: three ratings, one of them bad.
  const all = (await trace('')).json();
  assert.deepEqual(
    { dim: all.dim, figure: all.figure, total: all.total },
    {
      dim: null,
      figure: { value: 66.7, sample: 3 },
      total: 1,
    },
  );
  const other = (await trace('dim=window&dimId=E10')).json();
  assert.deepEqual(
    { figure: other.figure, total: other.total },
    { figure: { value: 100, sample: 1 }, total: 0 },
  );
  const mine = (await trace(`dim=staff&dimId=${staff.id}`)).json();
  assert.deepEqual(
    { figure: mine.figure, total: mine.total },
    { figure: { value: 66.7, sample: 3 }, total: 1 },
  );
  const none = (await trace('dim=item&dimId=no-such-item')).json();
  assert.deepEqual(
    { figure: none.figure, total: none.total },
    { figure: { value: null, sample: 0 }, total: 0 },
  );
});

test('a dimension without its value (or the reverse) is refused in both languages', async () => {
  for (const [q, path] of [
    ['dim=window', '/querystring/dimId'],
    ['dimId=E09', '/querystring/dim'],
  ] as const) {
    const zh = await trace(q);
    assert.equal(zh.statusCode, 400, zh.body);
    assert.equal(zh.json().code, 'validation_failed');
    assert.equal(zh.json().errors[0].path, path);
    assert.match(zh.json().errors[0].message, /维度（dim）与其编号（dimId）须同时给出/);
    const en = await trace(q, sup, { 'accept-language': 'en' });
    assert.match(en.json().errors[0].message, /give both dim and dimId/);
  }
  assert.equal((await trace('dim=floor&dimId=3')).statusCode, 400);
});

test("heads see their own department's breakdown and traces, nobody else's; clerks none", async () => {
  const me = (await head.req('GET', '/api/v1/auth/me')).json();
  const own = (me.departmentId ?? me.user?.departmentId) as string;
  const foreign = Object.values(dept).find((d) => d !== own)!;
  assert.equal((await breakdown('item', head, own)).status, 200);
  assert.equal((await breakdown('item', head, foreign)).status, 403);
  const r = await head.req(
    'GET',
    `/api/v1/assessment/trace?period=${PERIOD}&departmentId=${foreign}&measure=satisfaction&dim=window&dimId=E09`,
  );
  assert.equal(r.statusCode, 403);
  assert.equal((await breakdown('item', clerk)).status, 403);
});

test('merging adds counters and working-day counts of the groups one thing stands under', () => {
  const group = (dimId: string, decided: number, days: [number, number][]) => ({
    dimId,
    departmentId: 'd',
    totals: { ...zeroTotals(), decided },
    hist: new Map(days),
  });
  const a = group('w1', 2, [[3, 2]]);
  const merged = mergeGroups(
    [
      a,
      group('E01', 1, [
        [3, 1],
        [5, 1],
      ]),
      group('E02', 4, []),
    ],
    (id) => (id === 'w1' ? 'E01' : id),
  );
  assert.deepEqual(
    merged.map((g) => ({ id: g.dimId, decided: g.totals.decided, hist: [...g.hist] })),
    [
      {
        id: 'E01',
        decided: 3,
        hist: [
          [3, 3],
          [5, 1],
        ],
      },
      { id: 'E02', decided: 4, hist: [] },
    ],
  );
  assert.equal(a.totals.decided, 2, 'the groups given are left as they were');
});

test('an item never published is named by its latest version, in English too, not by its id', async () => {
  const file = loadDemoCatalogue();
  const base = file.items.find((i) => i.departmentCode === 'SCJ')!;
  const draft = {
    ...base,
    code: 'SCJ-DRAFT-901',
    name: '预包装食品销售备案（草案）',
    nameEn: 'Pre-packaged Food Sales Filing (draft)',
  };
  const draftId = await createItem(t.db, t.clock, systemActor('test'), draft);
  const row = await t.db
    .selectFrom('items')
    .select('current_version_id')
    .where('id', '=', draftId)
    .executeTakeFirstOrThrow();
  assert.equal(row.current_version_id, null, 'no current published version');
  const named = item;
  item = { id: draftId, name: draft.name };
  try {
    await rate(5, 'E09');
  } finally {
    item = named;
  }
  await refreshAssessment(assessmentDeps(t));
  const rows = (await breakdown('item')).body.rows;
  const drafted = rows.find((r) => r.id === draftId);
  assert.ok(drafted, 'the draft item has its row');
  assert.deepEqual([drafted.name, drafted.nameEn], [draft.name, draft.nameEn]);
  assert.equal(
    rows.find((r) => r.id === item.id)?.name,
    item.name,
    'a published item keeps its current name',
  );
});
