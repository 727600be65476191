import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { SMTPServer } from 'smtp-server';
import pino from 'pino';
import { createTestContext, TEST_DIALECT, type TestContext } from '../../../test/test-context.js';
import { smallCatalogue } from '../../../test/fixtures.js';
import { PASSWORD } from '../../../test/http.js';
import { loadConfig } from '../../config/config.js';
import { openDatabase, type DatabaseHandle } from '../../db/database.js';
import { systemActor, type Role } from '../../shared/actor.js';
import { newId } from '../../shared/ids.js';
import { importCatalogue } from '../catalogue/import-catalogue.js';
import { registerApplicant } from '../identity/register-applicant.js';
import { createUser } from '../identity/create-user.js';
import { enqueueNotifications, type OutboxInput } from '../supervision/signals.js';
import { channelsFromConfig } from './channels/channels-from-config.js';
import { inboxChannel } from './channels/inbox-channel.js';
import { MAX_ATTEMPTS, RETRY_DELAYS_MS } from './claim-deliveries.js';
import { NotificationRunner } from './notification-runner.js';
import { notifyApplicant, notifyDepartment } from './notify.js';

// ---- a local SMTP sink and a local SMS gateway that checks signatures ----

interface Mail {
  to: string[];
  subject: string;
  body: string;
  deliveryId: string;
  language: string;
}
const mails: Mail[] = [];
/** Per address: the SMTP codes to answer RCPT TO with, one per attempt. */
const rcptRefusals = new Map<string, number[]>();
const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS', 'AUTH'],
  logger: false,
  onRcptTo(address, _session, cb) {
    const code = rcptRefusals.get(address.address)?.shift();
    if (code)
      return cb(Object.assign(new Error(`mailbox ${address.address} unavailable`), { responseCode: code }));
    cb();
  },
  onData(stream, session, cb) {
    const chunks: Buffer[] = [];
    stream.on('data', (c: Buffer) => chunks.push(c));
    stream.on('end', () => {
      mails.push({
        to: session.envelope.rcptTo.map((r) => r.address),
        ...parseMail(Buffer.concat(chunks).toString('latin1')),
      });
      cb();
    });
  },
});

/** Just enough MIME for one text part: unfolded headers, RFC 2047 words, quoted-printable or base64. */
function parseMail(raw: string) {
  const split = raw.indexOf('\r\n\r\n');
  const headers = new Map<string, string>();
  for (const line of raw
    .slice(0, split)
    .replace(/\r\n[ \t]+/g, ' ')
    .split('\r\n')) {
    const i = line.indexOf(':');
    headers.set(line.slice(0, i).toLowerCase(), line.slice(i + 1).trim());
  }
  const words = (s: string) =>
    s
      .replace(/\?=\s+=\?/g, '?==?')
      .replace(/=\?utf-8\?([BQ])\?([^?]*)\?=/gi, (_m, enc: string, text: string) =>
        enc.toUpperCase() === 'B'
          ? Buffer.from(text, 'base64').toString('utf8')
          : qp(text.replace(/_/g, ' ')),
      );
  const qp = (s: string) =>
    Buffer.from(
      s
        .replace(/=\r\n/g, '')
        .replace(/=([0-9A-F]{2})/gi, (_m, h: string) => String.fromCharCode(parseInt(h, 16))),
      'latin1',
    ).toString('utf8');
  const rawBody = raw.slice(split + 4);
  const cte = (headers.get('content-transfer-encoding') ?? '').toLowerCase();
  const body =
    cte === 'base64'
      ? Buffer.from(rawBody, 'base64').toString('utf8')
      : cte === 'quoted-printable'
        ? qp(rawBody)
        : Buffer.from(rawBody, 'latin1').toString('utf8');
  return {
    subject: words(headers.get('subject') ?? ''),
    body,
    deliveryId: headers.get('x-onewindow-delivery') ?? '',
    language: headers.get('content-language') ?? '',
  };
}

const KEY_ID = 'ow-test-key';
const SECRET = 'a-test-secret-of-32-characters!!';
interface Sms {
  to: string;
  text: string;
  id: string;
  timestamp: number;
}
const smsLog: Sms[] = [];
let badSignatures = 0;
/** Per number: how many more requests to refuse, with which status and answer. */
const refuse = new Map<string, { times: number; status: number; answer: string }>();
const gateway = http.createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    const body = Buffer.concat(chunks).toString('utf8');
    const ts = String(req.headers['x-onewindow-timestamp'] ?? '');
    const given = Buffer.from(String(req.headers['x-onewindow-signature'] ?? ''), 'hex');
    const expected = createHmac('sha256', SECRET).update(`${ts}.${body}`).digest();
    const skew = Math.abs(Number(ts) - t.clock.now().getTime() / 1000);
    if (
      req.headers['x-onewindow-key'] !== KEY_ID ||
      given.length !== expected.length ||
      !timingSafeEqual(given, expected) ||
      !(skew <= 300)
    ) {
      badSignatures++;
      res.writeHead(401).end('bad signature');
      return;
    }
    const sms = JSON.parse(body) as Omit<Sms, 'timestamp'>;
    smsLog.push({ ...sms, timestamp: Number(ts) });
    const r = refuse.get(sms.to);
    if (r && r.times > 0) {
      r.times--;
      res.writeHead(r.status, { 'content-type': 'text/plain' }).end(r.answer);
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
  });
});

