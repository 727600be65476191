import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createTestContext, type TestContext } from '../../../test/test-context.js';
import { Client } from '../../../test/http.js';
import { seedDemo, DEMO_PASSWORD } from '../../seed/seed-demo.js';
import { systemActor } from '../../shared/actor.js';
import { audited } from '../audit/audited-transaction.js';
import { startClock } from '../clock/start-clock.js';
import { stopClock } from '../clock/stop-clock.js';
import { conductDeps } from './commitment-deps.js';
import { assessDueCommitments } from './assess-commitments.js';
import { periodBounds, meetsTarget } from './measures.js';
import type { CommitmentViewT } from './schemas.js';
import { MEASURE_SOURCES } from './measure-sources.js';
import { newId } from '../../shared/ids.js';

let t: TestContext;
let head: Client, reviewer: Client, sup: Client, wjw: Client;
const dept: Record<string, string> = {};
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
const demo = (u: string) => new Client(t.app).login(u, DEMO_PASSWORD);

before(async () => {
  t = await createTestContext({ start: '2026-11-30T01:30:00.000Z' }); // Monday 09:30 in 清河
  await seedDemo(t.db, t.clock);
  [head, reviewer, sup, wjw] = (await Promise.all(
    ['head', 'reviewer', 'supervisor', 'reviewer.wjw'].map(demo),
  )) as [Client, Client, Client, Client];
  for (const d of await t.db.selectFrom('departments').select(['id', 'code']).execute()) dept[d.code] = d.id;
});
after(() => t.close());

