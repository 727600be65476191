import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createTestContext, type TestContext } from '../../../test/test-context.js';
import { Client } from '../../../test/http.js';
import { seedDemo, DEMO_PASSWORD } from '../../seed/seed-demo.js';
import type { CampaignViewT } from './schemas.js';

let t: TestContext;
let head: Client, reviewer: Client, sup: Client, wjw: Client, clerk: Client;
const dept: Record<string, string> = {};
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
const demo = (u: string) => new Client(t.app).login(u, DEMO_PASSWORD);

before(async () => {
  t = await createTestContext({ start: '2026-11-30T01:30:00.000Z' }); // Monday 09:30 in 清河
  await seedDemo(t.db, t.clock);
  [head, reviewer, sup, wjw, clerk] = (await Promise.all(
    ['head', 'reviewer', 'supervisor', 'reviewer.wjw', 'clerk'].map(demo),
  )) as [Client, Client, Client, Client, Client];
  for (const d of await t.db.selectFrom('departments').select(['id', 'code']).execute()) dept[d.code] = d.id;
});
after(() => t.close());

const ok = async (c: Client, method: 'POST' | 'GET', url: string, body?: unknown, status = 200) => {
  const r = await c.req(method, `/api/v1${url}`, body);
  assert.equal(r.statusCode, status, r.body);
  return r.json() as CampaignViewT;
};

function rectify(c: Client, problemId: string, version: number, note: string) {
  const boundary = '----ow' + Math.random().toString(16).slice(2);
  return t.app.inject({
    method: 'POST',
    url: `/api/v1/self-inspection/problems/${problemId}/rectification?version=${version}`,
    payload: Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="note"\r\n\r\n${note}\r\n`),
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="整改.pdf"\r\nContent-Type: application/pdf\r\n\r\n`,
      ),
      PDF,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]),
    headers: {
      'content-type': `multipart/form-data; boundary=${boundary}`,
      cookie: c.cookie,
      'x-csrf-token': c.csrf,
    },
  });
}