// ---- the database: departments, staff in two languages, cases ----

let t: TestContext;
let runner: NotificationRunner;
let second: DatabaseHandle | undefined;
let channelConfig: ReturnType<typeof loadConfig>;
const users: Record<string, string> = {};
const dept: Record<string, string> = {};

async function user(
  username: string,
  role: Role,
  opts: { dept?: string; locale?: string; phone?: string; email?: string } = {},
) {
  const contact = {
    ...(opts.phone ? { phone: opts.phone } : {}),
    ...(opts.email ? { email: opts.email } : {}),
  };
  const u =
    role === 'applicant'
      ? await registerApplicant(t.db, t.clock, systemActor('test'), {
          kind: 'person',
          username,
          displayName: username,
          password: PASSWORD,
          idNumber: '11010519491231002X',
          ...contact,
        })
      : await createUser(t.db, t.clock, systemActor('test'), {
          username,
          displayName: username,
          role,
          departmentId: opts.dept ? dept[opts.dept] : null,
          password: PASSWORD,
          ...contact,
        });
  if (opts.locale)
    await t.db.updateTable('users').set({ locale: opts.locale }).where('id', '=', u.id).execute();
  users[username] = u.id;
}

async function newCase(opts: { applicant?: string; phone?: string; email?: string; title?: string }) {
  const id = newId();
  const now = t.clock.now().toISOString();
  await t.db
    .insertInto('cases')
    .values({
      id,
      receipt_no: `QH${id.slice(-10)}`,
      check_code: 'x',
      bundle_id: null,
      title: opts.title ?? '食品经营许可',
      lead_department_id: dept.SCJ!,
      applicant_user_id: opts.applicant ? users[opts.applicant]! : null,
      applicant_kind: 'person',
      applicant_name: '张三',
      applicant_id_number: '11010519491231002X',
      applicant_phone: opts.phone ?? null,
      applicant_email: opts.email ?? null,
      channel: 'window',
      state: 'accepted',
      shortfall: 0,
      form: '{}',
      committed_days: 5,
      handling_class: 'promise',
      window: null,
      created_by: null,
      created_at: now,
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
      updated_at: now,
      version: 1,
    })
    .execute();
  return { id, receiptNo: `QH${id.slice(-10)}` };
}

const nowIso = () => t.clock.now().toISOString();
const deliveriesOf = (outboxId: string) =>
  t.db
    .selectFrom('notification_deliveries')
    .selectAll()
    .where('outbox_id', '=', outboxId)
    .orderBy('channel')
    .execute();
const outboxOf = (caseId: string) =>
  t.db
    .selectFrom('notification_outbox')
    .selectAll()
    .where('subject_id', '=', caseId)
    .executeTakeFirstOrThrow();
const inboxOf = (username: string) =>
  t.db
    .selectFrom('inbox_messages')
    .selectAll()
    .where('user_id', '=', users[username]!)
    .orderBy('id')
    .execute();

before(async () => {
  t = await createTestContext({ start: '2026-11-26T02:00:00.000Z' });
  await importCatalogue(t.db, t.clock, systemActor('test'), smallCatalogue());
  for (const d of await t.db.selectFrom('departments').select(['id', 'code']).execute()) dept[d.code] = d.id;
  await user('head_zh', 'head', { dept: 'SCJ', phone: '13900000001', email: 'head.zh@scj.example.gov.cn' });
  await user('head_en', 'head', { dept: 'SCJ', locale: 'en', email: 'head.en@scj.example.gov.cn' });
  await user('reviewer_en', 'reviewer', {
    dept: 'SCJ',
    locale: 'en',
    phone: '13900000003',
    email: 'reviewer@scj.example.gov.cn',
  });
  await user('clerk', 'clerk', { dept: 'SCJ', email: 'clerk@scj.example.gov.cn' });
  await user('head_other', 'head', { dept: 'ZRJ', email: 'head@zrj.example.gov.cn' });
  await user('supervisor', 'supervisor', { email: 'jiancha@example.gov.cn' });
  await user('zhang', 'applicant', { locale: 'en', phone: '+86 139-1234-5678', email: 'zhang@example.com' });
  await new Promise<void>((r) => smtp.listen(0, '127.0.0.1', r));
  await new Promise<void>((r) => gateway.listen(0, '127.0.0.1', r));
  channelConfig = loadConfig({
    SMTP_URL: `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`,
    MAIL_FROM: '一窗通 <no-reply@qinghe.example.gov.cn>',
    SMS_GATEWAY_URL: `http://127.0.0.1:${(gateway.address() as AddressInfo).port}/send`,
    SMS_GATEWAY_KEY_ID: KEY_ID,
    SMS_GATEWAY_SECRET: SECRET,
  });
  runner = new NotificationRunner(t.database, t.clock, channelsFromConfig(channelConfig, t.db, t.clock));
});
after(async () => {
  await second?.close();
  await t.close();
  await new Promise<void>((r) => smtp.close(r));
  await new Promise<void>((r) => gateway.close(() => r()));
});

