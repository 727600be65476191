import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { createTestContext, type TestContext } from '../../../test/test-context.js';
import { Client } from '../../../test/http.js';
import { seedDemo, DEMO_PASSWORD } from '../../seed/seed-demo.js';
import { isComplete, score } from './volumes.js';
import type { MaterialViewT } from './schemas.js';

let t: TestContext;
let admin: Client, clerk: Client, head: Client, sup: Client, wjw: Client;
const dept: Record<string, string> = {};
const demo = (u: string) => new Client(t.app).login(u, DEMO_PASSWORD);

before(async () => {
  t = await createTestContext({ start: '2026-11-30T01:30:00.000Z' });
  await seedDemo(t.db, t.clock);
  [admin, clerk, head, sup, wjw] = (await Promise.all(
    ['admin', 'clerk', 'head', 'supervisor', 'reviewer.wjw'].map(demo),
  )) as [Client, Client, Client, Client, Client];
  for (const d of await t.db.selectFrom('departments').select(['id', 'code']).execute()) dept[d.code] = d.id;
});
after(() => t.close());

const ok = async (c: Client, method: 'GET' | 'POST', url: string, body?: unknown, status = 200) => {
  const r = await c.req(method, `/api/v1${url}`, body);
  assert.equal(r.statusCode, status, r.body);
  return r.json();
};

test('a score reaches the pass mark only when it is at least the mark; completion needs every section', () => {
  fc.assert(
    fc.property(
      fc.integer({ min: 1, max: 50 }),
      fc.integer({ min: 0, max: 50 }),
      fc.integer({ min: 1, max: 100 }),
      (total, c, pass) => {
        const correct = Math.min(c, total);
        const r = score(correct, total, pass);
        assert.equal(r.passed, (correct * 100) / total >= pass || r.scorePct >= pass);
        assert.ok(r.scorePct >= 0 && r.scorePct <= 100);
      },
    ),
  );
  assert.equal(isComplete(3, [1, 2, 3], true, false), false);
  assert.equal(isComplete(3, [1, 2, 3, 3], true, true), true);
  assert.equal(isComplete(3, [1, 2, 4], false, false), false);
  assert.equal(isComplete(2, [2, 1], false, false), true);
});

