import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createTestContext, type TestContext } from '../../../test/test-context.js';
import { Client, staff } from '../../../test/http.js';
import { seedDemo, DEMO_PASSWORD } from '../../seed/seed-demo.js';
import type { Static } from '@sinclair/typebox';
import type * as S from './schemas.js';

type CaseView = Static<typeof S.CaseView>;
type Material = { name: string; required: boolean; source: string };
let t: TestContext;
let clerk: Client, reviewer: Client, head: Client, citizen: Client;
const demo = (u: string) => new Client(t.app).login(u, DEMO_PASSWORD);
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

before(async () => {
  t = await createTestContext({ start: '2026-11-30T01:30:00.000Z' }); // Monday 09:30 in 清河
  await seedDemo(t.db, t.clock);
  [clerk, reviewer, head, citizen] = (await Promise.all(
    ['clerk', 'reviewer', 'head', 'citizen'].map(demo),
  )) as [Client, Client, Client, Client];
});
after(() => t.close());

const act = (c: Client, caseId: string, path: string, body: Record<string, unknown>) =>
  c.req('POST', `/api/v1/cases/${caseId}/${path}`, body);
const read = async (c: Client, id: string): Promise<CaseView> =>
  (await c.req('GET', `/api/v1/cases/${id}`)).json();

test('departments reviewing in parallel read each other’s opinions, with department, person and time', async () => {
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
  const c0 = r.json().case as CaseView;
  const c1 = (await act(clerk, c0.id, 'accept', { version: c0.version })).json().case as CaseView;
  const scj = c1.tasks.find((x) => x.department?.code === 'SCJ')!;
  const other = c1.tasks.find((x) => x.department?.code !== 'SCJ')!;
  const otherReviewer = await staff(
    t,
    `rev.${Math.random().toString(36).slice(2, 8)}`,
    'reviewer',
    other.department!.code,
  );
  const op = await act(reviewer, c0.id, 'opinions', {
    version: c1.version,
    taskId: scj.id,
    text: '经营场所布局合理，同意',
  });
  assert.equal(op.statusCode, 200, op.body);

  const seen = await read(otherReviewer, c0.id);
  const opinion = seen.records.find((x) => x.kind === 'opinion');
  assert.ok(opinion, 'the other department sees the opinion');
  assert.equal(opinion.text, '经营场所布局合理，同意');
  assert.equal(opinion.department?.code, 'SCJ');
  const reviewerName = await t.db
    .selectFrom('users')
    .select('display_name')
    .where('username', '=', 'reviewer')
    .executeTakeFirstOrThrow();
  assert.equal(opinion.authorName, reviewerName.display_name);
  assert.ok(opinion.createdAt);
});

test('the head sees why an extension is asked; the applicant reads the outcome, not the internal record', async () => {
  const food = (
    await new Client(t.app).req('GET', `/api/v1/search?q=${encodeURIComponent('食品经营许可')}&limit=1`)
  ).json().items[0];
  const guide = (await new Client(t.app).req('GET', `/api/v1/items/${food.id}`)).json();
  const mats = guide.materials.filter((m: Material) => m.required && m.source === 'applicant');
  const files: string[] = [];
  for (const _ of mats) {
    const boundary = '----ow' + Math.random().toString(16).slice(2);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/files',
      payload: Buffer.concat([
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="x.pdf"\r\nContent-Type: application/pdf\r\n\r\n`,
        ),
        PDF,
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ]),
      headers: {
        'content-type': `multipart/form-data; boundary=${boundary}`,
        cookie: citizen.cookie,
        'x-csrf-token': citizen.csrf,
      },
    });
    files.push(res.json().id);
  }
  const c0 = (
    await citizen.req('POST', '/api/v1/cases', {
      itemId: food.id,
      form: {},
      materials: mats.map((m: Material, i: number) => ({ name: m.name, fileId: files[i] })),
    })
  ).json().case as CaseView;
  const c1 = (await act(clerk, c0.id, 'accept', { version: c0.version })).json().case as CaseView;
  const task = c1.tasks[0]!;
  const req = await act(reviewer, c0.id, 'extension-requests', {
    version: c1.version,
    taskId: task.id,
    days: 3,
    reason: '需现场复核冷库温控记录',
  });
  assert.equal(req.statusCode, 200, req.body);
  const asked = (await read(head, c0.id)).records.find((x) => x.kind === 'extension_request')!;
  assert.equal(asked.text, '需现场复核冷库温控记录');
  assert.equal(asked.status, 'pending');
  assert.ok(asked.authorName);
  const decided = await act(head, c0.id, `extension-requests/${asked.id}/decision`, {
    version: req.json().case.version,
    approve: false,
    note: '期限内可完成',
  });
  assert.equal(decided.statusCode, 200, decided.body);
  const after = (await read(reviewer, c0.id)).records.find((x) => x.id === asked.id)!;
  assert.equal(after.status, 'rejected');
  assert.equal(after.data.note, '期限内可完成');
  const headName = await t.db
    .selectFrom('users')
    .select('display_name')
    .where('username', '=', 'head')
    .executeTakeFirstOrThrow();
  assert.equal(after.deciderName, headName.display_name);
  assert.deepEqual((await read(citizen, c0.id)).records, [], 'the internal record is not the applicant’s');
});