test('each recipient gets the notice in their own language, on the channels of its kind, the check code only where needed', async () => {
  assert.deepEqual(runner.channelNames, ['inbox', 'email', 'sms']);
  const withAccount = await newCase({ applicant: 'zhang', title: '食品经营许可' });
  const walkIn = await newCase({
    phone: '13800001111',
    email: 'walkin@example.com',
    title: '公共场所卫生许可',
  });
  const sentBefore = { mails: mails.length, sms: smsLog.length };
  await enqueueNotifications(
    t.db,
    [
      {
        kind: 'supervision_order_opened',
        recipientType: 'department_head',
        recipientId: dept.SCJ!,
        subjectType: 'supervision_order',
        subjectId: 'order-1',
        payload: { label: '食品经营许可 QH1', dueDate: '2026-11-20', answerBy: '2026-12-01' },
      },
      {
        kind: 'supervision_order_answered',
        recipientType: 'supervisors',
        recipientId: null,
        subjectType: 'supervision_order',
        subjectId: 'order-1',
        payload: { answer: '已整改' },
      },
    ],
    nowIso(),
  );
  await notifyApplicant(
    t.db,
    withAccount.id,
    'case_accepted',
    { receiptNo: withAccount.receiptNo, title: '食品经营许可', dueDate: '2026-12-03', checkCode: 'K7Q29XPM' },
    nowIso(),
  );
  // A stray check code in another kind's payload is not rendered.
  await enqueueNotifications(
    t.db,
    [
      {
        kind: 'case_received',
        recipientType: 'applicant',
        recipientId: walkIn.id,
        subjectType: 'case',
        subjectId: walkIn.id,
        payload: { receiptNo: walkIn.receiptNo, title: '公共场所卫生许可', checkCode: 'SHOULDNOTAPPEAR' },
      },
    ],
    nowIso(),
  );
  await notifyDepartment(
    t.db,
    dept.SCJ!,
    withAccount.id,
    { receiptNo: withAccount.receiptNo, title: '食品经营许可', dueDate: '2026-12-01' },
    nowIso(),
  );

  const pass = await runner.drain();
  assert.equal(pass.rejected, 0);
  assert.equal(pass.failed + pass.retrying, 0, JSON.stringify(pass));
  assert.equal(pass.delivered, pass.attempted);

  // Inbox: heads of SCJ in Chinese and English; the task reaches reviewers and heads, not the clerk nor another department.
  const headZh = await inboxOf('head_zh');
  assert.deepEqual(headZh.map((m) => m.title).sort(), [
    '新的审查任务：食品经营许可',
    '督办通知：食品经营许可 QH1',
  ]);
  const order = headZh.find((m) => m.kind === 'supervision_order_opened')!;
  assert.match(order.body, /请于 2026-12-01 前登录一窗通答复督办单/);
  assert.deepEqual([order.subject_type, order.subject_id], ['supervision_order', 'order-1']);
  assert.deepEqual((await inboxOf('head_en')).map((m) => m.title).sort(), [
    'New review task: 食品经营许可',
    'Supervision order: 食品经营许可 QH1',
  ]);
  assert.deepEqual(
    (await inboxOf('reviewer_en')).map((m) => m.title),
    ['New review task: 食品经营许可'],
  );
  assert.deepEqual(await inboxOf('clerk'), []);
  assert.deepEqual(await inboxOf('head_other'), []);
  assert.deepEqual(
    (await inboxOf('supervisor')).map((m) => m.title),
    ['督办单已答复'],
  );
  const zhang = await inboxOf('zhang');
  assert.deepEqual(
    zhang.map((m) => [m.kind, m.title, m.subject_type, m.subject_id]),
    [['case_accepted', 'Accepted: 食品经营许可', 'case', withAccount.id]],
  );
  assert.match(
    zhang[0]!.body,
    new RegExp(`number ${withAccount.receiptNo}, check code K7Q29XPM, to be decided by 2026-12-03`),
  );

  // Email: every address once, subject in the recipient's language.
  const newMails = mails.slice(sentBefore.mails);
  const subjectFor = (addr: string) =>
    newMails
      .filter((m) => m.to.includes(addr))
      .map((m) => m.subject)
      .sort();
  assert.deepEqual(subjectFor('zhang@example.com'), ['Accepted: 食品经营许可']);
  assert.match(newMails.find((m) => m.to.includes('zhang@example.com'))!.body, /check code K7Q29XPM/);
  assert.equal(newMails.find((m) => m.to.includes('zhang@example.com'))!.language, 'en');
  assert.deepEqual(subjectFor('walkin@example.com'), ['申请已收到：公共场所卫生许可']);
  assert.doesNotMatch(newMails.find((m) => m.to.includes('walkin@example.com'))!.body, /SHOULDNOTAPPEAR/);
  assert.deepEqual(subjectFor('head.zh@scj.example.gov.cn'), [
    '新的审查任务：食品经营许可',
    '督办通知：食品经营许可 QH1',
  ]);
  assert.deepEqual(subjectFor('reviewer@scj.example.gov.cn'), ['New review task: 食品经营许可']);
  assert.deepEqual(subjectFor('jiancha@example.gov.cn'), ['督办单已答复']);
  assert.deepEqual(subjectFor('clerk@scj.example.gov.cn'), []);
  assert.equal(newMails.length, 8);

  // SMS: signed (the gateway refuses anything else), to mobile numbers only, not for desk kinds (task, answer).
  const newSms = smsLog.slice(sentBefore.sms);
  assert.equal(badSignatures, 0);
  assert.deepEqual(newSms.map((s) => s.to).sort(), ['13800001111', '13900000001', '13912345678']);
  assert.match(
    newSms.find((s) => s.to === '13912345678')!.text,
    /^\[OneWindow\] Your application .* accepted \(check code K7Q29XPM\)/,
  );
  assert.match(newSms.find((s) => s.to === '13800001111')!.text, /^【一窗通】您的申请已收到/);
  assert.doesNotMatch(newSms.find((s) => s.to === '13800001111')!.text, /SHOULDNOTAPPEAR/);
  assert.match(newSms.find((s) => s.to === '13900000001')!.text, /^【一窗通】督办/);

  const accepted = await t.db
    .selectFrom('notification_outbox')
    .selectAll()
    .where('subject_id', '=', withAccount.id)
    .where('kind', '=', 'case_accepted')
    .executeTakeFirstOrThrow();
  assert.equal(accepted.status, 'expanded');
  const ds = await deliveriesOf(accepted.id);
  assert.deepEqual(
    ds.map((d) => [d.channel, d.address, d.status, d.attempts]),
    [
      ['email', 'zhang@example.com', 'delivered', 1],
      ['inbox', users.zhang, 'delivered', 1],
      ['sms', '13912345678', 'delivered', 1],
    ],
  );
  assert.equal(
    JSON.parse(accepted.payload).checkCode,
    undefined,
    'the check code leaves the outbox once delivered',
  );
  assert.equal(JSON.parse(accepted.payload).receiptNo, withAccount.receiptNo);
  // Ids tie each channel's copy to its delivery row.
  assert.equal(zhang[0]!.id, ds.find((d) => d.channel === 'inbox')!.id);
  assert.ok(newSms.some((s) => s.id === ds.find((d) => d.channel === 'sms')!.id));

  const actions = (
    await t.db.selectFrom('audit_events').select('action').where('action', 'like', 'notification.%').execute()
  ).map((a) => a.action);
  for (const a of [
    'notification.expanded',
    'notification.deliveries_claimed',
    'notification.deliveries_settled',
  ])
    assert.ok(actions.includes(a), a);
  assert.deepEqual(
    await runner.drain(),
    { expanded: 0, rejected: 0, attempted: 0, delivered: 0, retrying: 0, failed: 0 },
    'nothing is sent twice',
  );
});

