import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createTestContext, type TestContext } from '../../../test/test-context.js';
import { Client, staff } from '../../../test/http.js';
import { seedDemo, DEMO_PASSWORD } from '../../seed/seed-demo.js';
import { verifyChains } from './event-chain.js';
import { caseModule } from './case-deps-factory.js';
import { deemAcceptOverdue } from './deem-accept.js';
import { Value } from '@sinclair/typebox/value';
import * as S from './schemas.js';
import type { Static } from '@sinclair/typebox';
import { systemActor } from '../../shared/actor.js';
import { createHash } from 'node:crypto';
import { TEST_DIALECT } from '../../../test/test-context.js';
import { DocumentRenderer, RENDER_ATTEMPTS, RENDER_LEASE_MS } from '../documents/document-renderer.js';
import { readyDocument } from '../documents/ready-document.js';
import { renderPool, type RenderPool } from '../documents/render-pool.js';
import type { DocumentInput } from '../documents/document-types.js';
import type { AppError } from '../../server/errors.js';
import { CaseDocumentIssuer } from './issue-document.js';
import { refuseIntake } from './refuse-intake.js';

let t: TestContext;
/** What these tests read of the answers: a guide's materials, field errors, rows of cases and tasks. */
type Material = { name: string; required: boolean; deferrable: boolean; source: string };
type FieldErr = { path: string; code: string };
type CaseView = Static<typeof S.CaseView>;
type Row = CaseView['tasks'][number] & Static<typeof S.CaseSummary> & { id: string };
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
let citizen: Client, clerk: Client, reviewer: Client, head: Client, sup: Client;
const demo = (u: string) => new Client(t.app).login(u, DEMO_PASSWORD);

before(async () => {
  t = await createTestContext({ start: '2026-11-30T01:30:00.000Z' }); // Monday 09:30 in 清河
  await seedDemo(t.db, t.clock);
  [citizen, clerk, reviewer, head, sup] = (await Promise.all(
    ['citizen', 'clerk', 'reviewer', 'head', 'supervisor'].map(demo),
  )) as [Client, Client, Client, Client, Client];
});
after(() => t.close());

async function upload(c: Client, data: Buffer, name: string) {
  const boundary = '----ow' + Math.random().toString(16).slice(2);
  const body = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
    ),
    data,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return t.app.inject({
    method: 'POST',
    url: '/api/v1/files',
    payload: body,
    headers: {
      'content-type': `multipart/form-data; boundary=${boundary}`,
      cookie: c.cookie,
      'x-csrf-token': c.csrf,
    },
  });
}
const item = async (name: string) =>
  (await new Client(t.app).req('GET', `/api/v1/search?q=${encodeURIComponent(name)}&limit=1`)).json()
    .items[0];
const act = async (c: Client, caseId: string, path: string, body: Record<string, unknown>) => {
  const r = await c.req('POST', `/api/v1/cases/${caseId}/${path}`, body);
  return r;
};

test('materials are checked by their content, not their name', async () => {
  const png = await upload(citizen, PNG, '营业执照.pdf');
  assert.equal(png.statusCode, 201, png.body);
  assert.equal(png.json().mime, 'image/png');
  const text = await upload(citizen, Buffer.from('just text, not a PDF at all'), 'plan.pdf');
  assert.equal(text.statusCode, 415);
  assert.equal((await upload(new Client(t.app), PDF, 'x.pdf')).statusCode, 401);
});

test('online application: one-time notice, supplement, acceptance, review, decision, delivery, tracking', async () => {
  const food = await item('食品经营许可');
  assert.equal(food.name, '食品经营许可');
  const guide = (await new Client(t.app).req('GET', `/api/v1/items/${food.id}`)).json();
  const required = guide.materials
    .filter((m: Material) => m.required && m.source === 'applicant')
    .map((m: Material) => m.name);
  assert.ok(required.length >= 2);
  const f1 = (await upload(citizen, PDF, 'a.pdf')).json();
  const body = {
    itemId: food.id,
    form: { 经营场所: '清河市人民路1号', 经营项目: '热食类食品制售' },
    materials: [{ name: required[0], fileId: f1.id }],
  };
  const first = await citizen.req('POST', '/api/v1/cases', body, { 'idempotency-key': 'online-food-0001' });
  assert.equal(first.statusCode, 201, first.body);
  const again = await citizen.req('POST', '/api/v1/cases', body, { 'idempotency-key': 'online-food-0001' });
  assert.equal(again.statusCode, 200);
  assert.equal(again.json().case.id, first.json().case.id, 'a retried submission makes no second case');
  const code = first.json().checkCode;
  assert.match(code, /^[A-Z2-9]{10}$/);
  assert.equal(again.json().checkCode, null, 'the code is shown once');
  const c0 = (await citizen.req('GET', `/api/v1/cases/${first.json().case.id}`)).json();
  assert.equal(c0.state, 'received');
  assert.equal(c0.clocks.acceptance.limitDays, 5);

  // The clerk cannot accept while required materials are missing, and says what is allowed.
  const early = await act(clerk, c0.id, 'accept', { version: c0.version });
  assert.equal(early.statusCode, 400);
  assert.equal(early.json().errors[0].code, 'material_missing');
  const missing = required.slice(1).map((name: string) => ({ name, requirement: '原件扫描件，加盖公章' }));
  const notice = await act(clerk, c0.id, 'supplement-request', { version: c0.version, items: missing });
  assert.equal(notice.statusCode, 200, notice.body);
  const c1 = notice.json().case;
  assert.equal(c1.state, 'awaiting_supplement');
  assert.equal(c1.clocks.acceptance.status, 'stopped', 'the notice came within five working days');
  assert.ok(c1.documents.some((d: { kind: string }) => d.kind === 'supplement_notice'));
  const wrongState = await act(clerk, c0.id, 'accept', { version: c1.version });
  assert.equal(wrongState.statusCode, 409);
  assert.equal(wrongState.json().code, 'invalid_state');
  // The 409 names what the window may do instead, as the case view does.
  assert.deepEqual(wrongState.json().allowedActions, ['supplement', 'withdraw']);
  assert.deepEqual(wrongState.json().allowedActions, c1.allowedActions);

  t.clock.set('2026-12-02T02:00:00.000Z');
  await citizen.relogin();
  const files = await Promise.all(missing.map(() => upload(citizen, PDF, 'b.pdf').then((r) => r.json().id)));
  const supplied = await act(citizen, c0.id, 'supplement', {
    version: c1.version,
    materials: missing.map((m: Material, i: number) => ({ name: m.name, fileId: files[i] })),
  });
  assert.equal(supplied.statusCode, 200, supplied.body);
  const c2 = supplied.json().case;
  assert.equal(c2.state, 'received');
  assert.equal(c2.receivedAt, '2026-12-02T02:00:00.000Z', 'acceptance dates from the supplement');

  await clerk.relogin();
  const accepted = await act(clerk, c0.id, 'accept', { version: c2.version });
  assert.equal(accepted.statusCode, 200, accepted.body);
  const c3 = accepted.json().case;
  assert.equal(c3.state, 'under_review');
  assert.equal(c3.acceptanceDate, '2026-12-02');
  assert.equal(c3.clocks.case.limitDays, guide.committedDays);
  assert.equal(c3.tasks.length, 1);
  const doc = c3.documents.find((d: { kind: string }) => d.kind === 'acceptance_notice');
  assert.match(doc.number, /^清政服受〔2026〕第\d{6}号$/);
  const pdf = await citizen.req('GET', `/api/v1/cases/${c0.id}/documents/${doc.id}`);
  assert.equal(pdf.statusCode, 200);
  assert.equal(pdf.headers['content-type'], 'application/pdf');
  assert.equal(pdf.rawPayload.subarray(0, 5).toString(), '%PDF-');
  // The PDF is rendered after the acceptance commits: the download waited for it, and the case now
  // lists the hash of the file it got.
  assert.ok(['preparing', 'ready'].includes(doc.state));
  const listed = (await citizen.req('GET', `/api/v1/cases/${c0.id}`)).json().documents;
  const renderedDoc = listed.find((d: { id: string }) => d.id === doc.id);
  assert.equal(renderedDoc.state, 'ready');
  assert.equal(pdf.headers['x-sha256'], renderedDoc.sha256);

  const tracked = await t.app.inject(`/api/v1/track/${c0.receiptNo}?code=${code}`);
  assert.equal(tracked.statusCode, 200, tracked.body);
  const tr = tracked.json();
  assert.equal(tr.state, 'under_review');
  assert.equal(tr.applicant.name, '张**');
  assert.equal(tr.applicant.id, '110105********002X');
  assert.equal(tr.deadline.dueDate, c3.clocks.case.dueDate);
  assert.ok(tr.deadline.explanation.some((r: { code: string; zh: string }) => r.code === 'due'));
  assert.equal(tr.latestHash, c3.latestHash);
  assert.ok(tr.departments[0].department.includes('市场监督管理局'));
  assert.ok(
    Value.Check(S.TrackingView, tr),
    `the OpenAPI schema describes what is sent: ${[...Value.Errors(S.TrackingView, tr)].map((e) => e.path).join(', ')}`,
  );

  await reviewer.relogin();
  const task = c3.tasks[0];
  assert.equal(
    (
      await act(reviewer, c0.id, 'opinions', {
        version: c3.version,
        taskId: task.id,
        text: '材料齐全，场所布局合理',
      })
    ).statusCode,
    200,
  );
  const c4 = (await reviewer.req('GET', `/api/v1/cases/${c0.id}`)).json();
  const decided = await act(reviewer, c0.id, 'decisions', {
    version: c4.version,
    taskId: task.id,
    decision: 'approve',
  });
  assert.equal(decided.statusCode, 200, decided.body);
  const c5 = decided.json().case;
  assert.equal(c5.state, 'decided');
  assert.equal(c5.decision, 'approved');
  assert.equal(c5.clocks.delivery.limitDays, 10);
  assert.ok(c5.documents.some((d: { kind: string }) => d.kind === 'approval_decision'));
  const delivered = await act(clerk, c0.id, 'deliver', {
    version: c5.version,
    method: '在窗口直接送达',
    recipient: '张小明',
  });
  assert.equal(delivered.statusCode, 200, delivered.body);
  assert.equal(delivered.json().case.state, 'completed');
  const done = (await t.app.inject(`/api/v1/track/${c0.receiptNo}?code=${code}`)).json();
  assert.equal(done.state, 'completed');
  assert.equal(done.result.decision, 'approved');
  assert.ok(
    Value.Check(S.TrackingView, done),
    [...Value.Errors(S.TrackingView, done)].map((e) => `${e.path} ${e.message}`).join(', '),
  );
  assert.deepEqual(
    done.documents.map((d: { kind: string }) => d.kind),
    ['supplement_notice', 'acceptance_notice', 'approval_decision', 'delivery_receipt'],
  );
  const outbox = await t.db
    .selectFrom('notification_outbox')
    .select('kind')
    .where('subject_id', '=', c0.id)
    .execute();
  for (const k of [
    'case_received',
    'supplement_requested',
    'case_accepted',
    'task_assigned',
    'case_decided',
    'case_completed',
  ])
    assert.ok(
      outbox.some((o) => o.kind === k),
      k,
    );
  await t.notifications.drain();
  const rejected = await t.db
    .selectFrom('notification_outbox')
    .select(['kind', 'status'])
    .where('subject_id', '=', c0.id)
    .where('status', '=', 'failed')
    .execute();
  assert.deepEqual(rejected, [], 'every case notice matches its template');
  await citizen.relogin();
  const inbox = (await citizen.req('GET', '/api/v1/inbox')).json();
  assert.ok(
    inbox.items.some(
      (m: { title: string; kind: string }) => m.title.includes('受理') || m.kind === 'case_accepted',
    ),
    JSON.stringify(inbox.items.map((m: { title: string; kind: string }) => m.title)),
  );
});

