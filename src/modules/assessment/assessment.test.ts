import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { createTestContext, type TestContext } from '../../../test/test-context.js';
import { Client } from '../../../test/http.js';
import { seedDemo, DEMO_PASSWORD } from '../../seed/seed-demo.js';
import { systemActor } from '../../shared/actor.js';
import { audited } from '../audit/audited-transaction.js';
import { startClock } from '../clock/start-clock.js';
import { stopClock } from '../clock/stop-clock.js';
import { recordRating } from '../ratings/record-rating.js';
import { MEASURE_SOURCES } from '../commitments/measure-sources.js';
import { assessmentDeps } from './assessment-deps.js';
import { refreshAssessment } from './refresh-assessment.js';
import { checkAssessment } from './check-assessment.js';
import { percentileOf } from './measures.js';
import { parsePeriod } from './periods.js';
import { rank } from './grading.js';
import { seedDemoInspections } from '../../seed/seed-demo-inspections.js';

let t: TestContext;
let sup: Client, admin: Client, head: Client, clerk: Client;
const dept: Record<string, string> = {};
const PERIOD = '2026-Q4';
const demo = (u: string) => new Client(t.app).login(u, DEMO_PASSWORD);
let n = 0;

before(async () => {
  t = await createTestContext({ start: '2026-11-30T01:30:00.000Z' }); // Monday 09:30 in 清河
  await seedDemo(t.db, t.clock);
  [sup, admin, head, clerk] = (await Promise.all(
    ['supervisor', 'admin', 'head', 'clerk'].map(demo),
  )) as Client[] as [Client, Client, Client, Client];
  for (const d of await t.db.selectFrom('departments').select(['id', 'code']).execute()) dept[d.code] = d.id;
});
after(() => t.close());

/** A case clock of 市场监管局, started on a date and stopped now (on time or late), through the clock's write path. */
async function decidedCase(startDate: string, limitDays: number) {
  const cal = await t.calendars.get();
  const id = `case-${++n}`;
  await audited(t.db, t.clock, systemActor('test'), async (uow) => {
    const c = await startClock(uow, cal, {
      subjectType: 'case',
      subjectId: id,
      label: 'test case',
      departmentId: dept.SCJ!,
      startDate,
      limitDays,
    });
    await stopClock(uow, cal, c.id, 'approved');
    await uow.audit({
      action: 'case.decide_task',
      entityType: 'case',
      entityId: id,
      data: { receiptNo: id, from: 'under_review', to: 'decided' },
    });
  });
  return id;
}

async function rate(level: number) {
  const cal = await t.calendars.get();
  await audited(t.db, t.clock, systemActor('test'), (uow) =>
    recordRating(uow, cal, t.config.ratings, {
      channel: 'phone',
      subject: { type: 'case', id: `rated-${++n}`, ref: `R${n}` },
      departmentId: dept.SCJ!,
      level,
    }),
  );
}

const deps = () => assessmentDeps(t);
const report = async (c: Client = sup) => {
  const r = await c.req('GET', `/api/v1/assessment?period=${PERIOD}`);
  assert.equal(r.statusCode, 200, r.body);
  return r.json() as {
    rows: {
      departmentId: string;
      figures: Record<string, { value: number | null; sample: number }>;
      grade: string | null;
      rank: number | null;
      state: string;
      score: number | null;
    }[];
    scheme: { version: number };
  };
};
const scj = async () => (await report()).rows.find((r) => r.departmentId === dept.SCJ)!;
const commitmentsFigure = async (
  m: 'on_time_rate' | 'avg_working_days' | 'satisfaction' | 'complaint_reply_rate',
) =>
  MEASURE_SOURCES[m](t.db, await t.calendars.get(), {
    departmentId: dept.SCJ!,
    start: '2026-10-01',
    end: '2026-12-31',
  });