test('an unknown kind or a payload that does not fit its kind is marked failed with a clear reason; the rest of the batch goes on', async () => {
  const c = await newCase({ applicant: 'zhang' });
  const rows: OutboxInput[] = [
    {
      kind: 'case_teleported',
      recipientType: 'applicant',
      recipientId: c.id,
      subjectType: 'case',
      subjectId: c.id,
      payload: { receiptNo: c.receiptNo, title: 'x' },
    },
    {
      kind: 'case_accepted',
      recipientType: 'applicant',
      recipientId: c.id,
      subjectType: 'case',
      subjectId: c.id,
      payload: { receiptNo: c.receiptNo, title: 'x', checkCode: 'SECRET1' },
    },
    {
      kind: 'case_completed',
      recipientType: 'applicant',
      recipientId: c.id,
      subjectType: 'case',
      subjectId: c.id,
      payload: { receiptNo: c.receiptNo, title: '食品经营许可' },
    },
  ];
  await enqueueNotifications(t.db, rows, nowIso());
  const pass = await runner.drain();
  assert.equal(pass.rejected, 2);
  assert.equal(pass.expanded, 1);
  const outbox = await t.db
    .selectFrom('notification_outbox')
    .selectAll()
    .where('subject_id', '=', c.id)
    .execute();
  const byKind = new Map(outbox.map((o) => [o.kind, o]));
  assert.equal(byKind.get('case_teleported')!.status, 'failed');
  assert.equal(byKind.get('case_accepted')!.status, 'failed');
  assert.equal(byKind.get('case_completed')!.status, 'expanded');
  assert.equal(
    JSON.parse(byKind.get('case_accepted')!.payload).checkCode,
    undefined,
    'a rejected row keeps no check code either',
  );
  const reason = async (id: string) =>
    JSON.parse(
      (
        await t.db
          .selectFrom('audit_events')
          .select('data')
          .where('action', '=', 'notification.rejected')
          .where('entity_id', '=', id)
          .executeTakeFirstOrThrow()
      ).data,
    );
  assert.deepEqual(await reason(byKind.get('case_teleported')!.id), {
    kind: 'case_teleported',
    error: 'unknown notification kind "case_teleported"',
  });
  assert.deepEqual(await reason(byKind.get('case_accepted')!.id), {
    kind: 'case_accepted',
    error: 'payload of "case_accepted" does not match its kind at /dueDate',
  });
  assert.deepEqual(await deliveriesOf(byKind.get('case_teleported')!.id), []);
  assert.equal(
    (await deliveriesOf(byKind.get('case_completed')!.id)).filter((d) => d.status === 'delivered').length,
    3,
  );
});