test('two submissions racing with one upload: the file goes to one case, the other is told why', async () => {
  const food = await item('食品经营许可');
  const guide = (await new Client(t.app).req('GET', `/api/v1/items/${food.id}`)).json();
  const name = guide.materials.find((m: Material) => m.required && m.source === 'applicant').name;
  const f = (await upload(citizen, PDF, 'once.pdf')).json();
  const body = {
    itemId: food.id,
    form: { 经营场所: '清河市人民路2号', 经营项目: '热食类食品制售' },
    materials: [{ name, fileId: f.id }],
  };
  const [a, b] = await Promise.all(
    ['race-file-a', 'race-file-b'].map((key) =>
      citizen.req('POST', '/api/v1/cases', body, { 'idempotency-key': key }),
    ),
  );
  assert.deepEqual([a!.statusCode, b!.statusCode].sort(), [201, 400], `${a!.body} ${b!.body}`);
  const lost = a!.statusCode === 400 ? a! : b!;
  const won = a!.statusCode === 201 ? a! : b!;
  assert.deepEqual(
    lost.json().errors.map((e: FieldErr) => [e.path, e.code]),
    [['/body/materials/0/fileId', 'file_not_yours']],
  );
  const file = await t.db
    .selectFrom('files')
    .select('case_id')
    .where('id', '=', f.id)
    .executeTakeFirstOrThrow();
  assert.equal(file.case_id, won.json().case.id);
  const holders = await t.db
    .selectFrom('case_materials')
    .select('case_id')
    .where('file_id', '=', f.id)
    .execute();
  assert.deepEqual(
    holders.map((h) => h.case_id),
    [won.json().case.id],
    'no second case lists the file among its materials',
  );
});

test('a supplement and a new submission racing with one upload: one of them has the file', async () => {
  const food = await item('食品经营许可');
  const guide = (await new Client(t.app).req('GET', `/api/v1/items/${food.id}`)).json();
  const names = guide.materials
    .filter((m: Material) => m.required && m.source === 'applicant')
    .map((m: Material) => m.name);
  const a = (
    await citizen.req('POST', '/api/v1/cases', {
      itemId: food.id,
      form: { 经营场所: '清河市人民路3号', 经营项目: '热食类食品制售' },
      materials: [],
    })
  ).json().case;
  const asked = await act(clerk, a.id, 'supplement-request', {
    version: a.version,
    items: [{ name: names[0], requirement: '原件扫描件' }],
  });
  assert.equal(asked.statusCode, 200, asked.body);
  const f = (await upload(citizen, PDF, 'shared.pdf')).json();
  const [supplement, submission] = await Promise.all([
    act(citizen, a.id, 'supplement', {
      version: asked.json().case.version,
      materials: [{ name: names[0], fileId: f.id }],
    }),
    citizen.req('POST', '/api/v1/cases', {
      itemId: food.id,
      form: { 经营场所: '清河市人民路4号', 经营项目: '热食类食品制售' },
      materials: [{ name: names[0], fileId: f.id }],
    }),
  ]);
  const won = [
    supplement!.statusCode === 200 ? a.id : null,
    submission!.statusCode === 201 ? submission!.json().case.id : null,
  ].filter(Boolean);
  assert.equal(won.length, 1, `exactly one succeeds: ${supplement!.statusCode} ${submission!.statusCode}`);
  const lost = supplement!.statusCode === 200 ? submission! : supplement!;
  assert.equal(lost.statusCode, 400, lost.body);
  assert.equal(lost.json().errors[0].code, 'file_not_yours');
  assert.equal(
    (await t.db.selectFrom('files').select('case_id').where('id', '=', f.id).executeTakeFirstOrThrow())
      .case_id,
    won[0],
  );
  const holders = await t.db
    .selectFrom('case_materials')
    .select('case_id')
    .where('file_id', '=', f.id)
    .execute();
  assert.deepEqual(
    holders.map((h) => h.case_id),
    won,
  );
});