test('pure parts: periods, the nearest-rank percentile, ranking with a minimum sample, CRC-32', () => {
  assert.deepEqual(parsePeriod('2026-11'), { code: '2026-11', start: '2026-11-01', end: '2026-11-30' });
  assert.deepEqual(parsePeriod('2024-Q1'), { code: '2024-Q1', start: '2024-01-01', end: '2024-03-31' });
  assert.equal(parsePeriod('2026-13'), null);
  fc.assert(
    fc.property(
      fc.array(fc.integer({ min: 0, max: 40 }), { minLength: 1, maxLength: 60 }),
      fc.double({ min: 0.01, max: 1, noNaN: true }),
      (days, p) => {
        const hist = new Map<number, number>();
        for (const d of days) hist.set(d, (hist.get(d) ?? 0) + 1);
        const sorted = [...days].sort((a, b) => a - b);
        assert.equal(percentileOf(hist, p), sorted[Math.ceil(p * sorted.length) - 1]);
      },
    ),
  );
  const ranks = rank(
    [
      { key: 'a', score: 99, sample: 1 },
      { key: 'b', score: 90, sample: 10 },
      { key: 'c', score: 90, sample: 10 },
      { key: 'd', score: 70, sample: 10 },
    ],
    5,
  );
  assert.deepEqual(
    [...ranks.entries()],
    [
      ['a', null],
      ['b', 1],
      ['c', 1],
      ['d', 3],
    ],
  );
});

test('figures are built from the records, follow new ones incrementally, and agree with the commitments measures', async () => {
  await decidedCase('2026-11-02', 10); // 20 working days ago on a 10-day limit: late
  await decidedCase('2026-11-24', 10); // on time, early
  await rate(5);
  await rate(2);
  assert.ok((await refreshAssessment(deps())) > 0, 'the first refresh builds everything');
  let row = await scj();
  assert.equal(row.figures.on_time_rate!.value, 50);
  assert.equal(row.figures.overdue_cases!.value, 1);
  assert.equal(row.figures.satisfaction!.value, 50);
  // Later records reach the figures through the audit feed (the incremental path).
  await decidedCase('2026-11-25', 10);
  await rate(4);
  assert.equal((await refreshAssessment(deps())) > 0, true);
  assert.equal(await refreshAssessment(deps()), 0, 'nothing new: nothing refreshed');
  row = await scj();
  assert.equal(row.figures.on_time_rate!.value, 66.7);
  assert.equal(row.figures.on_time_rate!.sample, 3);
  assert.equal(row.figures.satisfaction!.value, 66.7);
  // The same department and period through commitments' measure sources: the definitions agree.
  for (const m of ['on_time_rate', 'avg_working_days', 'satisfaction', 'complaint_reply_rate'] as const) {
    const theirs = await commitmentsFigure(m);
    assert.deepEqual(
      { value: row.figures[m]!.value, sample: row.figures[m]!.sample },
      theirs ?? { value: null, sample: 0 },
      m,
    );
  }
  assert.ok(row.figures.p90_working_days!.value! >= row.figures.avg_working_days!.value!);
});