test('a gateway failure is retried after 1 and then 5 minutes of the injected clock, and then delivered once', async () => {
  const c = await newCase({ phone: '13700000001' });
  refuse.set('13700000001', { times: 2, status: 503, answer: 'busy, number 13700000001 queued' });
  await notifyApplicant(
    t.db,
    c.id,
    'case_completed',
    { receiptNo: c.receiptNo, title: '食品经营许可' },
    nowIso(),
  );
  const sent = () => smsLog.filter((s) => s.to === '13700000001');

  await runner.drain();
  const outbox = await outboxOf(c.id);
  let [d] = await deliveriesOf(outbox.id);
  assert.equal(d!.channel, 'sms');
  assert.deepEqual([d!.status, d!.attempts], ['pending', 1]);
  assert.match(
    d!.last_error!,
    /^SMS gateway answered HTTP 503: busy, number 137\*\*\*\*0001 queued$/,
    'the stored error masks the number',
  );
  assert.equal(Date.parse(d!.next_attempt_at!) - t.clock.now().getTime(), RETRY_DELAYS_MS[0]);

  await runner.drain();
  t.clock.advance(RETRY_DELAYS_MS[0] - 1000);
  await runner.drain();
  assert.equal(sent().length, 1, 'not retried before its time');

  t.clock.advance(1000);
  await runner.drain();
  [d] = await deliveriesOf(outbox.id);
  assert.deepEqual([d!.status, d!.attempts, sent().length], ['pending', 2, 2]);
  assert.equal(Date.parse(d!.next_attempt_at!) - t.clock.now().getTime(), RETRY_DELAYS_MS[1]);

  t.clock.advance(RETRY_DELAYS_MS[1]);
  await runner.drain();
  [d] = await deliveriesOf(outbox.id);
  assert.deepEqual(
    [d!.status, d!.attempts, d!.last_error, d!.delivered_at],
    ['delivered', 3, null, t.clock.now().toISOString()],
  );
  assert.equal(sent().length, 3);
  assert.ok(
    sent().every((s) => s.id === d!.id),
    'every attempt carries the delivery id, for the gateway to deduplicate',
  );
  assert.equal(new Set(sent().map((s) => s.timestamp)).size, 3, 'each attempt is signed at its own time');
  t.clock.advance(24 * 3_600_000);
  await runner.drain();
  assert.equal(sent().length, 3);
});