test('a bundle: one form, every department gets its task at once, one refusal refuses with reasons and rights', async () => {
  const bundle = (await new Client(t.app).req('GET', '/api/v1/bundles/YJS-KBG')).json();
  assert.equal(bundle.items.length, 4);
  const all = bundle.materials
    .filter((m: Material) => m.required && ['applicant', 'window_check'].includes(m.source))
    .map((m: Material) => ({ name: m.name, paper: true }));
  const r = await clerk.req('POST', '/api/v1/cases', {
    bundleCode: 'YJS-KBG',
    applicant: {
      kind: 'enterprise',
      name: '清河市悦来宾馆有限公司',
      creditCode: '91350100M000100Y43',
      phone: '13900001111',
    },
    form: { 场所: '清河市滨江路8号' },
    materials: all,
    window: 'E01',
  });
  assert.equal(r.statusCode, 201, r.body);
  const c0 = (await clerk.req('GET', `/api/v1/cases/${r.json().case.id}`)).json();
  assert.equal(c0.channel, 'window');
  assert.equal(c0.handlingClass, 'joint');
  const acc = await act(clerk, c0.id, 'accept', { version: c0.version });
  assert.equal(acc.statusCode, 200, acc.body);
  const c1 = acc.json().case;
  assert.equal(c1.tasks.length, 4);
  const started = new Set(c1.tasks.map((x: Row) => x.clock?.startedAt));
  assert.equal(started.size, 1, 'all departments start at the same moment');
  assert.ok(c1.tasks.every((x: Row) => x.clock?.parentId === c1.clocks.case.id));

  const byDept = new Map<string, Client>();
  for (const x of c1.tasks) {
    const code = x.department.code;
    if (!byDept.has(code))
      byDept.set(
        code,
        code === 'SCJ'
          ? reviewer
          : await staff(
              t,
              `rev.${code.toLowerCase()}.${Math.random().toString(36).slice(2, 6)}`,
              'reviewer',
              code,
            ),
      );
  }
  let version = c1.version;
  const other = [...byDept.entries()].find(([code]) => code !== 'SCJ')!;
  const forbidden = await act(other[1], c0.id, 'decisions', {
    version,
    taskId: c1.tasks.find((x: Row) => x.department?.code === 'SCJ').id,
    decision: 'approve',
  });
  assert.equal(forbidden.statusCode, 403, 'a department decides only its own part');
  const noReason = await act(other[1], c0.id, 'decisions', {
    version,
    taskId: c1.tasks.find((x: Row) => x.department?.code === other[0]).id,
    decision: 'refuse',
  });
  assert.equal(noReason.statusCode, 400);
  for (const x of c1.tasks) {
    const who = byDept.get(x.department.code)!;
    const refuse = x.department.code === 'WJW';
    const res = await act(who, c0.id, 'decisions', {
      version,
      taskId: x.id,
      decision: refuse ? 'refuse' : 'approve',
      ...(refuse ? { reasons: ['客房卫生设施不符合《公共场所卫生管理条例》要求'] } : {}),
    });
    assert.equal(res.statusCode, 200, res.body);
    version = res.json().case.version;
  }
  const final = (await clerk.req('GET', `/api/v1/cases/${c0.id}`)).json();
  assert.equal(final.state, 'decided');
  assert.equal(final.decision, 'refused');
  const refusal = final.documents.find((d: { kind: string }) => d.kind === 'refusal_decision');
  const content = await t.db
    .selectFrom('documents')
    .select('content')
    .where('id', '=', refusal.id)
    .executeTakeFirstOrThrow();
  assert.match(content.content, /公共场所卫生管理条例/);
  assert.match(content.content, /reconsiderationBody/);
});

test('two clerks acting on one case at once: one wins, the other gets 409', async () => {
  const food = await item('食品经营许可');
  const guide = (await new Client(t.app).req('GET', `/api/v1/items/${food.id}`)).json();
  const mats = guide.materials
    .filter((m: Material) => m.required && ['applicant', 'window_check'].includes(m.source))
    .map((m: Material) => ({ name: m.name, paper: true }));
  const c0 = (
    await clerk.req('POST', '/api/v1/cases', {
      itemId: food.id,
      applicant: { kind: 'person', name: '李四', idNumber: '11010519491231002X' },
      form: {},
      materials: mats,
    })
  ).json().case;
  assert.equal(c0.version, 1);
  const clerk2 = await staff(t, 'clerk.two', 'clerk', 'SCJ');
  const [a, b] = await Promise.all([
    act(clerk, c0.id, 'accept', { version: c0.version }),
    act(clerk2, c0.id, 'refuse-intake', { version: c0.version, reasons: ['不属于本机关职权范围'] }),
  ]);
  assert.deepEqual([a.statusCode, b.statusCode].sort(), [200, 409]);
  const after = (await clerk.req('GET', `/api/v1/cases/${c0.id}`)).json();
  assert.equal(
    after.history.filter((h: CaseView['history'][number]) => ['accept', 'refuse_intake'].includes(h.kind))
      .length,
    1,
  );
});

test('容缺: only deferrable materials may be missing; no decision while a promised one is outstanding', async () => {
  const items = (await new Client(t.app).req('GET', '/api/v1/items?pageSize=200')).json().items;
  let chosen: { id: string } | undefined;
  let guide: { materials: Material[] } | undefined;
  for (const it of items) {
    const g = (await new Client(t.app).req('GET', `/api/v1/items/${it.id}`)).json();
    if (
      g.handlingClass === 'promise' &&
      g.materials.some((m: Material) => m.deferrable) &&
      g.departmentCode !== 'x'
    ) {
      chosen = it;
      guide = g;
      break;
    }
  }
  assert.ok(chosen && guide, 'the demo catalogue has an item with deferrable materials');
  const needed = guide.materials.filter(
    (m: Material) => m.required && ['applicant', 'window_check'].includes(m.source),
  );
  const deferrable = needed.filter((m: Material) => m.deferrable);
  const keyOnes = needed.filter((m: Material) => !m.deferrable);
  const submit = (mats: { name: string; paper?: boolean; fileId?: string }[]) =>
    clerk
      .req('POST', '/api/v1/cases', {
        itemId: chosen.id,
        applicant: { kind: 'person', name: '王五', idNumber: '11010519491231002X' },
        form: {},
        materials: mats.map((m) => ({ name: m.name, paper: true })),
      })
      .then((r) => r.json().case);
  if (keyOnes.length) {
    const lacksKey = await submit(deferrable);
    const refused = await act(clerk, lacksKey.id, 'accept-with-shortfall', {
      version: lacksKey.version,
      deadline: '2026-12-20',
      commitment: '本人承诺在期限内补齐全部容缺材料，逾期愿承担相应后果。',
    });
    assert.equal(refused.statusCode, 400);
    assert.ok(refused.json().errors.some((e: FieldErr) => e.code === 'not_deferrable'));
  }
  const c0 = await submit(keyOnes);
  const tooLate = await act(clerk, c0.id, 'accept-with-shortfall', {
    version: c0.version,
    deadline: '2027-06-30',
    commitment: '本人承诺在期限内补齐全部容缺材料，逾期愿承担相应后果。',
  });
  assert.equal(tooLate.statusCode, 400);
  assert.equal(tooLate.json().errors[0].code, 'deadline_out_of_range');
  const ok = await act(clerk, c0.id, 'accept-with-shortfall', {
    version: c0.version,
    deadline: t.clock.now().toISOString().slice(0, 10) === '2026-12-02' ? '2026-12-04' : '2026-12-04',
    commitment: '本人承诺在期限内补齐全部容缺材料，逾期愿承担相应后果。',
  });
  assert.equal(ok.statusCode, 200, ok.body);
  const c1 = ok.json().case;
  assert.equal(c1.shortfall, true);
  assert.ok(c1.documents.some((d: { kind: string }) => d.kind === 'shortfall_acceptance_notice'));
  const dept = c1.tasks[0].department.code;
  const rev = dept === 'SCJ' ? reviewer : await staff(t, `rev.sf.${dept.toLowerCase()}`, 'reviewer', dept);
  const blocked = await act(rev, c0.id, 'decisions', {
    version: c1.version,
    taskId: c1.tasks[0].id,
    decision: 'approve',
  });
  assert.equal(blocked.statusCode, 409);
  assert.match(blocked.json().detail, /容缺材料未补齐/);
  const given = await act(clerk, c0.id, 'deferred-materials', {
    version: c1.version,
    materials: deferrable.map((m: Material) => ({ name: m.name, paper: true })),
  });
  assert.equal(given.statusCode, 200, given.body);
  const after = await act(rev, c0.id, 'decisions', {
    version: given.json().case.version,
    taskId: c1.tasks[0].id,
    decision: 'approve',
  });
  assert.equal(after.statusCode, 200, after.body);
});

