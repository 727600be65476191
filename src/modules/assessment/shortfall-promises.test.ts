import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Kysely } from 'kysely';
import fc from 'fast-check';
import { createTestContext, type TestContext } from '../../../test/test-context.js';
import { Client, staff } from '../../../test/http.js';
import { acceptedWithShortfall, deferrableItem } from '../../../test/shortfall.js';
import { seedDemo, DEMO_PASSWORD } from '../../seed/seed-demo.js';
import * as m0027 from '../../db/migrations/0027-shortfall-promises.js';
import { localDate } from '../clock/local-time.js';
import { assessmentDeps } from './assessment-deps.js';
import { refreshAssessment } from './refresh-assessment.js';
import { checkAssessment } from './check-assessment.js';
import { promiseVerdict, type ShortfallPromise } from './contributions.js';

/**
 * 容缺 promises kept: a promise is judged when its last deferred material arrives (kept by the
 * deadline's day, else broken) or when the case ends with one outstanding (broken, by a refusal the
 * lapsed promise allows, or a withdrawal). The measure, its trace and the exact check, end to end.
 */
let t: TestContext;
let clerk: Client, sup: Client, reviewer: Client;
type Case = { id: string; version: number; tasks: { id: string; department: { code: string } }[] };
const DAY = 24 * 3600 * 1000;
const PERIOD = '2026-Q4';
let item: Awaited<ReturnType<typeof deferrableItem>>;
let leadDept = '';
let reviewerName = '';

before(async () => {
  t = await createTestContext({ start: '2026-11-30T01:30:00.000Z' }); // Monday 09:30 in 清河
  await seedDemo(t.db, t.clock);
  [clerk, sup] = (await Promise.all(
    ['clerk', 'supervisor'].map((u) => new Client(t.app).login(u, DEMO_PASSWORD)),
  )) as [Client, Client];
  item = await deferrableItem(t);
});
after(() => t.close());

const act = (c: Client, id: string, path: string, body: Record<string, unknown>) =>
  c.req('POST', `/api/v1/cases/${id}/${path}`, body);

/** A case accepted today with its deferrable materials promised by the deadline. */
async function promised(deadline: string): Promise<Case> {
  const c = await acceptedWithShortfall<Case>(clerk, item, deadline);
  if (!reviewer) {
    const code = c.tasks[0]!.department.code;
    reviewerName = `rev.promise.${code.toLowerCase()}`;
    reviewer = await staff(t, reviewerName, 'reviewer', code);
    leadDept = (
      await t.db
        .selectFrom('cases')
        .select('lead_department_id')
        .where('id', '=', c.id)
        .executeTakeFirstOrThrow()
    ).lead_department_id;
  }
  return c;
}
const supply = (c: Case) =>
  act(clerk, c.id, 'deferred-materials', {
    version: c.version,
    materials: item.deferrable.map((m) => ({ name: m.name, paper: true })),
  });
/** Time passes; sessions end with the day, so everyone signs in again. */
async function advance(ms: number) {
  t.clock.advance(ms);
  [clerk, sup] = (await Promise.all(
    ['clerk', 'supervisor'].map((u) => new Client(t.app).login(u, DEMO_PASSWORD)),
  )) as [Client, Client];
  reviewer = await new Client(t.app).login(reviewerName);
}
const current = async (id: string) => (await clerk.req('GET', `/api/v1/cases/${id}`)).json() as Case;

/** The department's summed promise counters, straight from the aggregates. */
async function counters() {
  const rows = await t.db
    .selectFrom('assessment_aggregates')
    .select(['shortfall_promises', 'shortfall_kept', 'shortfall_broken'])
    .where('dim', '=', 'department')
    .where('dim_id', '=', leadDept)
    .execute();
  const sum = (k: 'shortfall_promises' | 'shortfall_kept' | 'shortfall_broken') =>
    rows.reduce((s, r) => s + Number(r[k]), 0);
  return {
    promises: sum('shortfall_promises'),
    kept: sum('shortfall_kept'),
    broken: sum('shortfall_broken'),
  };
}

test('the verdict on a promise: when the last material arrives, or when the case ends without it', () => {
  const p = (x: Partial<ShortfallPromise>): ShortfallPromise => ({
    deadline: '2026-12-02',
    promised: 2,
    supplied: 0,
    lastSuppliedAt: null,
    endedAt: null,
    ...x,
  });
  assert.equal(promiseVerdict(p({})), null, 'outstanding and the case open: not judged yet');
  assert.equal(promiseVerdict(p({ supplied: 1, lastSuppliedAt: '2026-12-01T02:00:00.000Z' })), null);
  // 2026-12-02 23:30 in 清河 is still the deadline's day, though UTC has it on the 2nd at 15:30.
  assert.deepEqual(promiseVerdict(p({ supplied: 2, lastSuppliedAt: '2026-12-02T15:30:00.000Z' })), {
    at: '2026-12-02T15:30:00.000Z',
    kept: true,
  });
  assert.equal(promiseVerdict(p({ supplied: 2, lastSuppliedAt: '2026-12-02T16:30:00.000Z' }))!.kept, false);
  assert.deepEqual(promiseVerdict(p({ supplied: 1, endedAt: '2026-12-05T02:00:00.000Z' })), {
    at: '2026-12-05T02:00:00.000Z',
    kept: false,
  });
  fc.assert(
    fc.property(
      fc.integer({ min: 1, max: 5 }),
      fc.integer({ min: 0, max: 5 }),
      fc.integer({ min: 0, max: 10 * DAY }),
      fc.option(fc.integer({ min: 0, max: 10 * DAY })),
      (promisedN, suppliedN, lastOffset, endOffset) => {
        const start = Date.parse('2026-11-30T01:30:00.000Z');
        const supplied = Math.min(suppliedN, promisedN);
        const last = supplied ? new Date(start + lastOffset).toISOString() : null;
        const ended = endOffset === null ? null : new Date(start + endOffset).toISOString();
        const v = promiseVerdict(p({ promised: promisedN, supplied, lastSuppliedAt: last, endedAt: ended }));
        if (supplied === promisedN) {
          assert.ok(v, 'all arrived: judged');
          assert.equal(v.kept, localDate(new Date(last!)) <= '2026-12-02');
        } else if (ended) assert.deepEqual(v, { at: ended, kept: false });
        else assert.equal(v, null);
      },
    ),
  );
});