test('a staff member completes an assignment and its quiz; attempts are limited; progress is counted', async () => {
  await ok(
    clerk,
    'POST',
    '/learning/materials',
    { volume: 'overall_quality', topic: 'x', title: 'x', sections: [{ title: 'a', body: 'b' }] },
    403,
  );
  const m = (await ok(
    admin,
    'POST',
    '/learning/materials',
    {
      volume: 'government_functions',
      topic: '服务规范',
      title: '首问负责制',
      ruleCode: 'first_inquiry',
      sections: [
        { title: '什么是首问负责', body: '首位接待的工作人员负责答复或引导，并登记。' },
        { title: '转交与登记', body: '不属本人职责的，引导到承办人并记录交接。' },
      ],
      quizSize: 2,
      passPct: 100,
      maxAttempts: 2,
    },
    201,
  )) as MaterialViewT;
  const bank = [
    { prompt: '首问责任人是谁？', options: ['首位被询问的工作人员', '部门负责人'], answer: 0 },
    { prompt: '不属本人职责时应当？', options: ['告知去别处', '引导到承办人并登记'], answer: 1 },
  ];
  for (const q of bank) await ok(admin, 'POST', `/learning/materials/${m.id}/questions`, q);
  const wrongAnswer = await admin.req('POST', `/api/v1/learning/materials/${m.id}/questions`, {
    prompt: 'x',
    options: ['a', 'b'],
    answer: 3,
  });
  assert.equal(wrongAnswer.statusCode, 400);
  await ok(
    admin,
    'POST',
    '/learning/assignments',
    { materialId: m.id, role: 'clerk', departmentId: dept.SCJ, dueDate: '2026-12-31' },
    201,
  );

  let mine = await ok(clerk, 'GET', '/learning/my-assignments');
  assert.equal(mine.items.length, 1);
  assert.equal(mine.items[0].complete, false);
  assert.equal(
    (await ok(wjw, 'GET', '/learning/my-assignments')).items.length,
    0,
    'not assigned to WJW reviewers',
  );

  const studied = (await ok(clerk, 'POST', `/learning/materials/${m.id}/study`, {
    seconds: 600,
    sections: [1, 2],
  })) as MaterialViewT;
  assert.deepEqual(studied.mine.sectionsDone, [1, 2]);
  assert.equal(studied.mine.complete, false, 'the quiz is not passed yet');
  assert.equal(
    (await clerk.req('POST', `/api/v1/learning/materials/${m.id}/study`, { seconds: 1, sections: [3] }))
      .statusCode,
    400,
  );

  const answerFor = (q: { prompt: string }) => bank.find((b) => b.prompt === q.prompt)!.answer;
  const first = await ok(clerk, 'POST', `/learning/materials/${m.id}/attempts`, undefined, 201);
  assert.equal(first.questions.length, 2);
  assert.ok(!JSON.stringify(first).includes('"answer"'), 'the answers stay on the server');
  const failed = await ok(clerk, 'POST', `/learning/attempts/${first.attemptId}/answers`, {
    answers: first.questions.map((q: { prompt: string }) => 1 - answerFor(q)),
  });
  assert.equal(failed.passed, false);
  assert.equal(failed.attemptsLeft, 1);
  const twice = await clerk.req('POST', `/api/v1/learning/attempts/${first.attemptId}/answers`, {
    answers: [0, 0],
  });
  assert.equal(twice.statusCode, 409);
  const second = await ok(clerk, 'POST', `/learning/materials/${m.id}/attempts`, undefined, 201);
  const passed = await ok(clerk, 'POST', `/learning/attempts/${second.attemptId}/answers`, {
    answers: second.questions.map(answerFor),
  });
  assert.equal(passed.passed, true);
  assert.equal(passed.scorePct, 100);
  mine = await ok(clerk, 'GET', '/learning/my-assignments');
  assert.equal(mine.items[0].complete, true);

  // Another staff member runs out of attempts.
  for (let i = 0; i < 2; i++) {
    const a = await ok(head, 'POST', `/learning/materials/${m.id}/attempts`, undefined, 201);
    await ok(head, 'POST', `/learning/attempts/${a.attemptId}/answers`, {
      answers: a.questions.map((q: { prompt: string }) => 1 - answerFor(q)),
    });
  }
  const none = await head.req('POST', `/api/v1/learning/materials/${m.id}/attempts`, undefined, {
    'accept-language': 'en',
  });
  assert.equal(none.statusCode, 409);
  assert.equal(none.json().code, 'quiz_attempts_exhausted');

  // Progress per staff member and department; a head sees only their own department.
  const progress = await ok(sup, 'GET', '/learning/progress');
  const clerkRow = progress.staff.find((s: { name: string }) => s.name.includes('王窗'));
  assert.deepEqual([clerkRow.assigned, clerkRow.completed, clerkRow.studySeconds], [1, 1, 600]);
  const scj = progress.departments.find((d: { departmentId: string }) => d.departmentId === dept.SCJ);
  assert.equal(scj.completionPct, 100);
  await ok(head, 'GET', `/learning/progress?departmentId=${dept.SCJ}`);
  assert.equal((await head.req('GET', `/api/v1/learning/progress?departmentId=${dept.WJW}`)).statusCode, 403);
  assert.equal((await head.req('GET', '/api/v1/learning/progress')).statusCode, 403);

  // A new version: the history keeps the old one; sections count against the new one.
  const v2 = (await ok(admin, 'POST', `/learning/materials/${m.id}/versions`, {
    version: m.version,
    sections: [{ title: '修订', body: '首问负责制（2027 修订）' }],
    note: '按新规修订',
  })) as MaterialViewT;
  assert.equal(v2.versionNo, 2);
  assert.deepEqual(
    v2.versions.map((v) => v.versionNo),
    [1, 2],
  );
  const again = (await ok(clerk, 'GET', `/learning/materials/${m.id}`)) as MaterialViewT;
  assert.deepEqual(again.mine.sectionsDone, []);
  assert.equal(again.mine.passed, true);
});