test('a second supplement request needs a reason, and asking for something new raises a signal', async () => {
  const food = await item('食品经营许可');
  const c0 = (
    await clerk.req('POST', '/api/v1/cases', {
      itemId: food.id,
      applicant: { kind: 'person', name: '赵六', idNumber: '11010519491231002X' },
      form: {},
      materials: [],
    })
  ).json().case;
  const n1 = await act(clerk, c0.id, 'supplement-request', {
    version: c0.version,
    items: [{ name: '食品安全管理制度文本', requirement: '加盖公章' }],
  });
  assert.equal(n1.statusCode, 200, n1.body);
  const s1 = await act(clerk, c0.id, 'supplement', {
    version: n1.json().case.version,
    materials: [{ name: '食品安全管理制度文本', paper: true }],
  });
  assert.equal(s1.statusCode, 200, s1.body);
  const v = s1.json().case.version;
  const noReason = await act(clerk, c0.id, 'supplement-request', {
    version: v,
    items: [{ name: '健康证明', requirement: '从业人员健康证明' }],
  });
  assert.equal(noReason.statusCode, 400);
  assert.equal(noReason.json().errors[0].code, 'reason_required');
  const n2 = await act(clerk, c0.id, 'supplement-request', {
    version: v,
    items: [{ name: '健康证明', requirement: '从业人员健康证明' }],
    reason: '首次审查遗漏',
  });
  assert.equal(n2.statusCode, 200, n2.body);
  assert.deepEqual(n2.json().result.beyondFirstNotice, ['健康证明']);
  await sup.relogin();
  const signals = (
    await sup.req('GET', `/api/v1/supervision/signals?kind=second_supplement_new_item&subjectId=${c0.id}`)
  ).json();
  assert.equal(signals.total, 1);
});

test('deemed acceptance: five working days without a notice, accepted from the day received, with a signal', async () => {
  const food = await item('食品经营许可');
  t.clock.set('2026-12-07T02:00:00.000Z'); // Monday
  await clerk.relogin();
  const c0 = (
    await clerk.req('POST', '/api/v1/cases', {
      itemId: food.id,
      applicant: { kind: 'person', name: '钱七', idNumber: '11010519491231002X' },
      form: {},
      materials: [],
    })
  ).json().case;
  t.clock.set('2026-12-14T16:30:00.000Z'); // after the fifth working day ends
  await t.supervision.drain();
  await sup.relogin();
  const c1 = (await sup.req('GET', `/api/v1/cases/${c0.id}`)).json();
  assert.equal(c1.state, 'under_review');
  assert.equal(c1.acceptanceDate, '2026-12-07', 'counts as accepted from the day it was received');
  assert.ok(
    c1.history.some((h: CaseView['history'][number]) => h.kind === 'accept' && h.data.deemed === true),
  );
  assert.equal(
    (await sup.req('GET', `/api/v1/supervision/signals?kind=deemed_acceptance&subjectId=${c0.id}`)).json()
      .total,
    1,
  );
});

test('special procedures pause, the head extends within the ceiling, the applicant may withdraw before the decision', async () => {
  const food = await item('食品经营许可');
  await Promise.all([clerk.relogin(), reviewer.relogin(), head.relogin(), citizen.relogin()]);
  const guide = (await new Client(t.app).req('GET', `/api/v1/items/${food.id}`)).json();
  const mats = guide.materials.filter((m: Material) => m.required && m.source === 'applicant');
  const files = await Promise.all(mats.map(() => upload(citizen, PDF, 'x.pdf').then((r) => r.json().id)));
  const submitted = (
    await citizen.req('POST', '/api/v1/cases', {
      itemId: food.id,
      form: {},
      materials: mats.map((m: Material, i: number) => ({ name: m.name, fileId: files[i] })),
    })
  ).json();
  const c0 = submitted.case;
  const c1 = (await act(clerk, c0.id, 'accept', { version: c0.version })).json().case;
  const task = c1.tasks[0];
  const due0 = c1.clocks.case.dueDate;
  const sp = await act(reviewer, c0.id, 'special-procedures', {
    version: c1.version,
    taskId: task.id,
    procedure: '专家评审',
    expectedDays: 3,
    reason: '涉及新工艺，需专家论证',
  });
  assert.equal(sp.statusCode, 200, sp.body);
  const c2 = sp.json().case;
  assert.equal(c2.clocks.case.status, 'paused');
  assert.ok(c2.documents.some((d: { kind: string }) => d.kind === 'special_procedure_notice'));
  t.clock.advance(3 * 86_400_000);
  await Promise.all([reviewer.relogin(), head.relogin(), citizen.relogin(), clerk.relogin()]);
  const end = await act(reviewer, c0.id, `special-procedures/${sp.json().result.recordId}/end`, {
    version: c2.version,
    taskId: task.id,
    outcome: '专家评审通过',
  });
  assert.equal(end.statusCode, 200, end.body);
  const c3 = end.json().case;
  assert.ok(c3.clocks.case.dueDate > due0, 'the paused days push the deadline back');
  assert.ok(
    c3.clocks.case.explanation.some(
      (r: { code: string; zh: string }) => r.code === 'pause' && /专家评审/.test(r.zh),
    ),
  );
  const req = await act(reviewer, c0.id, 'extension-requests', {
    version: c3.version,
    taskId: task.id,
    days: 10,
    reason: '需补充检验',
  });
  const pendingFor = async () =>
    (await head.req('GET', '/api/v1/worklist'))
      .json()
      .items.find((w: { taskId: string }) => w.taskId === task.id)?.extensionPending;
  assert.equal(await pendingFor(), true, "the head's worklist shows the extension waiting for approval");
  assert.equal(req.statusCode, 200, req.body);
  assert.equal(
    (
      await act(reviewer, c0.id, `extension-requests/${req.json().result.recordId}/decision`, {
        version: req.json().case.version,
        approve: true,
      })
    ).statusCode,
    403,
    'only the head approves',
  );
  const approved = await act(head, c0.id, `extension-requests/${req.json().result.recordId}/decision`, {
    version: req.json().case.version,
    approve: true,
  });
  assert.equal(await pendingFor(), false);
  assert.equal(approved.statusCode, 200, approved.body);
  const c4 = approved.json().case;
  assert.equal(c4.clocks.case.extensionDays, 10);
  assert.ok(c4.documents.some((d: { kind: string }) => d.kind === 'extension_notice'));
  // The public page says why and that the agency's head approved; not which account did.
  const tracked = (
    await new Client(t.app).req('GET', `/api/v1/track/${c0.receiptNo}?code=${submitted.checkCode}`)
  ).body;
  assert.match(tracked, /经本机关负责人批准延长 10 个工作日：需补充检验/);
  const headUser = await t.db
    .selectFrom('users')
    .select(['id', 'display_name'])
    .where('username', '=', 'head')
    .executeTakeFirstOrThrow();
  assert.ok(
    !tracked.includes(headUser.id) && !tracked.includes(headUser.display_name),
    'no staff account on the public page',
  );
  const again = await act(reviewer, c0.id, 'extension-requests', {
    version: c4.version,
    taskId: task.id,
    days: 5,
    reason: '再延',
  });
  const again2 = await act(head, c0.id, `extension-requests/${again.json().result.recordId}/decision`, {
    version: again.json().case.version,
    approve: true,
  });
  assert.equal(again2.statusCode, 422, 'Art. 42 allows one extension');
  const cur = (await citizen.req('GET', `/api/v1/cases/${c0.id}`)).json();
  const w = await act(citizen, c0.id, 'withdraw', { version: cur.version, reason: '不再经营' });
  assert.equal(w.statusCode, 200, w.body);
  const c5 = w.json().case;
  assert.equal(c5.state, 'withdrawn');
  assert.equal(c5.clocks.case.status, 'stopped');
  assert.ok(c5.tasks.every((x: Row) => x.clock?.status === 'stopped'));
});

