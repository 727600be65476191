import { test } from 'node:test';
import assert from 'node:assert/strict';
import { NOTIFICATION_KINDS, type NotificationKind, type PayloadOf } from './kinds.js';
import { checkPayload, localeOf, render } from './render.js';
import { addressesFor, mobileNumber } from './recipients.js';
import { describeError, UndeliverableError } from './errors.js';

const CASE = { receiptNo: 'QH20261126-0001', title: '食品经营许可' };
/** A valid payload of every kind: the type makes a new kind without an example fail to compile. */
const SAMPLES: { [K in NotificationKind]: PayloadOf<K> } = {
  supervision_order_opened: { label: '食品经营许可 QH1', dueDate: '2026-11-20', answerBy: '2026-12-01' },
  supervision_order_answered: { answer: '已整改，明日办结' },
  case_received: CASE,
  case_accepted: { ...CASE, dueDate: '2026-12-03', checkCode: 'K7Q29XPM' },
  supplement_requested: { ...CASE, materials: ['场所平面图', '健康证明'] },
  case_not_accepted: { ...CASE, reasons: ['不属于本机关职权范围'] },
  case_extended: { ...CASE, days: 10, newDueDate: '2026-12-17', reason: '需要现场核查' },
  special_procedure_started: { ...CASE, procedure: '专家评审', expectedDays: 15 },
  case_decided: { ...CASE, decision: 'approved' },
  case_completed: CASE,
  case_withdrawn: CASE,
  task_assigned: { ...CASE, dueDate: '2026-12-01' },
  letter_assigned: { number: 'LH2026000001', subject: '食品经营许可', dueDate: '2026-12-18' },
  fee_form_issued: {
    ...CASE,
    formNumber: 'JK202600000001',
    amountFen: 12000,
    dueDate: '2026-12-07',
    paymentCode: '37010026000000000012',
  },
  fee_refund_paid: { ...CASE, formNumber: 'JK202600000001', amountFen: 5000 },
  complaint_accepted: { ticketNo: 'JB20260000001', dueDate: '2026-12-15' },
  complaint_not_accepted: { ticketNo: 'JB20260000001', reasons: ['Outside the remit'] },
  complaint_result: { ticketNo: 'JB20260000001', reply: 'Refunded in full' },
  complaint_assigned: { ticketNo: 'JB20260000001', category: 'Arbitrary charges', dueDate: '2026-12-15' },
  inspection_notice: {
    number: 'JC20260000001',
    department: 'Market Regulation Bureau',
    plannedDate: '2026-12-10',
    items: ['食品经营许可'],
  },
  hall_code: { code: '204816', minutes: 10 },
  hall_appointment_booked: {
    appointmentCode: 'K7M2QX9A',
    group: '市场准入',
    groupEn: 'Market entry',
    day: '2026-12-07',
    slot: '09:30',
  },
  hall_ticket_near: { ticketNo: 'A012', ahead: 2, group: '市场准入', groupEn: 'Market entry' },
  rating_invitation: { ...CASE, link: 'https://zwfw.qinghe.example/rate/QH20261126-0001' },
  rating_reminder: { ...CASE, link: 'https://zwfw.qinghe.example/rate/QH20261126-0001' },
  password_reset_code: { code: '583920', minutes: 15 },
  password_changed: { username: 'zhang', at: '2026-12-06 10:30' },
};
const kinds = Object.keys(NOTIFICATION_KINDS) as NotificationKind[];