test('the inbox is written in the transaction that expands the notice: no claim, no lease, the check code scrubbed at once; an inbox delivery left pending is still sent', async () => {
  const inboxOnly = new NotificationRunner(t.database, t.clock, [inboxChannel(t.db)]);
  await t.db.deleteFrom('notification_channels').execute(); // no other instance is known: the inbox alone
  const c = await newCase({ applicant: 'zhang' });
  await notifyApplicant(
    t.db,
    c.id,
    'case_accepted',
    { receiptNo: c.receiptNo, title: '食品经营许可', dueDate: '2026-12-03', checkCode: 'INBOX0001' },
    nowIso(),
  );
  const auditBefore = (
    await t.db
      .selectFrom('audit_events')
      .select('id')
      .where('action', 'like', 'notification.deliveries_%')
      .execute()
  ).length;
  const pass = await inboxOnly.drain();
  assert.deepEqual([pass.expanded, pass.attempted, pass.delivered, pass.failed], [1, 1, 1, 0]);
  const outbox = await outboxOf(c.id);
  const [d, ...more] = await deliveriesOf(outbox.id);
  assert.equal(more.length, 0);
  assert.deepEqual(
    [d!.channel, d!.status, d!.attempts, d!.next_attempt_at, d!.delivered_at],
    ['inbox', 'delivered', 1, null, nowIso()],
  );
  const message = (await inboxOf('zhang')).find((m) => m.id === d!.id)!;
  assert.match(message.body, /check code INBOX0001/, 'rendered in her language, the code in the message');
  assert.equal(
    JSON.parse(outbox.payload).checkCode,
    undefined,
    'and gone from the outbox in the same transaction',
  );
  assert.equal(
    (
      await t.db
        .selectFrom('audit_events')
        .select('id')
        .where('action', 'like', 'notification.deliveries_%')
        .execute()
    ).length,
    auditBefore,
    'nothing claimed or settled',
  );
  const expandedEvent = await t.db
    .selectFrom('audit_events')
    .select('data')
    .where('action', '=', 'notification.expanded')
    .orderBy('id', 'desc')
    .executeTakeFirstOrThrow();
  assert.deepEqual([JSON.parse(expandedEvent.data).delivered, JSON.parse(expandedEvent.data).failed], [1, 0]);

  // A delivery pending on the inbox (written before, or its message lost) goes the claim-and-settle way, once.
  await t.db.deleteFrom('inbox_messages').where('id', '=', d!.id).execute();
  await t.db
    .updateTable('notification_deliveries')
    .set({ status: 'pending', attempts: 0, next_attempt_at: nowIso(), delivered_at: null })
    .where('id', '=', d!.id)
    .execute();
  const again = await inboxOnly.drain();
  assert.deepEqual([again.expanded, again.attempted, again.delivered], [0, 1, 1]);
  assert.equal((await inboxOf('zhang')).filter((m) => m.id === d!.id).length, 1);
  assert.deepEqual(
    await inboxOnly.drain(),
    { expanded: 0, rejected: 0, attempted: 0, delivered: 0, retrying: 0, failed: 0 },
    'nothing twice',
  );
});

test('an instance without email or SMS expands notices for them when another instance announced them lately, and that one sends them', async () => {
  const inboxOnly = new NotificationRunner(t.database, t.clock, [inboxChannel(t.db)]);
  await t.db.deleteFrom('notification_channels').execute();
  t.clock.advance(61_000);
  await runner.drain(); // the instance with SMTP and the SMS gateway says so
  const announced = await t.db
    .selectFrom('notification_channels')
    .select(['channel', 'seen_at'])
    .orderBy('channel')
    .execute();
  assert.deepEqual(
    announced.map((a) => a.channel),
    ['email', 'inbox', 'sms'],
  );

  const c = await newCase({ applicant: 'zhang' });
  await notifyApplicant(
    t.db,
    c.id,
    'case_accepted',
    { receiptNo: c.receiptNo, title: '食品经营许可', dueDate: '2026-12-03', checkCode: 'REMOTE001' },
    nowIso(),
  );
  const sentBefore = { mails: mails.length, sms: smsLog.length };
  const expanded = await inboxOnly.drain();
  assert.deepEqual([expanded.expanded, expanded.delivered], [1, 1]);
  const outbox = await outboxOf(c.id);
  assert.deepEqual(
    (await deliveriesOf(outbox.id)).map((d) => [d.channel, d.status]),
    [
      ['email', 'pending'],
      ['inbox', 'delivered'],
      ['sms', 'pending'],
    ],
  );
  assert.equal(JSON.parse(outbox.payload).checkCode, 'REMOTE001', 'kept while email and SMS are still to go');
  assert.equal(
    mails.length + smsLog.length,
    sentBefore.mails + sentBefore.sms,
    'this instance sends nothing it has no channel for',
  );

  const sent = await runner.drain();
  assert.equal(sent.delivered, 2);
  assert.deepEqual(
    (await deliveriesOf(outbox.id)).map((d) => [d.channel, d.status]),
    [
      ['email', 'delivered'],
      ['inbox', 'delivered'],
      ['sms', 'delivered'],
    ],
  );
  assert.match(mails.at(-1)!.body, /REMOTE001/);
  assert.equal(
    JSON.parse((await outboxOf(c.id)).payload).checkCode,
    undefined,
    'scrubbed once the last channel went out',
  );

  // The other instance has been silent for longer than an announcement counts: the inbox only.
  t.clock.advance(11 * 60_000);
  const later = await newCase({ applicant: 'zhang' });
  await notifyApplicant(
    t.db,
    later.id,
    'case_withdrawn',
    { receiptNo: later.receiptNo, title: '食品经营许可' },
    nowIso(),
  );
  await inboxOnly.drain();
  assert.deepEqual(
    (await deliveriesOf((await outboxOf(later.id)).id)).map((d) => [d.channel, d.status]),
    [['inbox', 'delivered']],
  );
});