/** A case clock of the department, started on a date and stopped now (on time or late). */
async function decidedCase(startDate: string, limitDays: number) {
  const cal = await t.calendars.get();
  await audited(t.db, t.clock, systemActor('test'), async (uow) => {
    const c = await startClock(uow, cal, {
      subjectType: 'case',
      subjectId: `case-${startDate}-${limitDays}`,
      label: 'test case',
      departmentId: dept.SCJ!,
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

const publish = async (c: Client, body: Record<string, unknown>, status = 201) => {
  const r = await c.req('POST', '/api/v1/commitments', {
    departmentId: dept.SCJ,
    period: '2026-Q4',
    ...body,
  });
  assert.equal(r.statusCode, status, r.body);
  return r.json() as CommitmentViewT;
};

test('periods and directions: a quarter ends on its last day, lower is better for working days', () => {
  assert.deepEqual(periodBounds('2026-Q4'), { start: '2026-10-01', end: '2026-12-31' });
  assert.deepEqual(periodBounds('2024-Q1'), { start: '2024-01-01', end: '2024-03-31' });
  assert.deepEqual(periodBounds('2026'), { start: '2026-01-01', end: '2026-12-31' });
  assert.equal(periodBounds('2026-Q5'), null);
  assert.equal(meetsTarget('avg_working_days', 4, 5), true);
  assert.equal(meetsTarget('on_time_rate', 89.9, 90), false);
});

test('a commitment is published with live progress and marked kept or not kept at its period end', async () => {
  // Only the department's head publishes, and a measurable commitment names its measure and target.
  await publish(
    reviewer,
    { kind: 'measurable', measure: 'on_time_rate', target: 90, title: '按时办结率' },
    403,
  );
  await publish(wjw, { kind: 'measurable', measure: 'on_time_rate', target: 90, title: 'x' }, 403);
  const bad = await head.req(
    'POST',
    '/api/v1/commitments',
    { departmentId: dept.SCJ, period: '2026-Q4', kind: 'measurable', title: '缺指标' },
    { 'accept-language': 'en' },
  );
  assert.equal(bad.statusCode, 400);
  assert.ok(bad.json().errors.some((e: { path: string }) => e.path === '/body/measure'));
  const past = await head.req('POST', '/api/v1/commitments', {
    departmentId: dept.SCJ,
    period: '2026-Q2',
    kind: 'measurable',
    measure: 'on_time_rate',
    target: 90,
    title: '过期',
  });
  assert.equal(past.statusCode, 400);

  const onTime = await publish(head, {
    kind: 'measurable',
    measure: 'on_time_rate',
    target: 90,
    title: '本季度按时办结率不低于 90%',
  });
  const satisfaction = await publish(head, {
    kind: 'measurable',
    measure: 'satisfaction',
    target: 95,
    title: '满意率不低于 95%',
  });
  const stated = await publish(head, {
    kind: 'stated',
    title: '20 个事项实现全程网办',
    milestones: [
      { title: '梳理事项清单', dueDate: '2026-11-15' },
      { title: '上线全程网办', dueDate: '2026-12-20' },
    ],
  });
  assert.equal(onTime.progress.noData, true, 'no case decided yet: no figure, said so');

  await decidedCase('2026-11-27', 5); // on time
  await decidedCase('2026-10-08', 3); // overdue since October
  const page = await new Client(t.app).req(
    'GET',
    `/api/v1/public/departments/SCJ/commitments?period=2026-Q4`,
  );
  assert.equal(page.statusCode, 200, page.body);
  const items = page.json().items as CommitmentViewT[];
  const live = items.find((i) => i.id === onTime.id)!;
  assert.equal(live.progress.value, 50);
  assert.equal(live.progress.sample, 2);
  assert.equal(live.progress.onTrack, false);
  const sat = items.find((i) => i.id === satisfaction.id)!;
  assert.equal(sat.progress.noData, true, 'nobody has rated the department in the period yet');

  // Milestones and evidence for the stated commitment.
  const done = await reviewer.req('POST', `/api/v1/commitments/${stated.id}/milestones/1/done`, {
    note: '已梳理 23 项',
  });
  assert.equal(done.statusCode, 200, done.body);
  const boundary = '----ow' + Math.random().toString(16).slice(2);
  const up = await t.app.inject({
    method: 'POST',
    url: `/api/v1/commitments/${stated.id}/evidence?milestoneSeq=1`,
    payload: Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="清单.pdf"\r\nContent-Type: application/pdf\r\n\r\n`,
      ),
      PDF,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]),
    headers: {
      'content-type': `multipart/form-data; boundary=${boundary}`,
      cookie: head.cookie,
      'x-csrf-token': head.csrf,
    },
  });
  assert.equal(up.statusCode, 200, up.body);
  const withEvidence = up.json() as CommitmentViewT;
  assert.equal(withEvidence.evidence.length, 1);
  assert.equal(withEvidence.progress.milestonesDone, 1);
  const file = await new Client(t.app).req(
    'GET',
    `/api/v1/commitments/${stated.id}/evidence/${withEvidence.evidence[0]!.id}`,
  );
  assert.equal(file.statusCode, 200);

  // Before the period ends nothing is assessed and nothing can be judged.
  const deps = conductDeps(t);
  assert.equal(await assessDueCommitments(deps), 0);
  const early = await sup.req('POST', `/api/v1/commitments/${stated.id}/judgement`, {
    version: withEvidence.version,
    kept: true,
    note: '提前',
  });
  assert.equal(early.statusCode, 409);

  t.clock.set('2027-01-04T02:00:00.000Z');
  const [first, second] = await Promise.all([assessDueCommitments(deps), assessDueCommitments(deps)]);
  assert.equal(first + second, 3, 'each assessed exactly once, however many passes run');
  assert.equal(await assessDueCommitments(deps), 0);
  await Promise.all([sup.relogin(), head.relogin(), reviewer.relogin()]);

  const after1 = (await (await sup.req('GET', '/api/v1/commitments?period=2026-Q4')).json())
    .items as CommitmentViewT[];
  const byId = new Map(after1.map((c) => [c.id, c]));
  assert.equal(byId.get(onTime.id)!.state, 'not_kept');
  assert.equal(byId.get(onTime.id)!.outcomeValue, 50);
  assert.equal(byId.get(onTime.id)!.explanationDue, true);
  assert.equal(byId.get(satisfaction.id)!.state, 'awaiting_judgement');
  assert.equal(byId.get(stated.id)!.state, 'awaiting_judgement');
  const signals = await t.db
    .selectFrom('supervision_signals')
    .select(['kind', 'subject_id'])
    .where('kind', '=', 'commitment_not_kept')
    .execute();
  assert.deepEqual(
    signals.map((s) => s.subject_id),
    [onTime.id],
  );

  // Supervisors judge the stated one; the head explains the one not kept, in public.
  const judged = await sup.req('POST', `/api/v1/commitments/${stated.id}/judgement`, {
    version: byId.get(stated.id)!.version,
    kept: true,
    note: '23 项已上线全程网办，抽查属实',
  });
  assert.equal(judged.statusCode, 200, judged.body);
  assert.equal((judged.json() as CommitmentViewT).state, 'kept');
  const notHead = await reviewer.req('POST', `/api/v1/commitments/${onTime.id}/explanation`, {
    version: byId.get(onTime.id)!.version,
    explanation: 'x',
  });
  assert.equal(notHead.statusCode, 403);
  const explained = await head.req('POST', `/api/v1/commitments/${onTime.id}/explanation`, {
    version: byId.get(onTime.id)!.version,
    explanation: '10 月 1 件食品经营许可因专家评审排期延误超期，已调整评审排期制度。',
  });
  assert.equal(explained.statusCode, 200, explained.body);
  assert.equal((explained.json() as CommitmentViewT).explanationDue, false);
  const audit = await t.db
    .selectFrom('audit_events')
    .select('action')
    .where('entity_id', '=', onTime.id)
    .execute();
  assert.deepEqual(audit.map((a) => a.action).sort(), [
    'commitment.assessed',
    'commitment.explained',
    'commitment.published',
  ]);
});

test("satisfaction and visits per case are read from the ratings and the hall's visits", async () => {
  const q = { departmentId: dept.ZJJ!, start: '2026-10-01', end: '2026-12-31' };
  const cal = await t.calendars.get();
  assert.equal(await MEASURE_SOURCES.satisfaction(t.db, cal, q), null, 'nobody rated: no figure');
  assert.equal(await MEASURE_SOURCES.visits_per_case(t.db, cal, q), null, 'nobody came: no figure');

  const at = '2026-11-20T02:00:00.000Z';
  const rating = (level: number, state = 'counted', ratedAt = at) => ({
    id: newId(),
    channel: 'phone',
    subject_type: 'case',
    subject_id: newId(),
    subject_ref: 'QH-test',
    department_id: dept.ZJJ!,
    item_id: null,
    window: null,
    staff_id: null,
    level,
    indicators: '[]',
    comment: null,
    real_name: 0,
    rater_user_id: null,
    rater_name: null,
    rater_phone: null,
    recorded_by: null,
    state,
    exclusion_reason: state === 'excluded' ? '恶意差评' : null,
    rated_at: ratedAt,
    version: 1,
  });
  await t.db
    .insertInto('rating_ratings')
    .values([
      rating(5),
      rating(4),
      rating(3),
      rating(2),
      rating(1, 'excluded'), // excluded on appeal: not counted
      rating(1, 'counted', '2026-09-30T02:00:00.000Z'), // before the period
    ])
    .execute();
  assert.deepEqual(await MEASURE_SOURCES.satisfaction(t.db, cal, q), { value: 75, sample: 4 });

  // Two cases the department leads: one came once, the other three times (one visit outside the period).
  const caseOf = async () => {
    const id = newId();
    await t.db
      .insertInto('cases')
      .values({
        id,
        receipt_no: `QH${id.slice(-10)}`,
        check_code: 'x',
        bundle_id: null,
        title: '建筑工程施工许可',
        lead_department_id: dept.ZJJ!,
        applicant_user_id: null,
        applicant_kind: 'person',
        applicant_name: '张三',
        applicant_id_number: '11010519491231002X',
        applicant_phone: null,
        applicant_email: null,
        channel: 'window',
        state: 'under_review',
        shortfall: 0,
        form: '{}',
        committed_days: 5,
        handling_class: 'promise',
        window: null,
        created_by: null,
        created_at: at,
        submitted_at: null,
        received_at: null,
        accepted_at: null,
        acceptance_date: null,
        decided_at: null,
        decision: null,
        completed_at: null,
        case_clock_id: null,
        acceptance_clock_id: null,
        delivery_clock_id: null,
        tracking: null,
        last_hash: null,
        event_count: 0,
        updated_at: at,
        version: 1,
      })
      .execute();
    return id;
  };
  const [once, thrice] = [await caseOf(), await caseOf()];
  const visit = (caseId: string, visitedAt = at) => ({
    ticket_id: newId(),
    case_id: caseId,
    group_id: 'g',
    window_id: null,
    visited_at: visitedAt,
  });
  await t.db
    .insertInto('hall_visits')
    .values([visit(once), visit(thrice), visit(thrice), visit(thrice, '2027-01-05T02:00:00.000Z')])
    .execute();
  assert.deepEqual(await MEASURE_SOURCES.visits_per_case(t.db, cal, q), { value: 1.5, sample: 2 });
});