test('every kind renders in Chinese and in English, with its facts in title, body and SMS', () => {
  for (const kind of kinds) {
    const zh = render(kind, SAMPLES[kind], 'zh-CN');
    const en = render(kind, SAMPLES[kind], 'en');
    for (const [lang, r] of [
      ['zh', zh],
      ['en', en],
    ] as const) {
      assert.ok(r.title && r.body && r.sms, `${kind} ${lang}`);
      assert.doesNotMatch(`${r.title}${r.body}${r.sms}`, /undefined|\[object|\$\{/, `${kind} ${lang}`);
      if ('receiptNo' in SAMPLES[kind])
        assert.ok(
          r.body.includes(CASE.receiptNo) && r.sms.includes(CASE.receiptNo),
          `${kind} ${lang}: receipt number`,
        );
    }
    assert.match(zh.title + zh.body, /[\u4e00-\u9fff]/);
    assert.match(zh.sms, /^【一窗通】/);
    assert.match(en.sms, /^\[OneWindow\] /);
    assert.doesNotMatch(
      en.body.replace(
        /食品经营许可|已整改，明日办结|场所平面图|健康证明|不属于本机关职权范围|需要现场核查|专家评审/g,
        '',
      ),
      /[\u4e00-\u9fff]/,
      `${kind}: English has no Chinese of its own`,
    );
  }
  assert.match(
    render('supplement_requested', SAMPLES.supplement_requested, 'zh-CN').body,
    /1\. 场所平面图\n2\. 健康证明/,
  );
  assert.match(
    render('case_extended', SAMPLES.case_extended, 'en').sms,
    /extended by 10 working days; now due 2026-12-17/,
  );
  assert.match(
    render('fee_form_issued', SAMPLES.fee_form_issued, 'zh-CN').sms,
    /需缴费¥120\.00，缴款码37010026000000000012，请于2026-12-07前缴纳/,
  );
  assert.match(
    render('fee_refund_paid', SAMPLES.fee_refund_paid, 'en').body,
    /CNY 50\.00 on payment form JK202600000001/,
  );
  assert.match(render('case_decided', { ...CASE, decision: 'refused' }, 'zh-CN').title, /^不予许可/);
});

test('only the first supplement request is the one-time notice; a later one says which it is, and why', () => {
  const first = render('supplement_requested', { ...SAMPLES.supplement_requested, seq: 1 }, 'zh-CN');
  assert.match(first.body, /一次性告知/);
  const later = { ...SAMPLES.supplement_requested, seq: 2, reason: '首次审查遗漏' };
  const zh = render('supplement_requested', later, 'zh-CN');
  assert.doesNotMatch(`${zh.title}${zh.body}${zh.sms}`, /一次性告知/);
  assert.match(zh.title, /第 2 次补正告知/);
  assert.match(zh.body, /首次审查遗漏/);
  const en = render('supplement_requested', later, 'en');
  assert.doesNotMatch(`${en.title}${en.body}`, /given once/);
  assert.match(en.title, /supplement notice no\. 2/);
});

test('the check code appears in the acceptance notice on every channel and in no other kind', () => {
  for (const kind of kinds) {
    for (const lang of ['zh-CN', 'en'] as const) {
      const r = render(kind, { ...SAMPLES[kind], checkCode: 'K7Q29XPM' }, lang);
      const shown = [r.title, r.body, r.sms].filter((s) => s.includes('K7Q29XPM')).length;
      assert.equal(shown, kind === 'case_accepted' ? 2 : 0, `${kind} ${lang}`);
    }
  }
  const { checkCode: _omit, ...noCode } = SAMPLES.case_accepted;
  assert.doesNotMatch(
    render('case_accepted', noCode, 'zh-CN').body,
    /查询码/,
    'no empty check code line when none was given',
  );
});

test('an unknown kind or a wrong payload is an UndeliverableError naming the kind and the fields, not the values', () => {
  assert.throws(
    () => checkPayload('case_teleported', {}),
    (e: unknown) =>
      e instanceof UndeliverableError && e.message === 'unknown notification kind "case_teleported"',
  );
  assert.throws(() => checkPayload('toString', {}), UndeliverableError, 'inherited names are not kinds');
  assert.throws(
    () => render('case_extended', { ...CASE, days: 0, newDueDate: '17/12/2026', reason: '秘密理由' }, 'en'),
    (e: unknown) =>
      e instanceof UndeliverableError &&
      /at \/days, \/newDueDate$/.test(e.message) &&
      !e.message.includes('秘密'),
  );
  assert.throws(() => render('case_decided', { ...CASE, decision: 'maybe' }, 'en'), /at \/decision/);
  assert.equal(checkPayload('case_completed', { ...CASE, extra: 'ignored' }), 'case_completed');
});

test('languages, addresses and errors: unknown locales read Chinese; SMS only to mobiles; one delivery per address; errors masked', () => {
  assert.deepEqual(['en', 'en-GB', 'EN', 'zh-CN', 'fr', null].map(localeOf), [
    'en',
    'en',
    'en',
    'zh-CN',
    'zh-CN',
    'zh-CN',
  ]);
  assert.deepEqual(
    ['+86 139-1234-5678', '8613912345678', '0571-87654321', '12345678901', '1391234567'].map(mobileNumber),
    ['13912345678', '13912345678', null, null, null],
  );
  const got = addressesFor(
    [
      { userId: 'u1', locale: 'en', email: 'A@example.com', phone: '13912345678' },
      { userId: 'u2', locale: 'zh-CN', email: 'a@example.com', phone: '0571-1' },
      { userId: null, locale: 'zh-CN', email: 'not an address', phone: null },
    ],
    ['inbox', 'sms', 'email'],
  );
  assert.deepEqual(got, [
    { channel: 'inbox', address: 'u1', locale: 'en' },
    { channel: 'sms', address: '13912345678', locale: 'en' },
    { channel: 'email', address: 'A@example.com', locale: 'en' },
    { channel: 'inbox', address: 'u2', locale: 'zh-CN' },
  ]);
  assert.deepEqual(
    addressesFor(
      [{ userId: 'u1', locale: 'en', email: 'a@example.com', phone: '13912345678' }],
      ['inbox'],
    ).map((a) => a.channel),
    ['inbox'],
  );
  const e = Object.assign(
    new Error('Recipient <zhang.san@example.com> rejected; sms to 13912345678 failed'),
    { code: 'EENVELOPE', responseCode: 550 },
  );
  assert.equal(
    describeError(e),
    'EENVELOPE 550: Recipient <zh***@example.com> rejected; sms to 139****5678 failed',
  );
  assert.equal(describeError(new Error('x'.repeat(900))).length, 500);
});
