import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { createTestContext, type TestContext } from '../../../test/test-context.js';
import { Client } from '../../../test/http.js';
import { seedDemo, DEMO_PASSWORD } from '../../seed/seed-demo.js';
import type { LetterViewT } from './schemas.js';

let t: TestContext;
let clerk: Client, reviewer: Client, head: Client, sup: Client, wjw: Client, citizen: Client;
const dept: Record<string, string> = {};
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
const demo = (u: string) => new Client(t.app).login(u, DEMO_PASSWORD);

before(async () => {
  t = await createTestContext({ start: '2026-11-30T01:30:00.000Z' }); // Monday 09:30 in 清河
  await seedDemo(t.db, t.clock);
  [clerk, reviewer, head, sup, wjw, citizen] = (await Promise.all(
    ['clerk', 'reviewer', 'head', 'supervisor', 'reviewer.wjw', 'citizen'].map(demo),
  )) as [Client, Client, Client, Client, Client, Client];
  for (const d of await t.db.selectFrom('departments').select(['id', 'code']).execute()) dept[d.code] = d.id;
});
after(() => t.close());

const letter = {
  kind: 'citizen',
  senderName: '张小明',
  senderIdNumber: '11010519491231002X',
  senderPhone: '13800138000',
  senderAddress: '清河市人民路1号',
  receivedDate: '2026-11-27',
  subject: '关于夜市占道经营扰民的反映',
  summary: '人民路夜市每晚占道经营至凌晨，噪声扰民。',
};
const register = async (over: Record<string, unknown> = {}) => {
  const r = await clerk.req('POST', '/api/v1/letters', { ...letter, ...over });
  assert.equal(r.statusCode, 201, r.body);
  return r.json() as LetterViewT;
};
const act = (c: Client, id: string, path: string, body: Record<string, unknown>) =>
  c.req('POST', `/api/v1/letters/${id}/${path}`, body);