test('tracking: a wrong code looks like an unknown receipt, and repeated guesses are refused', async () => {
  const any = await t.db
    .selectFrom('cases')
    .select(['receipt_no', 'check_code'])
    .where('state', '!=', 'draft')
    .executeTakeFirstOrThrow();
  const wrong = await t.app.inject({
    url: `/api/v1/track/${any.receipt_no}?code=WRONGCODE1`,
    remoteAddress: '10.8.8.8',
  });
  assert.equal(wrong.statusCode, 404);
  const unknown = await t.app.inject({
    url: '/api/v1/track/QH20269999999?code=WRONGCODE1',
    remoteAddress: '10.8.8.8',
  });
  assert.equal(unknown.json().detail, wrong.json().detail.replace(any.receipt_no, 'QH20269999999'));
  for (let i = 0; i < 10; i++)
    await t.app.inject({
      url: `/api/v1/track/${any.receipt_no}?code=GUESS${i}XXXX`,
      remoteAddress: '10.8.8.8',
    });
  const blocked = await t.app.inject({
    url: `/api/v1/track/${any.receipt_no}?code=${any.check_code}`,
    remoteAddress: '10.8.8.8',
  });
  assert.equal(blocked.statusCode, 429);
  const fine = await t.app.inject({
    url: `/api/v1/track/${any.receipt_no}?code=${any.check_code}`,
    remoteAddress: '10.9.9.1',
  });
  assert.equal(fine.statusCode, 200);
});

test('only the applicant and the staff on the case read it and its documents', async () => {
  const c = await t.db
    .selectFrom('cases')
    .select(['id'])
    .where('applicant_user_id', 'is not', null)
    .executeTakeFirstOrThrow();
  const enterprise = await demo('enterprise');
  assert.equal((await enterprise.req('GET', `/api/v1/cases/${c.id}`)).statusCode, 403);
  const wjw = await demo('reviewer.wjw');
  assert.equal((await wjw.req('GET', `/api/v1/cases/${c.id}`)).statusCode, 403);
  await citizen.relogin();
  assert.equal((await citizen.req('GET', `/api/v1/cases/${c.id}`)).statusCode, 200);
  assert.equal((await new Client(t.app).req('GET', `/api/v1/cases/${c.id}`)).statusCode, 401);
  const withFile = await t.db
    .selectFrom('files')
    .select(['id', 'case_id'])
    .where('case_id', 'is not', null)
    .executeTakeFirstOrThrow();
  assert.equal((await citizen.req('GET', `/api/v1/files/${withFile.id}`)).statusCode, 200);
  assert.equal(
    (await wjw.req('GET', `/api/v1/files/${withFile.id}`)).statusCode,
    403,
    'a department not on the case',
  );
  await sup.relogin();
  assert.equal(
    (await sup.req('GET', `/api/v1/files/${withFile.id}`)).statusCode,
    403,
    'supervisors see the case, not the papers',
  );
  await reviewer.relogin();
  assert.equal(
    (await reviewer.req('GET', `/api/v1/files/${withFile.id}`)).statusCode,
    200,
    'the reviewing department',
  );
  const mine = (await citizen.req('GET', '/api/v1/cases')).json();
  assert.ok(mine.items.length >= 2);
  assert.ok(mine.items.every((x: Row) => x.applicantName === '张小明'));
});

test('verifying a live history: cases that go on meanwhile are not taken for tampering', async () => {
  await Promise.all([citizen.relogin(), clerk.relogin()]);
  const food = await item('食品经营许可');
  const old = (
    await citizen.req('POST', '/api/v1/cases', {
      itemId: food.id,
      form: { 经营场所: '清河市人民路7号', 经营项目: '热食类食品制售' },
      materials: [],
    })
  ).json().case;
  let appended = false;
  const r = await verifyChains(t.db, async () => {
    if (appended) return;
    appended = true;
    // After the head was read: a new case, and a new event on a case already scanned.
    assert.equal(
      (
        await citizen.req('POST', '/api/v1/cases', {
          itemId: food.id,
          form: { 经营场所: '清河市人民路8号', 经营项目: '热食类食品制售' },
          materials: [],
        })
      ).statusCode,
      201,
    );
    assert.equal(
      (
        await act(clerk, old.id, 'supplement-request', {
          version: old.version,
          items: [{ name: '营业执照', requirement: '原件' }],
        })
      ).statusCode,
      200,
    );
  });
  assert.ok(appended);
  assert.deepEqual(r.breaks, []);
  // Data that is no longer JSON is named, not a crash.
  const victim = await t.db
    .selectFrom('case_events')
    .selectAll()
    .where('case_id', '=', old.id)
    .orderBy('seq')
    .executeTakeFirstOrThrow();
  await t.db.updateTable('case_events').set({ data: '{"receiptNo":' }).where('id', '=', victim.id).execute();
  const bad = await verifyChains(t.db);
  assert.ok(
    bad.breaks.some(
      (b) =>
        b.chain === 'case' && b.caseId === old.id && b.seq === victim.seq && /not valid JSON/.test(b.reason),
    ),
    JSON.stringify(bad.breaks),
  );
  await t.db.updateTable('case_events').set({ data: victim.data }).where('id', '=', victim.id).execute();
  assert.deepEqual((await verifyChains(t.db)).breaks, []);
});

test('the history chain detects an altered or deleted event and names it', async () => {
  const ok = await verifyChains(t.db);
  assert.deepEqual(ok.breaks, []);
  assert.ok(ok.events > 20, `events so far: ${ok.events}`);
  const victim = await t.db
    .selectFrom('case_events')
    .selectAll()
    .where('kind', '=', 'accept')
    .orderBy('global_seq')
    .executeTakeFirstOrThrow();
  await t.db
    .updateTable('case_events')
    .set({ data: victim.data.replace('"to":"under_review"', '"to":"completed"') })
    .where('id', '=', victim.id)
    .execute();
  const bad = await verifyChains(t.db);
  assert.ok(
    bad.breaks.some(
      (b) =>
        b.chain === 'case' && b.caseId === victim.case_id && b.seq === victim.seq && /altered/.test(b.reason),
    ),
    JSON.stringify(bad.breaks),
  );
  await t.db.updateTable('case_events').set({ data: victim.data }).where('id', '=', victim.id).execute();
  assert.deepEqual((await verifyChains(t.db)).breaks, []);
  const last = await t.db
    .selectFrom('case_events')
    .selectAll()
    .orderBy('global_seq', 'desc')
    .executeTakeFirstOrThrow();
  await t.db.deleteFrom('case_events').where('id', '=', last.id).execute();
  const gone = await verifyChains(t.db);
  assert.ok(
    gone.breaks.some((b) => b.chain === 'global'),
    JSON.stringify(gone.breaks),
  );
  assert.ok(gone.breaks.some((b) => b.chain === 'case' && b.caseId === last.case_id));
});

test('first inquiry: the first staff member asked owns it, hands over on record, the colleague answers', async () => {
  await clerk.relogin();
  const r = await clerk.req('POST', '/api/v1/inquiries', {
    personName: '孙女士',
    contact: '13911112222',
    question: '开奶茶店需要办哪些证？',
  });
  assert.equal(r.statusCode, 201, r.body);
  const list = (await clerk.req('GET', '/api/v1/inquiries?status=open')).json();
  const q = list.items.find((x: Row) => x.id === r.json().id);
  assert.ok(q.dueDate);
  const rev = (
    await t.db.selectFrom('users').select('id').where('username', '=', 'reviewer').executeTakeFirstOrThrow()
  ).id;
  assert.equal(
    (
      await clerk.req('POST', `/api/v1/inquiries/${q.id}/handover`, {
        version: q.version,
        toUserId: rev,
        note: '涉及食品经营许可细节',
      })
    ).statusCode,
    204,
  );
  assert.equal(
    (await clerk.req('POST', `/api/v1/inquiries/${q.id}/answer`, { version: q.version + 1, answer: 'x' }))
      .statusCode,
    403,
    'no longer the owner',
  );
  await reviewer.relogin();
  assert.equal(
    (
      await reviewer.req('POST', `/api/v1/inquiries/${q.id}/answer`, {
        version: q.version + 1,
        answer: '需办理营业执照和食品经营许可，可走“我要开餐馆”一件事。',
      })
    ).statusCode,
    204,
  );
  const audit = await t.db
    .selectFrom('audit_events')
    .select('action')
    .where('entity_id', '=', q.id)
    .execute();
  assert.deepEqual(audit.map((a) => a.action).sort(), [
    'inquiry.answered',
    'inquiry.handed_over',
    'inquiry.recorded',
  ]);
});