test('a campaign runs from opening to its published summary; what supervisors found is counted apart', async () => {
  const body = {
    topic: 'arbitrary_charges',
    title: '2026 年乱收费专项自查',
    checklist: ['是否收取目录外费用？', '是否对申请表格收费？'],
    departmentIds: [dept.SCJ, dept.WJW],
    deadline: '2026-12-04',
  };
  await ok(head, 'POST', '/self-inspection/campaigns', body, 403);
  const tooSoon = await sup.req('POST', '/api/v1/self-inspection/campaigns', {
    ...body,
    deadline: '2026-11-30',
  });
  assert.equal(tooSoon.statusCode, 400);
  const opened = await ok(sup, 'POST', '/self-inspection/campaigns', body, 201);
  assert.equal(opened.reports.length, 2);
  assert.ok(opened.reports.every((r) => r.state === 'pending' && r.dueDate === '2026-12-04'));

  // A department sees only its own report, and files it.
  const mine = await ok(reviewer, 'GET', `/self-inspection/campaigns/${opened.id}`);
  assert.equal(mine.reports.length, 1);
  const scj = mine.reports[0]!;
  assert.equal(scj.departmentId, dept.SCJ);
  const wrongCount = await reviewer.req('POST', `/api/v1/self-inspection/reports/${scj.id}/filing`, {
    version: scj.version,
    answers: [{ answer: 'compliant' }],
    problems: [],
  });
  assert.equal(wrongCount.statusCode, 400);
  const other = opened.reports.find((r) => r.departmentId === dept.WJW)!;
  const notTheirs = await reviewer.req('POST', `/api/v1/self-inspection/reports/${other.id}/filing`, {
    version: other.version,
    answers: [{ answer: 'compliant' }, { answer: 'compliant' }],
    problems: [],
  });
  assert.equal(notTheirs.statusCode, 403);
  const filed = await ok(reviewer, 'POST', `/self-inspection/reports/${scj.id}/filing`, {
    version: scj.version,
    answers: [{ answer: 'problem_found', note: '发现一项' }, { answer: 'compliant' }],
    problems: [{ description: '复印材料收取工本费', measure: '停止收取并清退', rectifyBy: '2026-12-10' }],
  });
  assert.equal(filed.reports[0]!.state, 'filed');
  assert.equal(filed.reports[0]!.problems[0]!.foundBy, 'department');

  // Supervisors send it back once, spot-check it, and add a problem the department did not find.
  let all = await ok(sup, 'GET', `/self-inspection/campaigns/${opened.id}`);
  let report = all.reports.find((r) => r.departmentId === dept.SCJ)!;
  const noReason = await sup.req('POST', `/api/v1/self-inspection/reports/${report.id}/review`, {
    version: report.version,
    decision: 'reject',
  });
  assert.equal(noReason.statusCode, 400);
  all = await ok(sup, 'POST', `/self-inspection/reports/${report.id}/review`, {
    version: report.version,
    decision: 'reject',
    reason: '未说明清退金额',
  });
  report = all.reports.find((r) => r.departmentId === dept.SCJ)!;
  assert.equal(report.state, 'rejected');
  const refiled = await ok(head, 'POST', `/self-inspection/reports/${report.id}/filing`, {
    version: report.version,
    answers: [{ answer: 'problem_found', note: '清退 12 户共 360 元' }, { answer: 'compliant' }],
    problems: [],
  });
  assert.equal(refiled.reports[0]!.rejectionReason, '未说明清退金额');
  all = await ok(sup, 'POST', `/self-inspection/campaigns/${opened.id}/spot-checks`, { sharePct: 50 });
  report = all.reports.find((r) => r.departmentId === dept.SCJ)!;
  assert.equal(report.spotChecked, true, 'the only filed report is the one drawn');
  all = await ok(sup, 'POST', `/self-inspection/reports/${report.id}/problems`, {
    description: '窗口仍张贴已取消的收费标准',
    measure: '撤下旧标准并更新公示',
    rectifyBy: '2026-12-03',
  });
  report = all.reports.find((r) => r.departmentId === dept.SCJ)!;
  all = await ok(sup, 'POST', `/self-inspection/reports/${report.id}/review`, {
    version: report.version,
    decision: 'accept',
  });
  assert.equal(all.tally.foundByDepartments, 1);
  assert.equal(all.tally.foundBySupervisors, 1);

  // The department rectifies one; the supervisors' one and WJW's report run past their deadlines.
  const mineNow = await ok(reviewer, 'GET', `/self-inspection/campaigns/${opened.id}`);
  const own = mineNow.reports[0]!.problems.find((p) => p.foundBy === 'department')!;
  const fixed = await rectify(reviewer, own.id, own.version, '已停止收取并清退');
  assert.equal(fixed.statusCode, 200, fixed.body);
  const early = await sup.req('POST', `/api/v1/self-inspection/campaigns/${opened.id}/summary`, {
    version: all.version,
    summary: '过早',
  });
  assert.equal(early.statusCode, 409, 'WJW has not filed and the deadline has not passed');

  t.clock.set('2026-12-07T02:00:00.000Z'); // Monday after the deadline (Friday 4 December)
  await t.supervision.drain();
  const signals = await t.db
    .selectFrom('supervision_signals')
    .select(['kind', 'department_id'])
    .where('kind', 'in', ['selfinspection_report_overdue', 'selfinspection_rectification_overdue'])
    .execute();
  assert.deepEqual(signals.map((s) => `${s.kind}:${s.department_id === dept.WJW ? 'WJW' : 'SCJ'}`).sort(), [
    'selfinspection_rectification_overdue:SCJ',
    'selfinspection_report_overdue:WJW',
  ]);
  await Promise.all([sup.relogin(), clerk.relogin()]);
  const before = await ok(sup, 'GET', `/self-inspection/campaigns/${opened.id}`);
  assert.equal(before.tally.overdue, 2);
  const published = await ok(sup, 'POST', `/self-inspection/campaigns/${opened.id}/summary`, {
    version: before.version,
    summary: '本次专项自查发现问题 2 个，其中监察抽查发现 1 个；卫生健康委逾期未报送，已督办。',
  });
  assert.equal(published.state, 'published');
  const pub = await new Client(t.app).req('GET', '/api/v1/public/self-inspection');
  const item = (pub.json().items as CampaignViewT[]).find((c) => c.id === opened.id)!;
  assert.equal(item.tally.foundBySupervisors, 1);
  assert.equal(item.tally.rectified, 1);
  assert.equal(item.tally.filed, 1);
  assert.equal('reports' in item, false, 'the public sees figures, not reports');
  // A department concerned sees its own report; one not concerned does not see the campaign.
  const wjwView = await ok(await wjw.relogin(), 'GET', `/self-inspection/campaigns/${opened.id}`);
  assert.deepEqual(
    wjwView.reports.map((r) => r.departmentId),
    [dept.WJW],
  );
  const xfzd = await demo('reviewer.xfzd');
  assert.equal((await xfzd.req('GET', `/api/v1/self-inspection/campaigns/${opened.id}`)).statusCode, 404);
});
