import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createTestContext, TEST_DIALECT, type TestContext } from '../../../test/test-context.js';
import { openDatabase, type DatabaseHandle } from '../../db/database.js';
import { seedDemo } from '../../seed/seed-demo.js';
import { systemActor } from '../../shared/actor.js';
import { audited } from '../audit/audited-transaction.js';
import { CalendarStore } from '../clock/calendar-store.js';
import { startClock } from '../clock/start-clock.js';
import { stopClock } from '../clock/stop-clock.js';
import { dashboardDeps } from './dashboard-deps.js';
import { reviewItemCommitments } from './review-item-commitments.js';

let t: TestContext;
let second: DatabaseHandle | undefined;
const NOW = '2026-11-30T01:30:00.000Z'; // Monday 09:30 in 清河
interface Item {
  id: string;
  code: string;
  department_id: string;
}
let itemA: Item, itemB: Item;

before(async () => {
  t = await createTestContext({ start: NOW });
  await seedDemo(t.db, t.clock);
  const items = await t.db
    .selectFrom('items')
    .select(['id', 'code', 'department_id'])
    .where('status', '=', 'published')
    .orderBy('code')
    .execute();
  itemA = items[0]!;
  itemB = items.find((i) => i.department_id !== itemA.department_id)!;
});
after(async () => {
  await second?.close();
  await t.close();
});

let n = 0;
/** A case of an item accepted on a date and decided now: on time or late against its limit. */
async function decidedCase(item: Item, startDate: string, limitDays: number) {
  const cal = await t.calendars.get();
  await audited(t.db, t.clock, systemActor('test'), async (uow) => {
    const c = await startClock(uow, cal, {
      subjectType: 'case',
      subjectId: `dash-case-${++n}`,
      label: 'test case',
      departmentId: item.department_id,
      itemId: item.id,
      startDate,
      limitDays,
    });
    await stopClock(uow, cal, c.id, 'approved');
    await uow.audit({
      action: 'case.decide_task',
      entityType: 'case',
      entityId: c.subject_id,
      data: { receiptNo: c.subject_id, from: 'under_review', to: 'decided' },
    });
  });
}

const get = (url: string, lang = 'zh-CN') =>
  t.app.inject({ method: 'GET', url, headers: { 'accept-language': lang } });

test("an item's guide shows its commitment against the last 12 months, small samples marked, kept a minute", async () => {
  await decidedCase(itemA, '2026-11-25', 5); // 3 working days, on time
  await decidedCase(itemA, '2026-11-02', 5); // 20 working days, late
  await decidedCase(itemA, '2026-11-27', 5); // 1 working day, on time
  const r = await get(`/api/v1/items/${itemA.code}/actuals`);
  assert.equal(r.statusCode, 200, r.body);
  assert.equal(r.headers['cache-control'], 'public, max-age=60');
  const a = r.json();
  const item = (await get(`/api/v1/items/${itemA.id}`)).json();
  assert.equal(a.committedDays, item.committedDays);
  assert.equal(a.itemName, item.name);
  assert.ok(item.nameEn, 'the demo item has an English name');
  assert.equal(a.itemNameEn, item.nameEn, 'the English name beside the Chinese one');
  assert.equal(a.commitment, item.commitment);
  assert.equal(a.asOf, NOW);
  assert.deepEqual(a.period, { start: '2025-12-01', end: '2026-11-30' });
  assert.deepEqual(a.cases, { sample: 3, smallSample: true, medianDays: 3, p90Days: 20, onTimeRate: 66.7 });
  assert.deepEqual(a.visits, { sample: 0, smallSample: true, visits: 0, perCase: null });

  // Within the minute the same figures; after it, the new case counts.
  await decidedCase(itemA, '2026-11-26', 5);
  assert.equal((await get(`/api/v1/items/${itemA.code}/actuals`)).json().cases.sample, 3);
  t.clock.advance(61_000);
  const later = (await get(`/api/v1/items/${itemA.id}/actuals`)).json();
  assert.equal(later.cases.sample, 4);
  assert.equal(later.asOf, new Date(Date.parse(NOW) + 61_000).toISOString());

  const missing = await get('/api/v1/items/NO-SUCH-ITEM/actuals', 'en');
  assert.equal(missing.statusCode, 404);
});