test(
  'inspections: registered starts, a start without registration, a cap refusal and a penalty outside its standard move the figures ' +
    'incrementally, the check agrees, the trace lists the inspection',
  async () => {
    const fig = async (departmentId: string) =>
      (await report()).rows.find((r) => r.departmentId === departmentId)!;
    assert.deepEqual((await scj()).figures.inspections_registered, { value: null, sample: 0 });
    // The demo: a registered visit of 市场监管局 (and 消防's joint one) for today, a bakery visited and concluded.
    await seedDemoInspections(t.appContext);
    assert.ok((await refreshAssessment(deps())) > 0);
    let row = await scj();
    assert.deepEqual(row.figures.inspections_registered, { value: 100, sample: 1 });
    assert.deepEqual(row.figures.penalties_within_standard, { value: null, sample: 0 });

    const [insp, fire] = (await Promise.all(['inspector.scj', 'inspector.xfzd'].map(demo))) as [
      Client,
      Client,
    ];
    const codeOf = async (name: string) =>
      await t.db
        .selectFrom('insp_enterprises')
        .select(['code', 'credit_code'])
        .where('name', '=', name)
        .executeTakeFirstOrThrow();
    const diner = await codeOf('清河市味道餐饮管理有限公司');
    const bakery = await codeOf('清河市麦香烘焙坊有限公司');
    // The registered visit starts at the door; 消防 scanning in at the bakery has no registration.
    const started = await insp.req('POST', '/api/v1/inspections/scan', { code: diner.code });
    assert.equal(started.statusCode, 200, started.body);
    const id = started.json().id as string;
    assert.equal(
      (await fire.req('POST', '/api/v1/inspections/scan', { code: bakery.code })).json().code,
      'inspection_not_registered',
    );
    // A second visit this year is within 市场监管局's cap of 2; a third is refused for it.
    const [item, inspectors, violation] = await Promise.all([
      t.db.selectFrom('insp_items').select('id').where('code', '=', 'SC-SP-01').executeTakeFirstOrThrow(),
      t.db.selectFrom('insp_inspectors').select('id').where('department_id', '=', dept.SCJ!).execute(),
      t.db.selectFrom('insp_violations').select('id').where('code', '=', 'SP-124').executeTakeFirstOrThrow(),
    ]);
    const register = () =>
      insp.req('POST', '/api/v1/inspections', {
        creditCode: diner.credit_code,
        enterpriseName: '清河市味道餐饮管理有限公司',
        itemIds: [item.id],
        inspectorIds: inspectors.map((i) => i.id),
        plannedDate: '2026-12-02',
        maxMinutes: 60,
        notice: false,
      });
    assert.equal((await register()).statusCode, 201);
    const capped = await register();
    assert.equal(capped.statusCode, 422, capped.body);
    // A penalty above its band, with the reason the standard asks for.
    const v = (await insp.req('GET', `/api/v1/inspections/${id}`)).json().version;
    const res = await insp.req('POST', `/api/v1/inspections/${id}/result`, {
      version: v,
      outcome: 'penalty',
      findings: '后厨冷藏柜内发现超过保质期的原料。',
      penalty: {
        violationId: violation.id,
        severity: 'serious',
        warning: false,
        fineFen: 30_000_000,
        reason: '涉及婴幼儿食品，从重',
      },
    });
    assert.equal(res.statusCode, 200, res.body);

    assert.ok((await refreshAssessment(deps())) > 0, 'the audit feed names the inspections and the scan');
    row = await scj();
    // Two registered starts of three attempts (the cap refusal); one penalty, outside its standard.
    assert.deepEqual(row.figures.inspections_registered, { value: 66.7, sample: 3 });
    assert.deepEqual(row.figures.penalties_within_standard, { value: 0, sample: 1 });
    assert.deepEqual((await fig(dept.XFZD!)).figures.inspections_registered, { value: 0, sample: 1 });
    // Per staff: the inspector whose scan started the visits.
    const me = (await insp.req('GET', '/api/v1/auth/me')).json();
    const inspectorId = me.id ?? me.user?.id;
    const staff = await sup.req(
      'GET',
      `/api/v1/assessment/breakdown?period=${PERIOD}&departmentId=${dept.SCJ}&by=staff`,
    );
    assert.equal(staff.statusCode, 200, staff.body);
    const mine = staff.json().rows.find((r: { id: string }) => r.id === inspectorId);
    assert.ok(mine, staff.body);
    assert.deepEqual(mine.figures.inspections_registered, { value: 100, sample: 2 });
    assert.deepEqual(mine.figures.penalties_within_standard, { value: 0, sample: 1 });

    // The incremental figures are what a recompute from the records gives.
    const check = await checkAssessment(t.db, await t.calendars.get());
    assert.equal(check.ok, true, check.differences.join('\n'));

    const trace = async (measure: string) => {
      const r = await sup.req(
        'GET',
        `/api/v1/assessment/trace?period=${PERIOD}&departmentId=${dept.SCJ}&measure=${measure}`,
      );
      assert.equal(r.statusCode, 200, r.body);
      return r.json() as {
        total: number;
        lowered: boolean;
        records: { link: string | null; label: string; source: string }[];
      };
    };
    const number = (await insp.req('GET', `/api/v1/inspections/${id}`)).json().number as string;
    const outside = await trace('penalties_within_standard');
    assert.equal(outside.lowered, true);
    assert.equal(outside.total, 1);
    assert.deepEqual(
      { link: outside.records[0]!.link, label: outside.records[0]!.label },
      { link: `/inspections/${id}`, label: number },
    );
    const attempts = await trace('inspections_registered');
    assert.equal(attempts.total, 3);
    assert.ok(attempts.records.some((r) => r.link === `/inspections/${id}` && r.source === 'inspection'));
    assert.ok(
      attempts.records.some((r) => r.source === 'signal' && r.label === '清河市味道餐饮管理有限公司'),
    );
  },
);