const ok = async (c: Client, id: string, path: string, body: Record<string, unknown>) => {
  const r = await act(c, id, path, body);
  assert.equal(r.statusCode, 200, r.body);
  return r.json() as LetterViewT;
};
function uploadOriginal(c: Client, id: string, version: number, data: Buffer) {
  const boundary = '----ow' + Math.random().toString(16).slice(2);
  const body = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="来函扫描件.pdf"\r\nContent-Type: application/octet-stream\r\n\r\n`,
    ),
    data,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return t.app.inject({
    method: 'POST',
    url: `/api/v1/letters/${id}/original?version=${version}`,
    payload: body,
    headers: {
      'content-type': `multipart/form-data; boundary=${boundary}`,
      cookie: c.cookie,
      'x-csrf-token': c.csrf,
    },
  });
}

test('the registry numbers letters without gaps and refuses what cannot be right, in both languages', async () => {
  const a = await register();
  const b = await register({ kind: 'agency', senderName: '清河市信访局', senderIdNumber: undefined });
  assert.match(a.number, /^LH2026\d{6}$/);
  assert.equal(Number(b.number.slice(6)), Number(a.number.slice(6)) + 1);
  assert.equal(a.state, 'registered');
  assert.deepEqual(a.allowedActions, ['attach_original', 'assign']);

  const future = await clerk.req(
    'POST',
    '/api/v1/letters',
    { ...letter, receivedDate: '2026-12-01' },
    {
      'accept-language': 'en',
    },
  );
  assert.equal(future.statusCode, 400);
  assert.equal(future.json().errors[0].path, '/body/receivedDate');
  assert.match(future.json().errors[0].message, /after today/);
  const old = await clerk.req('POST', '/api/v1/letters', { ...letter, receivedDate: '2025-11-29' });
  assert.equal(old.statusCode, 400);
  assert.equal(old.json().errors[0].code, 'too_old');
  const badId = await clerk.req('POST', '/api/v1/letters', {
    ...letter,
    senderIdNumber: '110105194912310021',
  });
  assert.equal(badId.statusCode, 400);
  assert.match(badId.json().errors[0].message, /校验位/);
  assert.equal((await reviewer.req('POST', '/api/v1/letters', letter)).statusCode, 403);
  assert.equal((await new Client(t.app).req('POST', '/api/v1/letters', letter)).statusCode, 401);
  assert.equal((await citizen.req('GET', `/api/v1/letters/${a.id}`)).statusCode, 403);
});

test('the scanned original is checked like case materials, and only the registry and the department open it', async () => {
  const l = await register();
  const text = await uploadOriginal(clerk, l.id, l.version, Buffer.from('not a scan at all, just text'));
  assert.equal(text.statusCode, 415);
  assert.equal((await uploadOriginal(reviewer, l.id, l.version, PDF)).statusCode, 403);
  const done = await uploadOriginal(clerk, l.id, l.version, PDF);
  assert.equal(done.statusCode, 200, done.body);
  const v = done.json() as LetterViewT;
  assert.equal(v.original?.mime, 'application/pdf');
  assert.equal(v.original?.sha256, createHash('sha256').update(PDF).digest('hex'));
  assert.equal((await uploadOriginal(clerk, l.id, l.version, PDF)).statusCode, 409, 'a stale version');
  const got = await clerk.req('GET', `/api/v1/letters/${l.id}/original`);
  assert.equal(got.statusCode, 200);
  assert.deepEqual(got.rawPayload, PDF);
  assert.equal((await sup.req('GET', `/api/v1/letters/${l.id}/original`)).statusCode, 403);
});

test('assigned, answered on the clock: extension by the head, the reply letter issued as a PDF', async () => {
  let l = await register();
  l = await ok(clerk, l.id, 'assign', { version: l.version, departmentId: dept.SCJ });
  assert.equal(l.state, 'assigned');
  assert.equal(l.clock?.subjectType, 'letter');
  assert.equal(l.clock?.startDate, '2026-11-27', 'a letter waits from the day it came in');
  assert.equal(l.clock?.limitDays, 15);
  assert.equal(l.dueDate, '2026-12-18');
  assert.match(l.clock!.label, /^来函答复：LH2026/);
  const notice = await t.db
    .selectFrom('notification_outbox')
    .select(['kind', 'recipient_type', 'recipient_id', 'payload'])
    .where('subject_id', '=', l.id)
    .executeTakeFirstOrThrow();
  assert.deepEqual(
    { ...notice, payload: JSON.parse(notice.payload) },
    {
      kind: 'letter_assigned',
      recipient_type: 'department',
      recipient_id: dept.SCJ,
      payload: { number: l.number, subject: l.subject, dueDate: '2026-12-18' },
    },
  );

  // The department sees it to answer; another department does not see it at all.
  const mine = (await reviewer.req('GET', '/api/v1/letters/department')).json();
  assert.ok(mine.items.some((i: LetterViewT) => i.id === l.id));
  assert.equal((await wjw.req('GET', `/api/v1/letters/${l.id}`)).statusCode, 403);
  assert.ok(!(await wjw.req('GET', '/api/v1/letters')).json().items.some((i: LetterViewT) => i.id === l.id));
  const asReviewer = (await reviewer.req('GET', `/api/v1/letters/${l.id}`)).json() as LetterViewT;
  assert.deepEqual(asReviewer.allowedActions, ['request_extension', 'answer']);
  assert.equal(asReviewer.senderPhone, '13800138000');

  const early = await act(reviewer, l.id, 'extension-decision', { version: l.version, approve: true });
  assert.equal(early.statusCode, 403, 'only the head grants time');
  l = await ok(reviewer, l.id, 'extension-request', {
    version: l.version,
    days: 5,
    reason: '需会同城管部门现场核查',
  });
  assert.deepEqual(l.extensionRequest, {
    days: 5,
    reason: '需会同城管部门现场核查',
    requestedBy: l.extensionRequest!.requestedBy,
  });
  const twice = await act(reviewer, l.id, 'extension-request', {
    version: l.version,
    days: 1,
    reason: '再延',
  });
  assert.equal(twice.statusCode, 409);
  l = await ok(head, l.id, 'extension-decision', { version: l.version, approve: true, note: '同意' });
  assert.equal(l.dueDate, '2026-12-25', 'five more working days');
  assert.equal(l.clock?.extensionDays, 5);
  const again = await act(reviewer, l.id, 'extension-request', {
    version: l.version,
    days: 3,
    reason: '再延',
  });
  assert.equal(again.statusCode, 422, 'a letter is extended once');

  const reply = '经现场核查，人民路夜市已调整经营时间至22:00，并设置隔音围挡。\n城管部门将每周巡查。';
  l = await ok(reviewer, l.id, 'answer', { version: l.version, replyText: reply });
  assert.equal(l.state, 'answered');
  assert.match(l.reply!.number, /^清政服函〔2026〕第\d{6}号$/);
  assert.equal(l.reply!.text, reply);
  assert.equal(l.clock?.status, 'stopped');
  assert.equal(l.clock?.outcome, 'answered');
  assert.deepEqual(l.allowedActions, []);
  const pdf = await sup.req('GET', `/api/v1/letters/${l.id}/reply`);
  assert.equal(pdf.statusCode, 200);
  assert.equal(pdf.headers['content-type'], 'application/pdf');
  assert.ok(pdf.rawPayload.subarray(0, 5).equals(Buffer.from('%PDF-')));
  // The reply letter is rendered after the answer commits: the download waited for it, and the
  // letter now names the hash of the file it got.
  assert.ok(['preparing', 'ready'].includes(l.reply!.state));
  const rendered = (await sup.req('GET', `/api/v1/letters/${l.id}`)).json() as typeof l;
  assert.equal(rendered.reply!.state, 'ready');
  assert.equal(createHash('sha256').update(pdf.rawPayload).digest('hex'), rendered.reply!.sha256);
  assert.equal(pdf.headers['x-sha256'], rendered.reply!.sha256);
  const late = await act(reviewer, l.id, 'answer', { version: l.version, replyText: '再答' });
  assert.equal(late.statusCode, 409);
  assert.deepEqual(late.json().allowedActions, []);

  const audit = await t.db
    .selectFrom('audit_events')
    .select('action')
    .where('entity_type', '=', 'letter')
    .where('entity_id', '=', l.id)
    .orderBy('id')
    .execute();
  // (all in one instant of the test clock: compared as a set)
  assert.deepEqual(audit.map((a) => a.action).sort(), [
    'letter.answer',
    'letter.assign',
    'letter.decide_extension',
    'letter.registered',
    'letter.request_extension',
  ]);
});

test("a deputy's suggestion gets three months from assignment", async () => {
  let l = await register({
    kind: 'deputy_suggestion',
    senderName: '李代表',
    senderOrganization: '清河市人大代表',
  });
  l = await ok(clerk, l.id, 'assign', { version: l.version, departmentId: dept.SCJ });
  assert.equal(l.clock?.startDate, '2026-11-30', 'from the day it was handed over');
  // 28 February 2027 is a Sunday: the period ends on the next working day (Civil Code Art. 203).
  assert.ok(['2027-03-01', '2027-02-28'].includes(l.dueDate!), l.dueDate!);
  // About 60 working days, fewer when the Spring Festival of 2027 is confirmed.
  assert.ok(l.limitDays! >= 55 && l.limitDays! <= 66, String(l.limitDays));
  const custom = await register({ kind: 'deputy_suggestion', senderName: '王委员' });
  const c = await ok(clerk, custom.id, 'assign', {
    version: custom.version,
    departmentId: dept.SCJ,
    limitDays: 20,
  });
  assert.equal(c.limitDays, 20);
});

test('reassignment keeps the deadline, moves the letter and is audited; the same department is refused', async () => {
  let l = await register();
  l = await ok(clerk, l.id, 'assign', { version: l.version, departmentId: dept.SCJ });
  const due = l.dueDate;
  const same = await act(clerk, l.id, 'reassign', {
    version: l.version,
    departmentId: dept.SCJ,
    reason: '改派',
  });
  assert.equal(same.statusCode, 400);
  assert.equal(same.json().errors[0].code, 'same_department');
  l = await ok(clerk, l.id, 'reassign', {
    version: l.version,
    departmentId: dept.WJW,
    reason: '属卫生健康职责',
  });
  assert.equal(l.departmentId, dept.WJW);
  assert.equal(l.dueDate, due, 'passing a letter on does not reset its deadline');
  assert.equal((await reviewer.req('GET', `/api/v1/letters/${l.id}`)).statusCode, 403);
  assert.equal((await wjw.req('GET', `/api/v1/letters/${l.id}`)).statusCode, 200);
  const ev = await t.db
    .selectFrom('audit_events')
    .select('data')
    .where('action', '=', 'letter.reassign')
    .where('entity_id', '=', l.id)
    .executeTakeFirstOrThrow();
  assert.equal(JSON.parse(ev.data).reason, '属卫生健康职责');
});

test('supervisors see every letter with the sender masked, and the registry filters', async () => {
  const l = await register({ subject: '关于办事大厅停车难的意见' });
  const v = (await sup.req('GET', `/api/v1/letters/${l.id}`)).json() as LetterViewT;
  assert.equal(v.senderMasked, true);
  assert.equal(v.senderName, '张**');
  assert.equal(v.senderPhone, '138****8000');
  assert.equal(v.senderIdNumber, '110105********002X');
  assert.equal(v.senderAddress, '***');
  const firm = await register({
    kind: 'enterprise',
    senderName: '清河市味道餐饮管理有限公司',
    senderIdNumber: '91350100M000100Y43',
  });
  const firmView = (await sup.req('GET', `/api/v1/letters/${firm.id}`)).json() as LetterViewT;
  assert.equal(
    firmView.senderName,
    '清河市味道餐饮管理有限公司',
    "an enterprise's name is not personal data",
  );
  assert.equal(firmView.senderIdNumber, '91350100******0Y43');
  const byClerk = (await clerk.req('GET', `/api/v1/letters/${l.id}`)).json() as LetterViewT;
  assert.equal(byClerk.senderName, '张小明');
  const list = (
    await sup.req('GET', `/api/v1/letters?state=registered&kind=citizen&q=${encodeURIComponent('停车难')}`)
  ).json();
  assert.deepEqual(
    list.items.map((i: LetterViewT) => [i.id, i.senderName]),
    [[l.id, '张**']],
  );
});

test('an overdue letter raises its signal and a supervision order, and shows in the overdue views', async () => {
  let l = await register({ receivedDate: '2026-10-20', subject: '关于企业开办材料重复提交的反映' });
  l = await ok(clerk, l.id, 'assign', { version: l.version, departmentId: dept.SCJ });
  assert.ok(l.overdue, 'past its limit the moment it was assigned');
  assert.equal((await reviewer.req('GET', '/api/v1/letters/overdue')).statusCode, 403);
  const overdue = (await sup.req('GET', '/api/v1/letters/overdue')).json();
  assert.ok(overdue.items.some((i: LetterViewT) => i.id === l.id));
  const filtered = (await clerk.req('GET', '/api/v1/letters?overdue=true')).json();
  assert.ok(filtered.items.every((i: LetterViewT) => i.overdue));
  assert.ok(filtered.items.some((i: LetterViewT) => i.id === l.id));

  await t.supervision.drain();
  const signals = (
    await sup.req('GET', `/api/v1/supervision/signals?kind=letter_overdue&subjectId=${l.id}`)
  ).json();
  assert.equal(signals.total, 1);
  const orders = (await sup.req('GET', `/api/v1/supervision/orders?department=${dept.SCJ}`)).json();
  assert.ok(
    orders.items.some(
      (o: { subjectType: string; subjectId: string }) => o.subjectType === 'letter' && o.subjectId === l.id,
    ),
  );
  await t.supervision.drain();
  assert.equal(
    (await sup.req('GET', `/api/v1/supervision/signals?kind=letter_overdue&subjectId=${l.id}`)).json().total,
    1,
    'a second pass raises nothing twice',
  );
  // Answered late: it leaves the overdue views, and the clock keeps that it was late.
  const answered = await ok(head, l.id, 'answer', {
    version: l.version,
    replyText: '已核查，材料共享后不再重复提交。',
  });
  assert.equal(answered.clock?.history?.at(-1)?.data.onTime, false);
  assert.ok(
    !(await sup.req('GET', '/api/v1/letters/overdue')).json().items.some((i: LetterViewT) => i.id === l.id),
  );
});

test('an action the state does not allow is a 409 naming what is allowed', async () => {
  const l = await register();
  const r = await act(reviewer, l.id, 'answer', { version: l.version, replyText: '答复' });
  assert.equal(r.statusCode, 403, 'not yet the department’s letter');
  const r2 = await act(clerk, l.id, 'reassign', {
    version: l.version,
    departmentId: dept.WJW,
    reason: '改派',
  });
  assert.equal(r2.statusCode, 409);
  assert.deepEqual(r2.json().allowedActions, ['attach_original', 'assign']);
  const kinds = (await clerk.req('GET', '/api/v1/letter-kinds')).json();
  assert.deepEqual(
    kinds.find((k: { kind: string }) => k.kind === 'citizen'),
    {
      kind: 'citizen',
      zh: '群众来信',
      en: "A citizen's letter",
      unit: 'working_days',
      n: 15,
    },
  );
});

test('two clerks assigning one letter at once: one wins, the other is told it changed, and one clock runs', async () => {
  const l = await register();
  const answers = await Promise.all(
    [dept.SCJ, dept.WJW].map((d) => act(clerk, l.id, 'assign', { version: l.version, departmentId: d })),
  );
  assert.deepEqual(answers.map((r) => r.statusCode).sort(), [200, 409]);
  const clocks = await t.db.selectFrom('clocks').select('id').where('subject_id', '=', l.id).execute();
  assert.equal(clocks.length, 1, 'the loser’s clock was rolled back with it');
});