test('online only where the item is published for it: 结婚登记 is applied for at the window', async () => {
  const marriage = await item('结婚登记');
  assert.equal(marriage.name, '结婚登记');
  const online = await citizen.req('POST', '/api/v1/cases', { itemId: marriage.id, form: {}, materials: [] });
  assert.equal(online.statusCode, 400, online.body);
  assert.deepEqual(
    online.json().errors.map((e: { path: string; code: string }) => [e.path, e.code]),
    [['/body/itemId', 'not_online']],
  );
  const clerk = await demo('clerk');
  const walkIn = await clerk.req('POST', '/api/v1/cases', {
    itemId: marriage.id,
    applicant: { kind: 'person', name: '张小明', idNumber: '11010519491231002X' },
    form: {},
    materials: [],
  });
  assert.equal(walkIn.statusCode, 201, walkIn.body);
});

test('blank text, a material listed twice, a day that does not exist: 400 with the field named, never a 500', async () => {
  const food = await item('食品经营许可');
  const c = (
    await citizen.req('POST', '/api/v1/cases', {
      itemId: food.id,
      form: { 经营场所: '清河市人民路5号', 经营项目: '热食类食品制售' },
      materials: [],
    })
  ).json().case;
  const expect400 = async (path: string, body: Record<string, unknown>, field: string, code: string) => {
    const r = await act(clerk, c.id, path, { version: c.version, ...body });
    assert.equal(r.statusCode, 400, `${path}: ${r.body}`);
    assert.ok(
      r.json().errors.some((e: FieldErr) => e.path === field && e.code === code),
      `${path}: ${r.body}`,
    );
    return r.json().errors.find((e: FieldErr) => e.path === field);
  };
  const blank = await expect400(
    'refuse-intake',
    { reasons: ['经营场所位于规划禁止区域'], competentAgency: '  ' },
    '/body/competentAgency',
    'pattern',
  );
  assert.equal(blank.message, '不能只有空白');
  await expect400(
    'supplement-request',
    { items: [{ name: '\t', requirement: '原件' }] },
    '/body/items/0/name',
    'pattern',
  );
  await expect400(
    'supplement-request',
    {
      items: [
        { name: '营业执照', requirement: '原件' },
        { name: '营业执照 ', requirement: '复印件' },
      ],
    },
    '/body/items/1/name',
    'duplicate',
  );
  const day = await expect400(
    'accept-with-shortfall',
    { deadline: '2026-11-31', commitment: '承诺按期补交' },
    '/body/deadline',
    'format',
  );
  assert.equal(day.message, '不是有效的日期（YYYY-MM-DD）');
  // nothing happened to the case
  assert.equal((await clerk.req('GET', `/api/v1/cases/${c.id}`)).json().version, c.version);
  // A leap second is RFC 3339 but no JavaScript date: refused before anyone is asked who they are.
  const leap = await new Client(t.app).req('GET', '/api/v1/audit-events?from=2016-12-31T23:59:60Z');
  assert.equal(leap.statusCode, 400, leap.body);
  assert.equal(leap.json().errors[0].path, '/query/from');
});

test('an applicant account without a checked identity is told to apply at a window, not given a 500', async () => {
  // Older data: an applicant account created before administrators were limited to staff accounts.
  const u = (
    await t.db.selectFrom('users').select('id').where('username', '=', 'citizen').executeTakeFirstOrThrow()
  ).id;
  await t.db
    .insertInto('users')
    .values({
      id: 'no-identity-user',
      username: 'noidentity',
      display_name: '无证件',
      role: 'applicant',
      department_id: null,
      applicant_kind: null,
      id_number: null,
      credit_code: null,
      phone: null,
      email: null,
      password_hash: (
        await t.db.selectFrom('users').select('password_hash').where('id', '=', u).executeTakeFirstOrThrow()
      ).password_hash,
      status: 'active',
      failed_logins: 0,
      locked_until: null,
      created_at: t.clock.now().toISOString(),
      updated_at: t.clock.now().toISOString(),
      version: 1,
    })
    .execute();
  const who = await new Client(t.app).login('noidentity', DEMO_PASSWORD);
  const food = await item('食品经营许可');
  const r = await who.req('POST', '/api/v1/cases', { itemId: food.id, form: {}, materials: [] });
  assert.equal(r.statusCode, 400, r.body);
  assert.equal(r.json().errors[0].code, 'identity_missing');
  assert.equal(
    (await t.db.selectFrom('cases').select('id').where('created_by', '=', 'no-identity-user').execute())
      .length,
    0,
  );
});

test('a department that decides its part lets its pending extension request lapse', async () => {
  const bundle = (await new Client(t.app).req('GET', '/api/v1/bundles/YJS-KBG')).json();
  const all = bundle.materials
    .filter((m: Material) => m.required && ['applicant', 'window_check'].includes(m.source))
    .map((m: Material) => ({ name: m.name, paper: true }));
  const r = await clerk.req('POST', '/api/v1/cases', {
    bundleCode: 'YJS-KBG',
    applicant: {
      kind: 'enterprise',
      name: '清河市迎宾馆有限公司',
      creditCode: '91350100M000100Y43',
      phone: '13900002222',
    },
    form: { 场所: '清河市滨江路9号' },
    materials: all,
  });
  assert.equal(r.statusCode, 201, r.body);
  const c0 = (await clerk.req('GET', `/api/v1/cases/${r.json().case.id}`)).json();
  const c1 = (await act(clerk, c0.id, 'accept', { version: c0.version })).json().case;
  const mine = c1.tasks.find((x: Row) => x.department?.code === 'SCJ');
  const otherTask = c1.tasks.find((x: Row) => x.department?.code !== 'SCJ');
  const otherReviewer = await staff(
    t,
    `rev.lapse.${otherTask.department.code.toLowerCase()}`,
    'reviewer',
    otherTask.department.code,
  );
  const asked = await act(reviewer, c0.id, 'extension-requests', {
    version: c1.version,
    taskId: mine.id,
    days: 10,
    reason: '需征求消防部门意见',
  });
  assert.equal(asked.statusCode, 200, asked.body);
  const recordId = asked.json().result.recordId;
  const blocked = await act(otherReviewer, c0.id, 'extension-requests', {
    version: asked.json().case.version,
    taskId: otherTask.id,
    days: 5,
    reason: '需现场复核',
  });
  assert.equal(blocked.statusCode, 409, 'one request at a time');
  const decided = await act(reviewer, c0.id, 'decisions', {
    version: asked.json().case.version,
    taskId: mine.id,
    decision: 'approve',
  });
  assert.equal(decided.statusCode, 200, decided.body);
  const late = await act(head, c0.id, `extension-requests/${recordId}/decision`, {
    version: decided.json().case.version,
    approve: true,
  });
  assert.equal(late.statusCode, 409, late.body);
  assert.match(late.json().detail, /lapsed/);
  const now = await act(otherReviewer, c0.id, 'extension-requests', {
    version: decided.json().case.version,
    taskId: otherTask.id,
    days: 5,
    reason: '需现场复核',
  });
  assert.equal(now.statusCode, 200, `the other department is no longer held up: ${now.body}`);
  const record = await t.db
    .selectFrom('case_records')
    .select(['status', 'version'])
    .where('id', '=', recordId)
    .executeTakeFirstOrThrow();
  assert.deepEqual(record, { status: 'lapsed', version: 2 });
});