test('the public dashboard: per department and for the center, with the period, the as-of time and samples', async () => {
  for (let i = 0; i < 10; i++) await decidedCase(itemB, '2026-11-26', 5);
  t.clock.advance(61_000);
  const r = await get('/api/v1/public/dashboard');
  assert.equal(r.statusCode, 200, r.body);
  const d = r.json();
  assert.equal(d.asOf, t.clock.now().toISOString());
  assert.deepEqual(d.period, { start: '2025-12-01', end: '2026-11-30' });
  const deptA = d.departments.find((x: { id: string }) => x.id === itemA.department_id);
  const deptB = d.departments.find((x: { id: string }) => x.id === itemB.department_id);
  assert.deepEqual(deptA.figures.on_time_rate, { value: 75, sample: 4, smallSample: true });
  assert.deepEqual(deptB.figures.on_time_rate, { value: 100, sample: 10, smallSample: false });
  assert.deepEqual(deptB.figures.avg_working_days, { value: 2, sample: 10, smallSample: false });
  assert.deepEqual(deptB.figures.satisfaction, { value: null, sample: 0, smallSample: true });
  // The center weighs each department by its sample: (75 × 4 + 100 × 10) / 14.
  assert.deepEqual(d.center.figures.on_time_rate, { value: 92.9, sample: 14, smallSample: false });
  assert.equal(d.inspectionYear, 2026);
  assert.ok(d.departments.length >= 31);
});