test('a figure traces to the records behind it, with links to their pages; heads only their own', async () => {
  const r = await sup.req(
    'GET',
    `/api/v1/assessment/trace?period=${PERIOD}&departmentId=${dept.SCJ}&measure=on_time_rate`,
  );
  assert.equal(r.statusCode, 200, r.body);
  const trace = r.json();
  assert.equal(trace.total, 1);
  assert.equal(trace.records[0].link, `/cases/case-1`);
  assert.equal(trace.lowered, true);
  const bad = (
    await sup.req(
      'GET',
      `/api/v1/assessment/trace?period=${PERIOD}&departmentId=${dept.SCJ}&measure=satisfaction`,
    )
  ).json();
  assert.equal(bad.total, 1);
  assert.match(bad.records[0].subject, /^rating:/);
  const other = Object.entries(dept).find(([code]) => code !== 'SCJ')![1];
  const me = (await head.req('GET', '/api/v1/auth/me')).json();
  const mine = me.departmentId ?? me.user?.departmentId;
  const foreign = mine === dept.SCJ ? other : dept.SCJ;
  assert.equal(
    (
      await head.req(
        'GET',
        `/api/v1/assessment/trace?period=${PERIOD}&departmentId=${foreign}&measure=on_time_rate`,
      )
    ).statusCode,
    403,
  );
  assert.equal((await clerk.req('GET', `/api/v1/assessment?period=${PERIOD}`)).statusCode, 403);
  assert.equal((await sup.req('GET', '/api/v1/assessment?period=2026-Q5')).statusCode, 400);
});

test('the exact check passes on clean data and names a planted difference, on either database', async () => {
  const cal = await t.calendars.get();
  let r = await checkAssessment(t.db, cal);
  assert.equal(r.ok, true, r.differences.join('\n'));
  // A counter off by one in one aggregate row.
  await t.db
    .updateTable('assessment_aggregates')
    .set((eb) => ({ on_time: eb('on_time', '+', 1) }))
    .where('dim', '=', 'department')
    .where('department_id', '=', dept.SCJ!)
    .where('day', '=', '2026-11-30')
    .execute();
  r = await checkAssessment(t.db, cal);
  assert.equal(r.ok, false);
  assert.ok(
    r.differences.some((d) => d.includes('on_time stored') && d.includes('2026-11-30')),
    r.differences.join('\n'),
  );
  // A record whose contribution went missing is named by its record.
  await t.db
    .deleteFrom('assessment_contributions')
    .where('source', '=', 'case_clock')
    .where('subject', '=', 'case:case-2')
    .execute();
  r = await checkAssessment(t.db, cal);
  assert.ok(
    r.differences.some((d) => d.includes('case:case-2') && d.includes('stored nothing')),
    r.differences.join('\n'),
  );
  // Without a cursor the refresh builds everything afresh, and the check passes again.
  await t.db.updateTable('assessment_cursor').set({ at: null }).execute();
  await refreshAssessment(deps());
  r = await checkAssessment(t.db, cal);
  assert.equal(r.ok, true, r.differences.join('\n'));
});