test('two passes of deemed acceptance at once (two instances): each case accepted once, neither pass fails', async () => {
  await clerk.relogin();
  const food = await item('食品经营许可');
  const ids: string[] = [];
  for (const name of ['赵一', '赵二', '赵三']) {
    const r = await clerk.req('POST', '/api/v1/cases', {
      itemId: food.id,
      applicant: { kind: 'person', name, idNumber: '11010519491231002X' },
      form: {},
      materials: [],
    });
    assert.equal(r.statusCode, 201, r.body);
    ids.push(r.json().case.id);
  }
  // Their acceptance clocks turned red (the supervision pass that would also deem them is not run here).
  const clocks = (
    await t.db.selectFrom('cases').select('acceptance_clock_id').where('id', 'in', ids).execute()
  ).map((c) => c.acceptance_clock_id!);
  await t.db.updateTable('clocks').set({ colour: 'red' }).where('id', 'in', clocks).execute();
  const { deps } = caseModule(t);
  const [a, b] = await Promise.all([deemAcceptOverdue(deps), deemAcceptOverdue(deps)]);
  assert.equal(a + b, 3, `accepted ${a} + ${b}`);
  const states = await t.db.selectFrom('cases').select('state').where('id', 'in', ids).execute();
  assert.deepEqual(
    states.map((x) => x.state),
    ['under_review', 'under_review', 'under_review'],
  );
  const accepts = await t.db
    .selectFrom('case_events')
    .select('case_id')
    .where('case_id', 'in', ids)
    .where('kind', '=', 'accept')
    .execute();
  assert.equal(accepts.length, 3, 'one acceptance each');
});

// Last in this file: it moves the clock into the next year.
test("numbers follow the center's calendar: 07:30 on 1 January in 清河 is already the new year", async () => {
  t.clock.set('2026-12-31T23:30:00.000Z'); // 2027-01-01 07:30 in China Standard Time
  await Promise.all([citizen.relogin(), clerk.relogin()]);
  const food = await item('食品经营许可');
  const r = await citizen.req('POST', '/api/v1/cases', {
    itemId: food.id,
    form: { 经营场所: '清河市人民路6号', 经营项目: '热食类食品制售' },
    materials: [],
  });
  assert.equal(r.statusCode, 201, r.body);
  assert.match(r.json().case.receiptNo, /^QH2027\d{7}$/);
  const c = r.json().case;
  const notice = await act(clerk, c.id, 'supplement-request', {
    version: c.version,
    items: [{ name: '营业执照', requirement: '原件扫描件' }],
  });
  assert.equal(notice.statusCode, 200, notice.body);
  const doc = notice.json().case.documents.find((d: { kind: string }) => d.kind === 'supplement_notice');
  assert.match(doc.number, /2027/);
  assert.doesNotMatch(doc.number, /2026/);
});

test('a confirmed holiday calendar moves the deadline the public tracking page shows', async () => {
  // (runs after the new-year test: the center's clock reads 2027-01-01 07:30; 2027 is not yet confirmed)
  await Promise.all([clerk.relogin()]);
  const admin = await demo('admin');
  const admin2 = await staff(t, 'admin.second', 'admin');
  const food = await item('食品经营许可');
  const guide = (await new Client(t.app).req('GET', `/api/v1/items/${food.id}`)).json();
  const materials = guide.materials
    .filter((m: Material) => m.required && ['applicant', 'window_check'].includes(m.source))
    .map((m: Material) => ({ name: m.name, paper: true }));
  const r = await clerk.req('POST', '/api/v1/cases', {
    itemId: food.id,
    applicant: { kind: 'person', name: '孙九', idNumber: '11010519491231002X' },
    form: { 经营场所: '清河市人民路9号', 经营项目: '热食类食品制售' },
    materials,
  });
  assert.equal(r.statusCode, 201, r.body);
  const acc = await act(clerk, r.json().case.id, 'accept', { version: r.json().case.version });
  assert.equal(acc.statusCode, 200, acc.body);
  const track = async () =>
    (
      await new Client(t.app).req(
        'GET',
        `/api/v1/track/${r.json().case.receiptNo}?code=${r.json().checkCode}`,
      )
    ).json();
  const before = await track();
  assert.equal(before.deadline.provisional, true);
  const due = before.deadline.dueDate;
  const prop = await admin.req('POST', '/api/v1/admin/calendar/proposals', {
    format: 'holiday-cn',
    source: '测试通知',
    content: {
      year: 2027,
      papers: ['测试用通知（非真实）'],
      days: [{ name: '测试假日', date: '2027-01-05', isOffDay: true }],
    },
  });
  assert.equal(prop.statusCode, 201, prop.body);
  const ok = await admin2.req('POST', `/api/v1/admin/calendar/proposals/${prop.json().id}/confirm`, {});
  assert.equal(ok.statusCode, 200, ok.body);
  const clock = (await clerk.req('GET', `/api/v1/cases/${r.json().case.id}`)).json().clocks.case;
  assert.notEqual(clock.dueDate, due, 'the holiday moved the deadline');
  const after = await track();
  assert.equal(after.deadline.dueDate, clock.dueDate);
  assert.equal(after.deadline.provisional, false);
  assert.equal(after.predictedCompletion, clock.dueDate);
});

/** A walk-in application for 食品经营许可 taken in by the clerk, without materials: its case id. */
async function walkInCase(name: string): Promise<string> {
  const food = await item('食品经营许可');
  const sub = await clerk.req('POST', '/api/v1/cases', {
    itemId: food.id,
    applicant: { kind: 'person', name, idNumber: '11010519491231002X' },
    form: {},
    materials: [],
  });
  assert.equal(sub.statusCode, 201, sub.body);
  return sub.json().case.id;
}

/** A pool whose renders wait for the test (and fail while told to), in front of the real one. */
function gatedPool() {
  let open!: () => void;
  let gate = new Promise<void>((r) => (open = r));
  const state = { failing: false, calls: 0 };
  const pool = {
    size: 1,
    render: async (input: DocumentInput) => {
      state.calls++;
      await gate;
      if (state.failing) throw new Error('the font file could not be read');
      return renderPool().render(input);
    },
  } as unknown as RenderPool;
  return {
    pool,
    state,
    release: () => open(),
    close: () => (gate = new Promise<void>((r) => (open = r))),
  };
}

const docRow = (id: string) =>
  t.db.selectFrom('documents').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
const jobOf = (id: string) =>
  t.db.selectFrom('document_renders').selectAll().where('document_id', '=', id).executeTakeFirst();