test('a delivery whose every attempt was cut short (the sender died mid-send) is given up, not claimed for ever', async () => {
  const c = await newCase({ phone: '13700000009' });
  await notifyApplicant(
    t.db,
    c.id,
    'case_withdrawn',
    { receiptNo: c.receiptNo, title: '食品经营许可' },
    nowIso(),
  );
  const sent = () => smsLog.filter((s) => s.to === '13700000009').length;
  await runner.drain();
  const outbox = await outboxOf(c.id);
  const [first] = await deliveriesOf(outbox.id);
  assert.equal(first!.status, 'delivered');
  // The same delivery as the crashes would leave it: all attempts claimed, the last lease run out, no outcome.
  await t.db
    .updateTable('notification_deliveries')
    .set({ status: 'pending', attempts: MAX_ATTEMPTS, next_attempt_at: nowIso(), delivered_at: null })
    .where('id', '=', first!.id)
    .execute();
  const before = sent();
  await runner.drain();
  const [d] = await deliveriesOf(outbox.id);
  assert.deepEqual([d!.status, d!.attempts, d!.next_attempt_at], ['failed', MAX_ATTEMPTS, null]);
  assert.match(d!.last_error!, /cut short/);
  assert.equal(sent(), before, 'not sent a seventh time');
});

test('after the sixth failed attempt a delivery is given up; a permanent refusal is given up at once', async () => {
  const c = await newCase({ phone: '13700000002' });
  refuse.set('13700000002', { times: 1000, status: 502, answer: 'down' });
  await notifyApplicant(
    t.db,
    c.id,
    'case_withdrawn',
    { receiptNo: c.receiptNo, title: '食品经营许可' },
    nowIso(),
  );
  const sent = () => smsLog.filter((s) => s.to === '13700000002').length;
  await runner.drain();
  const outbox = await outboxOf(c.id);
  const waits: number[] = [];
  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
    const [d] = await deliveriesOf(outbox.id);
    assert.equal(d!.attempts, attempt);
    assert.equal(sent(), attempt);
    if (attempt === MAX_ATTEMPTS) {
      assert.deepEqual([d!.status, d!.next_attempt_at], ['failed', null]);
      assert.match(d!.last_error!, /HTTP 502/);
      break;
    }
    assert.equal(d!.status, 'pending');
    const wait = Date.parse(d!.next_attempt_at!) - t.clock.now().getTime();
    waits.push(wait);
    t.clock.advance(wait);
    await runner.drain();
  }
  assert.deepEqual(waits, [60_000, 300_000, 1_800_000, 7_200_000, 43_200_000]);
  t.clock.advance(7 * 24 * 3_600_000);
  await runner.drain();
  assert.equal(sent(), MAX_ATTEMPTS, 'no attempt after giving up');

  const c2 = await newCase({ phone: '13700000003' });
  refuse.set('13700000003', { times: 1, status: 400, answer: 'invalid number' });
  await notifyApplicant(
    t.db,
    c2.id,
    'case_withdrawn',
    { receiptNo: c2.receiptNo, title: '食品经营许可' },
    nowIso(),
  );
  await runner.drain();
  const [d2] = await deliveriesOf((await outboxOf(c2.id)).id);
  assert.deepEqual([d2!.status, d2!.attempts], ['failed', 1]);
});

test('email: a temporary SMTP refusal (4xx) is retried, a permanent one (5xx) is given up at once', async () => {
  const later = await newCase({ email: 'later@example.com' });
  const gone = await newCase({ email: 'gone@example.com' });
  rcptRefusals.set('later@example.com', [451]);
  rcptRefusals.set('gone@example.com', [550]);
  for (const c of [later, gone])
    await notifyApplicant(
      t.db,
      c.id,
      'case_completed',
      { receiptNo: c.receiptNo, title: '食品经营许可' },
      nowIso(),
    );
  await runner.drain();
  const [dl] = await deliveriesOf((await outboxOf(later.id)).id);
  const [dg] = await deliveriesOf((await outboxOf(gone.id)).id);
  assert.deepEqual([dl!.channel, dl!.status, dl!.attempts], ['email', 'pending', 1]);
  assert.match(dl!.last_error!, /451/);
  assert.deepEqual([dg!.status, dg!.attempts], ['failed', 1]);
  assert.match(dg!.last_error!, /550/);
  assert.ok(!dg!.last_error!.includes('gone@example.com'), 'the stored error masks the address');
  t.clock.advance(RETRY_DELAYS_MS[0]);
  await runner.drain();
  const [dl2] = await deliveriesOf((await outboxOf(later.id)).id);
  assert.deepEqual([dl2!.status, dl2!.attempts], ['delivered', 2]);
  assert.equal(mails.filter((m) => m.to.includes('later@example.com')).length, 1);
  assert.equal(mails.filter((m) => m.to.includes('gone@example.com')).length, 0);
});