test('open data: an index with licence and update time, CSV in UTF-8 with BOM, JSON with the same records', async () => {
  const idx = await get('/api/v1/public/open-data');
  assert.equal(idx.statusCode, 200, idx.body);
  const ids = idx.json().datasets.map((x: { id: string }) => x.id);
  assert.deepEqual(ids, ['service-catalogue', 'fee-catalogue', 'dashboard-figures']);
  const sc = idx.json().datasets[0];
  assert.equal(sc.licence.id, 'CC-BY-4.0');
  assert.equal(sc.urls.csv, '/api/v1/public/open-data/service-catalogue.csv');
  assert.ok(sc.updatedAt && sc.records > 100);

  const c = await get(sc.urls.csv);
  assert.equal(c.statusCode, 200);
  assert.match(String(c.headers['content-type']), /^text\/csv; charset=utf-8/);
  assert.match(String(c.headers['content-disposition']), /attachment; filename="service-catalogue.csv"/);
  const raw = c.rawPayload;
  assert.deepEqual([...raw.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 byte-order mark');
  const lines = c.body
    .replace(/^\ufeff/, '')
    .trimEnd()
    .split('\r\n');
  assert.equal(
    lines[0],
    'code,name,type,handling_class,department_code,department_name,statutory_days,committed_days,max_visits,channels,charged,version_no,' +
      'name_en,department_name_en',
  );
  assert.equal(lines.length - 1, sc.records);
  assert.ok(lines.some((l) => l.startsWith(`${itemA.code},`)));

  const j = await get('/api/v1/public/open-data/service-catalogue.json');
  assert.equal(j.statusCode, 200);
  const body = j.json();
  assert.equal(body.records.length, sc.records);
  const rowA = body.records.find((x: { code: string }) => x.code === itemA.code);
  const item = (await get(`/api/v1/items/${itemA.id}`)).json();
  assert.equal(rowA.name, item.name);
  assert.equal(rowA.committed_days, item.committedDays);
  assert.equal(rowA.name_en, item.nameEn, 'the English name beside the Chinese one');
  assert.equal(rowA.department_name_en, item.department.nameEn);

  const fees = (await get('/api/v1/public/open-data/fee-catalogue.json')).json();
  const feeList = (await get('/api/v1/fees')).json();
  assert.equal(fees.records.length, feeList.total);
  assert.equal(
    fees.columns.at(-1),
    'department_name_en',
    'appended last, so the earlier columns keep their places',
  );
  for (const f of feeList.items as { code: string; department: { name: string; nameEn: string | null } }[]) {
    const rec = fees.records.find((r: { code: string }) => r.code === f.code);
    assert.equal(rec.department_name, f.department.name);
    assert.equal(rec.department_name_en, f.department.nameEn);
  }
  assert.ok(fees.records.every((r: { department_name_en: string | null }) => r.department_name_en));
  const feeCsv = (await get('/api/v1/public/open-data/fee-catalogue.csv')).body
    .replace(/^\ufeff/, '')
    .split('\r\n');
  assert.equal(
    feeCsv[0],
    'code,name,category,department_code,department_name,basis,standard,management,fixed_amount_fen,department_name_en',
  );

  const figures = await get('/api/v1/public/open-data/dashboard-figures.csv');
  const rows = figures.body
    .replace(/^\ufeff/, '')
    .trimEnd()
    .split('\r\n');
  assert.ok(
    rows[0]!.startsWith(
      'department_code,department_name,period_start,period_end,as_of,on_time_rate,on_time_rate_sample,on_time_rate_small_sample',
    ),
  );
  assert.match(rows[1]!, /^,全中心 \/ whole center,2025-12-01,2026-11-30,[^,]+,92.9,14,0,.*,Whole center$/);
  const figuresJson = (await get('/api/v1/public/open-data/dashboard-figures.json')).json();
  const dashboard = (await get('/api/v1/public/dashboard')).json();
  const firstDept = dashboard.departments[0];
  assert.ok(firstDept.nameEn, 'the demo departments have English names');
  const figuresRow = figuresJson.records.find(
    (r: { department_code: string }) => r.department_code === firstDept.code,
  );
  assert.equal(figuresRow.department_name_en, firstDept.nameEn);

  const bad = await get('/api/v1/public/open-data/secrets.csv', 'en');
  assert.equal(bad.statusCode, 404);
  assert.match(bad.json().detail, /service-catalogue, fee-catalogue, dashboard-figures/);
  const badZh = await get('/api/v1/public/open-data/service-catalogue.xml');
  assert.equal(badZh.statusCode, 404);
  assert.match(badZh.json().detail, /没有开放数据文件/);
});

test(`a quarter's late case raises item_commitment_not_kept once, across two concurrent passes (${TEST_DIALECT})`, async () => {
  // In 2026-Q3: item A decided one case late, item B only on time.
  t.clock.set('2026-09-15T02:00:00.000Z');
  await decidedCase(itemA, '2026-08-03', 5);
  await decidedCase(itemB, '2026-09-10', 5);
  t.clock.set('2026-11-30T03:00:00.000Z');

  const deps = dashboardDeps(t);
  let otherDeps = deps;
  if (TEST_DIALECT === 'postgres') {
    const schema = await t.db
      .selectNoFrom((eb) => eb.fn<string>('current_schema', []).as('s'))
      .executeTakeFirstOrThrow();
    second = openDatabase({ databaseUrl: process.env.TEST_DATABASE_URL, pgSchema: schema.s, pgPoolSize: 2 });
    otherDeps = { ...deps, db: second.db, calendars: new CalendarStore(second.db) };
  }
  const [ra, rb] = await Promise.all([reviewItemCommitments(deps), reviewItemCommitments(otherDeps)]);
  assert.equal(ra + rb, 1, `A raised ${ra}, B ${rb}`);
  assert.equal(await reviewItemCommitments(deps), 0, 'a reviewed quarter is not reviewed again');

  const signals = await t.db
    .selectFrom('supervision_signals')
    .selectAll()
    .where('kind', '=', 'item_commitment_not_kept')
    .execute();
  assert.equal(signals.length, 1);
  assert.equal(signals[0]!.subject_id, itemA.id);
  assert.equal(signals[0]!.department_id, itemA.department_id);
  const review = await t.db.selectFrom('item_commitment_reviews').selectAll().executeTakeFirstOrThrow();
  assert.equal(review.quarter, '2026-Q3');
  assert.equal(review.state, 'done');
  assert.equal(review.items, 2);
  assert.equal(review.not_kept, 1);
  const audits = await t.db
    .selectFrom('audit_events')
    .select('entity_id')
    .where('action', '=', 'dashboard.item_commitments_reviewed')
    .execute();
  assert.deepEqual(
    audits.map((a) => a.entity_id),
    ['2026-Q3'],
  );
});