test('an act fixes its document and queues its render; the PDF is made after the commit, and a download waits for it', async () => {
  const caseId = await walkInCase('文书异步');
  const m = caseModule(t.appContext);
  const gated = gatedPool();
  const renderer = new DocumentRenderer(t.database, t.clock, t.calendars, m.storage, gated.pool);
  renderer.afterRendered.push(...m.renderer.afterRendered);
  const deps = { ...m.deps, documents: new CaseDocumentIssuer(renderer, t.config.publicBaseUrl) };
  const c = (await clerk.req('GET', `/api/v1/cases/${caseId}`)).json();
  await refuseIntake(deps, systemActor('test'), caseId, c.version, { reasons: ['不属于本中心受理范围'] });

  // Committed: the content is fixed and hashed, the job queued, and no PDF exists yet.
  const view = (await clerk.req('GET', `/api/v1/cases/${caseId}`)).json();
  const listed = view.documents.find((d: { kind: string }) => d.kind === 'non_acceptance_notice');
  assert.equal(listed.state, 'preparing');
  assert.equal(listed.sha256, null);
  assert.match(listed.contentSha256, /^[0-9a-f]{64}$/);
  assert.ok(await jobOf(listed.id), 'its render job is queued with it');
  const stored = await docRow(listed.id);
  assert.equal(stored.content_sha256, listed.contentSha256);
  assert.equal(JSON.parse(stored.content).number, listed.number, 'the input it renders from is stored');
  const tracked = (
    await t.db.selectFrom('cases').select('tracking').where('id', '=', caseId).executeTakeFirstOrThrow()
  ).tracking!;
  assert.equal(JSON.parse(tracked).documents.at(-1).state, 'preparing');
  // A download that cannot wait long enough is told to come back, in the reader's language.
  await assert.rejects(readyDocument(t.db, renderer, stored, 30), (e: AppError) => {
    assert.equal(e.code, 'document_preparing');
    assert.equal(e.extra.retryAfter, 5);
    return true;
  });

  // Over HTTP the download waits its bound (10 s), then answers 503 with Retry-After, in both languages.
  const url = `/api/v1/cases/${caseId}/documents/${listed.id}`;
  const [zh, en] = await Promise.all(
    ['zh-CN', 'en'].map((lang) => clerk.req('GET', url, undefined, { 'accept-language': lang })),
  );
  for (const [r, text] of [
    [zh!, /正在生成/],
    [en!, /still being prepared/],
  ] as const) {
    assert.equal(r.statusCode, 503, r.body);
    assert.equal(r.headers['retry-after'], '5');
    assert.equal(r.json().code, 'document_preparing');
    assert.match(r.json().detail ?? r.json().title, text);
    assert.ok(r.body.includes(listed.number), 'names the document');
  }

  // The download waits while the render finishes, and gets the PDF whose hash the case now lists.
  const download = citizenOrClerkDownload(caseId, listed.id);
  gated.release();
  await renderer.render(listed.id);
  const pdf = await download;
  assert.equal(pdf.statusCode, 200, pdf.body);
  assert.equal(pdf.rawPayload.subarray(0, 5).toString(), '%PDF-');
  assert.match(pdf.rawPayload.toString('latin1'), new RegExp(`content-sha256:${listed.contentSha256}`));
  const after = (await clerk.req('GET', `/api/v1/cases/${caseId}`)).json();
  const ready = after.documents.find((d: { id: string }) => d.id === listed.id);
  assert.equal(ready.state, 'ready');
  assert.equal(ready.sha256, pdf.headers['x-sha256']);
  assert.equal(createHash('sha256').update(pdf.rawPayload).digest('hex'), ready.sha256);
  assert.equal(await jobOf(listed.id), undefined, 'the job is done');
  const rendered = await t.db
    .selectFrom('audit_events')
    .select('data')
    .where('action', '=', 'document.rendered')
    .where('entity_id', '=', listed.id)
    .execute();
  assert.equal(rendered.length, 1);
  const snapshot = (
    await t.db.selectFrom('cases').select('tracking').where('id', '=', caseId).executeTakeFirstOrThrow()
  ).tracking!;
  assert.equal(JSON.parse(snapshot).documents.at(-1).sha256, ready.sha256, 'the public page lists the PDF');
});

function citizenOrClerkDownload(caseId: string, docId: string) {
  return clerk.req('GET', `/api/v1/cases/${caseId}/documents/${docId}`);
}

test('a render that keeps failing is retried with backoff, then signalled; the document stays and renders once it can', async () => {
  const caseId = await walkInCase('文书失败');
  const m = caseModule(t.appContext);
  const gated = gatedPool();
  gated.state.failing = true;
  gated.release();
  const renderer = new DocumentRenderer(t.database, t.clock, t.calendars, m.storage, gated.pool);
  const deps = { ...m.deps, documents: new CaseDocumentIssuer(renderer, t.config.publicBaseUrl) };
  const c = (await clerk.req('GET', `/api/v1/cases/${caseId}`)).json();
  await refuseIntake(deps, systemActor('test'), caseId, c.version, { reasons: ['材料不属于本事项'] });
  const id = (
    await t.db.selectFrom('documents').select('id').where('case_id', '=', caseId).executeTakeFirstOrThrow()
  ).id;
  await renderer.render(id); // (already under way since the commit: this joins it)
  for (let attempt = 1; attempt < RENDER_ATTEMPTS; attempt++) {
    const d = await docRow(id);
    assert.equal(d.attempts, attempt);
    assert.equal(d.state, 'preparing');
    assert.match(d.last_error ?? '', /font file/);
    // not due again before its backoff
    assert.equal(await renderer.drain(), 0);
    t.clock.advance(2_000 * 4 ** (attempt - 1));
    assert.equal(await renderer.drain(), 1);
  }
  const failed = await docRow(id);
  assert.equal(failed.state, 'failed');
  assert.equal(failed.attempts, RENDER_ATTEMPTS);
  const signals = await t.db
    .selectFrom('supervision_signals')
    .selectAll()
    .where('kind', '=', 'document_render_failed')
    .where('subject_id', '=', caseId)
    .execute();
  assert.equal(signals.length, 1, 'supervisors are told once');
  assert.ok(await jobOf(id), 'the job stays: the document is never lost');

  // After a restart (a new renderer) with the fault mended, the hourly retry renders it from what was stored.
  const mended = new DocumentRenderer(t.database, t.clock, t.calendars, m.storage, renderPool());
  t.clock.advance(3_600_000);
  assert.equal(await mended.drain(), 1);
  const d = await docRow(id);
  assert.equal(d.state, 'ready');
  assert.match(d.sha256 ?? '', /^[0-9a-f]{64}$/);
  assert.equal(
    createHash('sha256')
      .update(await m.storage.get(d.storage_key!))
      .digest('hex'),
    d.sha256,
  );
  assert.equal(await jobOf(id), undefined);
});

test('a job issued by an instance that stopped is resumed: at once on an SQLite file, after its lease on PostgreSQL', async () => {
  const caseId = await walkInCase('文书恢复');
  const m = caseModule(t.appContext);
  const stopped = gatedPool(); // never released: the instance stops with the job in its hands
  const renderer = new DocumentRenderer(t.database, t.clock, t.calendars, m.storage, stopped.pool);
  const deps = { ...m.deps, documents: new CaseDocumentIssuer(renderer, t.config.publicBaseUrl) };
  const c = (await clerk.req('GET', `/api/v1/cases/${caseId}`)).json();
  await refuseIntake(deps, systemActor('test'), caseId, c.version, { reasons: ['不属于本中心受理范围'] });
  const id = (
    await t.db.selectFrom('documents').select('id').where('case_id', '=', caseId).executeTakeFirstOrThrow()
  ).id;
  const next = new DocumentRenderer(t.database, t.clock, t.calendars, m.storage, renderPool());
  assert.equal(await next.drain(), 0, 'leased to the instance that issued it');
  if (TEST_DIALECT === 'sqlite') assert.ok((await next.drain({ all: true })) >= 1);
  else {
    t.clock.advance(RENDER_LEASE_MS);
    assert.ok((await next.drain()) >= 1);
  }
  assert.equal((await docRow(id)).state, 'ready');
});

test('two instances draining one queue claim different jobs (FOR UPDATE SKIP LOCKED on PostgreSQL)', async () => {
  const m = caseModule(t.appContext);
  const held = gatedPool();
  const issuer = new DocumentRenderer(t.database, t.clock, t.calendars, m.storage, held.pool);
  const deps = { ...m.deps, documents: new CaseDocumentIssuer(issuer, t.config.publicBaseUrl) };
  const ids: string[] = [];
  for (let i = 0; i < 6; i++) {
    const caseId = await walkInCase(`并发${i}`);
    const c = (await clerk.req('GET', `/api/v1/cases/${caseId}`)).json();
    await refuseIntake(deps, systemActor('test'), caseId, c.version, { reasons: ['不属于本中心受理范围'] });
    ids.push(
      (
        await t.db
          .selectFrom('documents')
          .select('id')
          .where('case_id', '=', caseId)
          .executeTakeFirstOrThrow()
      ).id,
    );
  }
  t.clock.advance(RENDER_LEASE_MS);
  const a = new DocumentRenderer(t.database, t.clock, t.calendars, m.storage, renderPool());
  const b = new DocumentRenderer(t.database, t.clock, t.calendars, m.storage, renderPool());
  await Promise.all([a.drain(), b.drain()]);
  const claims = await t.db
    .selectFrom('audit_events')
    .select('data')
    .where('action', '=', 'document.renders_claimed')
    .where('at', '>=', t.clock.now().toISOString())
    .execute();
  const claimed = claims.flatMap((r) => (JSON.parse(r.data) as { documents: string[] }).documents);
  for (const id of ids) assert.equal(claimed.filter((x) => x === id).length, 1, 'each job claimed once');
  for (const id of ids) assert.equal((await docRow(id)).state, 'ready');
});