test('the running worker logs counts, never an address or a message', async () => {
  const lines: string[] = [];
  const log = pino(
    { level: 'info' },
    new Writable({
      write(chunk, _e, cb) {
        lines.push(String(chunk));
        cb();
      },
    }),
  );
  const logged = new NotificationRunner(
    t.database,
    t.clock,
    channelsFromConfig(channelConfig, t.db, t.clock),
    { log },
  );
  const c = await newCase({
    phone: '13700000004',
    email: 'private.person@example.com',
    title: '秘密的事项名称',
  });
  refuse.set('13700000004', { times: 1, status: 403, answer: 'number 13700000004 is blacklisted' });
  await notifyApplicant(
    t.db,
    c.id,
    'case_completed',
    { receiptNo: c.receiptNo, title: '秘密的事项名称' },
    nowIso(),
  );
  logged.start(20);
  const outboxId = (await outboxOf(c.id)).id;
  // Until both deliveries are settled, however long a loaded machine takes (30 s only ends a hang).
  for (const end = Date.now() + 30_000; Date.now() < end;) {
    const ds = await deliveriesOf(outboxId);
    if (ds.length === 2 && ds.every((d) => d.status !== 'pending')) break;
    await new Promise((r) => setTimeout(r, 20));
  }
  await logged.stop();
  assert.deepEqual(
    (await deliveriesOf(outboxId)).map((d) => d.status),
    ['delivered', 'failed'],
  );
  const text = lines.join('');
  assert.match(text, /some notifications failed for good/);
  assert.match(text, /"failed":1/);
  for (const secret of ['13700000004', 'private.person', '秘密', c.receiptNo])
    assert.ok(!text.includes(secret), `log leaks ${secret}`);
});

test(`two workers on one ${TEST_DIALECT} database deliver every notice exactly once`, async () => {
  let otherHandle: DatabaseHandle = t.database;
  if (TEST_DIALECT === 'postgres') {
    const schema = await t.db
      .selectNoFrom((eb) => eb.fn<string>('current_schema', []).as('s'))
      .executeTakeFirstOrThrow();
    second = openDatabase({ databaseUrl: process.env.TEST_DATABASE_URL, pgSchema: schema.s, pgPoolSize: 4 });
    otherHandle = second;
  }
  const a = new NotificationRunner(t.database, t.clock, channelsFromConfig(channelConfig, t.db, t.clock), {
    batchSize: 7,
  });
  const b = new NotificationRunner(
    otherHandle,
    t.clock,
    channelsFromConfig(channelConfig, otherHandle.db, t.clock),
    { batchSize: 7 },
  );
  const N = 40;
  const before = { mails: mails.length, sms: smsLog.length };
  const cases = [];
  for (let i = 0; i < N; i++) cases.push(await newCase({ applicant: 'zhang', title: `并发件 ${i}` }));
  for (const c of cases)
    await notifyApplicant(
      t.db,
      c.id,
      'case_completed',
      { receiptNo: c.receiptNo, title: '并发件' },
      nowIso(),
    );

  const [ra, rb] = await Promise.all([a.drain(), b.drain()]);
  const [ra2, rb2] = await Promise.all([a.drain(), b.drain()]);
  assert.equal(ra.expanded + rb.expanded, N);
  assert.equal(ra.delivered + rb.delivered, 3 * N, `A delivered ${ra.delivered}, B ${rb.delivered}`);
  assert.equal(ra2.attempted + rb2.attempted + ra2.expanded + rb2.expanded, 0);
  if (TEST_DIALECT === 'postgres')
    assert.ok(
      ra.attempted > 0 && rb.attempted > 0,
      `both instances should share the work (A ${ra.attempted}, B ${rb.attempted})`,
    );

  const ids = await t.db
    .selectFrom('notification_deliveries')
    .innerJoin('notification_outbox', 'notification_outbox.id', 'notification_deliveries.outbox_id')
    .select([
      'notification_deliveries.id',
      'notification_deliveries.channel',
      'notification_deliveries.attempts',
      'notification_deliveries.status',
    ])
    .where(
      'notification_outbox.subject_id',
      'in',
      cases.map((c) => c.id),
    )
    .execute();
  assert.equal(ids.length, 3 * N);
  assert.ok(ids.every((d) => d.status === 'delivered' && d.attempts === 1));
  const once = (got: string[], channel: string) => {
    const want = ids
      .filter((d) => d.channel === channel)
      .map((d) => d.id)
      .sort();
    assert.deepEqual([...got].sort(), want, `${channel}: every delivery exactly once`);
  };
  once(
    mails.slice(before.mails).map((m) => m.deliveryId),
    'email',
  );
  once(
    smsLog.slice(before.sms).map((s) => s.id),
    'sms',
  );
  once(
    (
      await t.db
        .selectFrom('inbox_messages')
        .select('id')
        .where(
          'subject_id',
          'in',
          cases.map((c) => c.id),
        )
        .execute()
    ).map((m) => m.id),
    'inbox',
  );
});