test('administrators version the grading; a head comments; a supervisor finalises and the result is frozen', async () => {
  const body = {
    period: PERIOD,
    weights: { on_time_rate: 50, satisfaction: 50 },
    thresholds: { excellent: 90, good: 80, pass: 60 },
    minSample: 1,
  };
  assert.equal((await sup.req('POST', '/api/v1/assessment/schemes', body)).statusCode, 403);
  const bad = await admin.req('POST', '/api/v1/assessment/schemes', {
    ...body,
    thresholds: { excellent: 50, good: 80, pass: 60 },
  });
  assert.equal(bad.statusCode, 400);
  assert.equal((await admin.req('POST', '/api/v1/assessment/schemes', body)).json().version, 1);
  assert.equal(
    (
      await admin.req('POST', '/api/v1/assessment/schemes', {
        ...body,
        thresholds: { excellent: 95, good: 66, pass: 50 },
      })
    ).json().version,
    2,
  );
  assert.deepEqual(
    (await sup.req('GET', `/api/v1/assessment/schemes?period=${PERIOD}`))
      .json()
      .map((s: { version: number }) => s.version),
    [2, 1],
  );
  let row = await scj();
  assert.equal(row.score, 66.7); // (66.7 + 66.7) / 2
  assert.equal(row.grade, 'good');
  assert.equal(row.rank, 1);
  const me = (await head.req('GET', '/api/v1/auth/me')).json();
  const own = me.departmentId ?? me.user?.departmentId;
  const c = await head.req('POST', `/api/v1/assessment/results/${own}/comment`, {
    period: PERIOD,
    comment: '超期一件系专家评审所致',
  });
  assert.equal(c.statusCode, 200, c.body);
  assert.equal(
    (await head.req('POST', `/api/v1/assessment/results/${own}/finalise`, { period: PERIOD })).statusCode,
    403,
  );
  const f = await sup.req('POST', `/api/v1/assessment/results/${dept.SCJ}/finalise`, { period: PERIOD });
  assert.equal(f.statusCode, 200, f.body);
  assert.equal(f.json().grade, 'good');
  // Frozen: a new late case moves nothing of the final result.
  await decidedCase('2026-10-01', 5);
  await refreshAssessment(deps());
  row = await scj();
  assert.equal(row.state, 'final');
  assert.equal(row.figures.on_time_rate!.value, 66.7);
  assert.equal(
    (await sup.req('POST', `/api/v1/assessment/results/${dept.SCJ}/finalise`, { period: PERIOD })).statusCode,
    409,
  );
  if (own === dept.SCJ)
    assert.equal(
      (await head.req('POST', `/api/v1/assessment/results/${own}/comment`, { period: PERIOD, comment: 'x' }))
        .statusCode,
      409,
    );
});

test('exports: CSV with a header, an XLSX workbook, and a department report as PDF', async () => {
  const csv = await sup.req('GET', `/api/v1/assessment/export?period=${PERIOD}&format=csv`);
  assert.equal(csv.statusCode, 200, csv.body);
  assert.match(csv.headers['content-type'] as string, /text\/csv/);
  assert.match(csv.body, /^\ufeff部门,排名,得分,等级/);
  assert.match(csv.body, /市场监管|市场监督/);
  const en = await sup.req('GET', `/api/v1/assessment/export?period=${PERIOD}&format=csv&lang=en`);
  assert.match(en.body, /Department,Rank,Score,Grade/);
  const x = await sup.req('GET', `/api/v1/assessment/export?period=${PERIOD}&format=xlsx`);
  assert.equal(x.statusCode, 200);
  const buf = x.rawPayload;
  assert.equal(buf.subarray(0, 4).toString('hex'), '504b0304');
  assert.ok(buf.includes(Buffer.from('xl/worksheets/sheet1.xml')));
  const pdf = await sup.req('GET', `/api/v1/assessment/results/${dept.SCJ}/report.pdf?period=${PERIOD}`);
  assert.equal(pdf.statusCode, 200, pdf.body);
  assert.equal(pdf.rawPayload.subarray(0, 5).toString(), '%PDF-');
  assert.equal(
    (await clerk.req('GET', `/api/v1/assessment/export?period=${PERIOD}&format=csv`)).statusCode,
    403,
  );
});