test('promises kept and broken are counted, traced to the broken ones, and agree with the exact check', async () => {
  const deps = assessmentDeps(t);
  await refreshAssessment(deps);
  const deadline = '2026-12-02'; // Wednesday: two working days after Monday's acceptance
  const kept = await promised(deadline);
  const late = await promised(deadline);
  const refused = await promised(deadline);
  const withdrawn = await promised(deadline);
  const open = await promised('2026-12-04');
  const before = await counters();

  // Before the deadline the promise stands: no decision at all, not even a refusal.
  const early = await act(reviewer, refused.id, 'decisions', {
    version: refused.version,
    taskId: refused.tasks[0]!.id,
    decision: 'refuse',
    reasons: ['申请人未按承诺补齐材料'],
  });
  assert.equal(early.statusCode, 409, early.body);
  assert.match(early.json().detail, /容缺材料未补齐/);

  await advance(DAY); // Tuesday: one promise kept
  assert.equal((await supply(kept)).statusCode, 200);
  const w = await act(clerk, withdrawn.id, 'withdraw', {
    version: withdrawn.version,
    reason: '申请人撤回申请',
  });
  assert.equal(w.statusCode, 200, w.body);

  await advance(2 * DAY); // Thursday: the deadline has passed
  assert.equal((await supply(late)).statusCode, 200, 'a late supply is still taken');
  const r1 = await current(refused.id);
  const approve = await act(reviewer, refused.id, 'decisions', {
    version: r1.version,
    taskId: r1.tasks[0]!.id,
    decision: 'approve',
  });
  assert.equal(approve.statusCode, 409, 'a broken promise cannot be approved');
  assert.match(approve.json().detail, /容缺材料逾期未补齐/);
  for (const task of r1.tasks) {
    const v = (await current(refused.id)).version;
    const r = await act(reviewer, refused.id, 'decisions', {
      version: v,
      taskId: task.id,
      decision: 'refuse',
      reasons: ['申请人未在承诺期限内补齐容缺材料'],
    });
    assert.equal(r.statusCode, 200, r.body);
  }

  // The materials keep the deadline and the time each arrived.
  const mats = await t.db
    .selectFrom('case_materials')
    .select(['case_id', 'promised_until', 'supplied_at'])
    .where('case_id', 'in', [kept.id, late.id])
    .where('promised_until', 'is not', null)
    .execute();
  assert.equal(mats.length, 2 * item.deferrable.length);
  for (const m of mats) {
    assert.equal(m.promised_until, deadline);
    assert.equal(localDate(new Date(m.supplied_at!)), m.case_id === kept.id ? '2026-12-01' : '2026-12-03');
  }

  await refreshAssessment(deps);
  const after = await counters();
  assert.deepEqual(
    {
      promises: after.promises - before.promises,
      kept: after.kept - before.kept,
      broken: after.broken - before.broken,
    },
    { promises: 4, kept: 1, broken: 3 },
    'four judged (the open one is not), one kept',
  );

  const report = await sup.req('GET', `/api/v1/assessment?period=${PERIOD}`);
  assert.equal(report.statusCode, 200, report.body);
  const row = (
    report.json().rows as {
      departmentId: string;
      figures: Record<string, { value: number; sample: number }>;
    }[]
  ).find((x) => x.departmentId === leadDept)!;
  assert.equal(row.figures.shortfall_kept_rate!.sample, after.promises);
  assert.equal(row.figures.shortfall_kept_rate!.value, Math.round((after.kept / after.promises) * 1000) / 10);

  const trace = await sup.req(
    'GET',
    `/api/v1/assessment/trace?period=${PERIOD}&departmentId=${leadDept}&measure=shortfall_kept_rate`,
  );
  assert.equal(trace.statusCode, 200, trace.body);
  const behind = new Set((trace.json().records as { subject: string }[]).map((r) => r.subject));
  assert.equal(trace.json().lowered, true);
  for (const c of [late, refused, withdrawn])
    assert.ok(behind.has(`case:${c.id}`), `${c.id} lowered the figure`);
  for (const c of [kept, open]) assert.ok(!behind.has(`case:${c.id}`), `${c.id} did not`);

  const check = await checkAssessment(t.db, await t.calendars.get());
  assert.equal(check.ok, true, check.differences.join('\n'));
});

test('the migration gives materials promised before it their deadline and supply time from the event chain', async () => {
  const snapshot = () =>
    t.db
      .selectFrom('case_materials')
      .select(['id', 'promised_until', 'supplied_at'])
      .where('promised_until', 'is not', null)
      .orderBy('id')
      .execute();
  const was = await snapshot();
  assert.ok(was.length >= 5 * item.deferrable.length, 'the promises of the test above');
  const db = t.db as unknown as Kysely<unknown>;
  await m0027.down(db);
  await m0027.up(db);
  assert.deepEqual(await snapshot(), was);
  // The cursor was cleared: the next refresh rebuilds, and the check agrees.
  await refreshAssessment(assessmentDeps(t));
  const check = await checkAssessment(t.db, await t.calendars.get());
  assert.equal(check.ok, true, check.differences.join('\n'));
});
