import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createTestContext, type TestContext } from '../../../test/test-context.js';
import { Client } from '../../../test/http.js';
import { seedDemo, DEMO_PASSWORD } from '../../seed/seed-demo.js';
import { seedDemoDisclosure } from '../../seed/demo-disclosure.js';
import { seedDemoInspections } from '../../seed/seed-demo-inspections.js';
import { describeSubjects } from './subject-refs.js';

type Material = { name: string; required: boolean; source: string };
type Subject = {
  kind: string;
  reference: string | null;
  title: string | null;
  person: string | null;
  link: string | null;
};
type Listed = { id: string; subjectId: string; subject: Subject | null; colour: string };

let t: TestContext;
let clerk: Client, sup: Client;
const demo = (u: string) => new Client(t.app).login(u, DEMO_PASSWORD);

before(async () => {
  t = await createTestContext({ start: '2026-11-30T01:30:00.000Z' }); // Monday 09:30 in 清河
  await seedDemo(t.db, t.clock);
  [clerk, sup] = await Promise.all([demo('clerk'), demo('supervisor')]);
});
after(() => t.close());

test("a department's review clock names the case: receipt number, its own item, masked applicant, a link", async () => {
  const bundle = (await new Client(t.app).req('GET', '/api/v1/bundles/YJS-KBG')).json();
  const r = await clerk.req('POST', '/api/v1/cases', {
    bundleCode: 'YJS-KBG',
    applicant: { kind: 'enterprise', name: '清河市悦来宾馆有限公司', creditCode: '91350100M000100Y43' },
    form: { 场所: '清河市滨江路8号' },
    materials: bundle.materials
      .filter((m: Material) => m.required && ['applicant', 'window_check'].includes(m.source))
      .map((m: Material) => ({ name: m.name, paper: true })),
    window: 'E01',
  });
  assert.equal(r.statusCode, 201, r.body);
  const c0 = r.json().case;
  const accepted = await clerk.req('POST', `/api/v1/cases/${c0.id}/accept`, { version: c0.version });
  assert.equal(accepted.statusCode, 200, accepted.body);
  const c1 = accepted.json().case as { tasks: { id: string; itemName?: string; item?: { name: string } }[] };

  const tasks = (await sup.req('GET', '/api/v1/supervision/clocks?subjectType=task&pageSize=100')).json();
  const mine = tasks.items.filter((k: Listed) => c1.tasks.some((x) => x.id === k.subjectId)) as Listed[];
  assert.equal(mine.length, c1.tasks.length);
  for (const k of mine) {
    assert.equal(k.subject?.kind, 'case');
    assert.equal(k.subject?.reference, c0.receiptNo);
    assert.equal(k.subject?.person, '清**********');
    assert.equal(k.subject?.link, `/cases/${c0.id}`);
    assert.notEqual(k.subject?.title, bundle.name, "a department's row names its own item, not the bundle");
  }
  const caseClocks = (
    await sup.req('GET', '/api/v1/supervision/clocks?subjectType=case&pageSize=100')
  ).json();
  const whole = caseClocks.items.find((k: Listed) => k.subjectId === c0.id) as Listed;
  assert.equal(whole.subject?.reference, c0.receiptNo);
  const one = (await sup.req('GET', `/api/v1/clocks/${mine[0]!.id}`)).json();
  assert.equal(one.subject.link, `/cases/${c0.id}`);
});

test('a first inquiry a minute old is green, and its clock names the (masked) person asking', async () => {
  const q = await clerk.req('POST', '/api/v1/inquiries', {
    personName: '张三丰',
    question: '开餐馆要办什么证？',
  });
  assert.equal(q.statusCode, 201, q.body);
  t.clock.advance(60_000);
  await t.supervision.drain();
  const list = (await sup.req('GET', '/api/v1/supervision/clocks?subjectType=inquiry&pageSize=100')).json();
  const k = list.items.find((x: Listed) => x.subjectId === q.json().id) as Listed;
  assert.equal(k.colour, 'green');
  assert.equal(k.subject?.kind, 'inquiry');
  assert.equal(k.subject?.person, '张**');
  const signals = (await sup.req('GET', `/api/v1/supervision/signals?subjectId=${q.json().id}`)).json();
  assert.equal(signals.total, 0, 'no yellow signal at 0% elapsed');
});

test('an item, a village and an inspection are named and linked, not shown as "other"', async () => {
  await seedDemoDisclosure(t);
  await seedDemoInspections(t);
  const village = await t.db
    .selectFrom('disc_villages')
    .select(['id', 'code'])
    .where('code', '=', 'CGZ-XH')
    .executeTakeFirstOrThrow();
  const item = await t.db.selectFrom('items').select(['id', 'code']).limit(1).executeTakeFirstOrThrow();
  const visit = await t.db
    .selectFrom('insp_inspections')
    .select(['id', 'number'])
    .limit(1)
    .executeTakeFirstOrThrow();
  const refs = await describeSubjects(t.db, [
    { subject_type: 'disclosure_village', subject_id: village.id },
    { subject_type: 'item', subject_id: item.id },
    { subject_type: 'inspection', subject_id: visit.id },
  ]);
  assert.equal(refs.get(`disclosure_village:${village.id}`)?.reference, '城关镇西河村');
  assert.equal(refs.get(`disclosure_village:${village.id}`)?.link, '/disclosure/villages/CGZ-XH');
  assert.equal(refs.get(`item:${item.id}`)?.reference, item.code);
  assert.equal(refs.get(`item:${item.id}`)?.link, `/items/${item.id}`);
  assert.ok(refs.get(`item:${item.id}`)?.title);
  assert.equal(refs.get(`inspection:${visit.id}`)?.reference, visit.number);
  assert.equal(refs.get(`inspection:${visit.id}`)?.link, `/inspections/${visit.id}`);
});
