import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { TestContext } from '../../../test/test-context.js';
import { Client, staff } from '../../../test/http.js';
import { checkLedger } from './check-ledger.js';
import { seeded, walkIn } from './fee-test-support.js';
import { Value } from '@sinclair/typebox/value';
import { TrackingView } from '../cases/schemas.js';
import { trackedFeesOf } from './fee-summary.js';
import { newId } from '../../shared/ids.js';

let t: TestContext;
let demo: (u: string) => Promise<Client>;
let clerk: Client, sup: Client, citizen: Client;

before(async () => {
  ({ t, demo } = await seeded());
  [clerk, sup, citizen] = await Promise.all([demo('clerk'), demo('supervisor'), demo('citizen')]);
});
after(() => t.close());

const fees = async (c: Client, caseId: string) => (await c.req('GET', `/api/v1/cases/${caseId}/fees`)).json();
const caseOf = async (caseId: string) => (await clerk.req('GET', `/api/v1/cases/${caseId}`)).json();

const track = async (receiptNo: string, code: string) =>
  (await t.app.inject(`/api/v1/track/${receiptNo}?code=${code}`)).json();

test('passport: the form is issued on receipt, acceptance waits for it, the simulated gateway and the counter pay it', async () => {
  const { caseId, receiptNo, checkCode } = await walkIn(t, clerk, '普通护照签发');
  const f0 = await fees(clerk, caseId);
  assert.equal(f0.forms.length, 1, JSON.stringify(f0));
  const form = f0.forms[0];
  assert.match(form.number, /^JK2026\d{8}$/);
  assert.match(form.paymentCode, /^\d{20}$/);
  assert.equal(form.chargedFen, 12000);
  assert.equal(form.outstandingFen, 12000);
  assert.equal(form.paymentPoint, 'before_acceptance');
  assert.equal(form.lines[0].feeCode, 'FEE-GA-HZ');
  assert.equal(form.lines[0].quantity, '1 件');
  assert.match(form.checkoutUrl, /^https:\/\/pay\.example\.test\/checkout\?code=\d{20}&amount=12000$/);
  assert.ok(form.dueDate > '2026-11-30');
  // Public tracking shows what is owed (统一收费 in the open), never the payment code.
  const tracked = await track(receiptNo, checkCode);
  assert.deepEqual(tracked.fees, {
    forms: [
      {
        number: form.number,
        item: '普通护照签发',
        status: 'open',
        chargedFen: 12000,
        waivedFen: 0,
        paidFen: 0,
        outstandingFen: 12000,
        refundedFen: 0,
        dueDate: form.dueDate,
        settledAt: null,
      },
    ],
    formCount: 1,
    chargedFen: 12000,
    paidFen: 0,
    outstandingFen: 12000,
    refundedFen: 0,
  });
  assert.ok(!JSON.stringify(tracked).includes(form.paymentCode));
  assert.ok(Value.Check(TrackingView, tracked), 'as the OpenAPI document describes it');

  const early = await clerk.req('POST', `/api/v1/cases/${caseId}/accept`, {
    version: (await caseOf(caseId)).version,
  });
  assert.equal(early.statusCode, 409, early.body);
  assert.equal(early.json().code, 'invalid_state');
  assert.ok(early.json().detail.includes(form.number), early.json().detail);

  const page = await t.app.inject(`/api/v1/pay/${form.paymentCode}`);
  assert.equal(page.statusCode, 200);
  assert.match(page.headers['content-type'] as string, /text\/html/);
  assert.ok(page.body.includes(form.number) && page.body.includes('120.00'));
  assert.ok(page.body.includes('<html lang="zh-CN">') && page.body.includes('确认支付'));
  for (const english of [
    await t.app.inject(`/api/v1/pay/${form.paymentCode}?lang=en`),
    await t.app.inject({
      url: `/api/v1/pay/${form.paymentCode}`,
      headers: { 'accept-language': 'en-GB,en;q=0.9' },
    }),
  ]) {
    assert.equal(english.statusCode, 200);
    assert.ok(
      english.body.includes('<html lang="en">') &&
        english.body.includes('Outstanding: ¥120.00') &&
        english.body.includes('>Pay</button>'),
      english.body,
    );
    assert.doesNotMatch(
      english.body.replace(/<td>[^<]*<\/td>|执收单位：|Collecting agency: [^<]*|Payer: [^<]*/g, ''),
      /[确认支付应缴余额模拟]/,
      'no Chinese of the page itself in English',
    );
  }
  assert.equal((await t.app.inject(`/api/v1/pay/${form.paymentCode}?lang=fr`)).statusCode, 400);
  const partial = await t.app.inject({
    method: 'POST',
    url: `/api/v1/pay/${form.paymentCode}/confirm`,
    payload: { amountFen: 5000 },
  });
  assert.equal(partial.statusCode, 200, partial.body);
  assert.equal(partial.json().status, 'applied');
  assert.match(partial.json().receipt, /^SJ2026\d{8}$/);
  assert.deepEqual(
    (await track(receiptNo, checkCode)).fees.forms.map(
      (f: { status: string; paidFen: number; outstandingFen: number }) => [
        f.status,
        f.paidFen,
        f.outstandingFen,
      ],
    ),
    [['open', 5000, 7000]],
    'tracking follows the payment',
  );
  const stillOwed = await clerk.req('POST', `/api/v1/cases/${caseId}/accept`, {
    version: (await caseOf(caseId)).version,
  });
  assert.equal(stillOwed.statusCode, 409);
  assert.match(stillOwed.json().detail, /70\.00/);

  const tooMuch = await clerk.req('POST', `/api/v1/fee-forms/${form.id}/counter-payments`, {
    method: 'cash',
    amountFen: 8000,
  });
  assert.equal(tooMuch.statusCode, 400);
  assert.equal(tooMuch.json().errors[0].code, 'exceeds_outstanding');
  const noRef = await clerk.req('POST', `/api/v1/fee-forms/${form.id}/counter-payments`, {
    method: 'pos',
    amountFen: 7000,
  });
  assert.equal(noRef.statusCode, 400);
  const pos = await clerk.req('POST', `/api/v1/fee-forms/${form.id}/counter-payments`, {
    method: 'pos',
    amountFen: 7000,
    reference: 'POS-000123',
  });
  assert.equal(pos.statusCode, 201, pos.body);
  assert.equal(pos.json().form.status, 'settled');
  assert.equal(pos.json().receipt.amountFen, 7000);
  assert.equal(
    (
      await citizen.req('POST', `/api/v1/fee-forms/${form.id}/counter-payments`, {
        method: 'cash',
        amountFen: 1,
      })
    ).statusCode,
    403,
  );

  const accepted = await clerk.req('POST', `/api/v1/cases/${caseId}/accept`, {
    version: (await caseOf(caseId)).version,
  });
  assert.equal(accepted.statusCode, 200, accepted.body);

  const f1 = await fees(clerk, caseId);
  const receipts = f1.forms[0].receipts;
  assert.equal(receipts.length, 2);
  assert.deepEqual(
    receipts.map((r: { amountFen: number }) => r.amountFen),
    [5000, 7000],
  );
  const [a, b] = receipts.map((r: { number: string }) => Number(r.number.slice(6)));
  assert.equal(b, a + 1, 'receipt numbers follow each other');
  assert.deepEqual(f1.totals, {
    chargedFen: 12000,
    waivedFen: 0,
    paidFen: 12000,
    outstandingFen: 0,
    refundedFen: 0,
  });
  const paidUp = (await track(receiptNo, checkCode)).fees;
  assert.deepEqual(
    [
      paidUp.forms[0].status,
      paidUp.forms[0].paidFen,
      paidUp.forms[0].outstandingFen,
      paidUp.paidFen,
      paidUp.outstandingFen,
    ],
    ['settled', 12000, 0, 12000, 0],
  );
  assert.equal(paidUp.forms[0].settledAt, f1.forms[0].settledAt);

  const pdf = await clerk.req('GET', `/api/v1/fee-forms/${form.id}/pdf`);
  assert.equal(pdf.statusCode, 200);
  assert.equal(pdf.headers['content-type'], 'application/pdf');
  assert.equal(pdf.rawPayload.subarray(0, 5).toString(), '%PDF-');
  const again = await clerk.req('GET', `/api/v1/fee-forms/${form.id}/pdf`);
  assert.equal(again.headers['x-sha256'], pdf.headers['x-sha256'], 'a form prints the same every time');
  const rpdf = await clerk.req('GET', `/api/v1/fee-receipts/${receipts[1].id}/pdf`);
  assert.equal(rpdf.statusCode, 200);
  assert.equal(
    (await new Client(t.app).req('GET', `/api/v1/fee-receipts/${receipts[1].id}/pdf`)).statusCode,
    401,
  );

  const ok = await t.app.inject(
    `/api/v1/verify/fee-receipts/${receipts[1].number}?code=${receipts[1].checkCode}`,
  );
  assert.equal(ok.statusCode, 200, ok.body);
  assert.equal(ok.json().authentic, true);
  assert.equal(ok.json().amountFen, 7000);
  assert.equal(ok.json().payer, '张**');
  assert.equal(ok.json().formNumber, form.number);
  const formOk = await t.app.inject(`/api/v1/verify/fee-forms/${form.number}?code=${form.paymentCode}`);
  assert.equal(formOk.statusCode, 200);
  assert.equal(formOk.json().status, 'settled');
  const wrong = await t.app.inject(`/api/v1/verify/fee-receipts/${receipts[1].number}?code=WRONG123`);
  assert.equal(wrong.statusCode, 404);
  const unknown = await t.app.inject(`/api/v1/verify/fee-receipts/SJ202699999999?code=WRONG123`);
  assert.equal(unknown.statusCode, 404);
  // Each language alone: the Chinese message names the receipt with no English in it.
  assert.equal(unknown.json().code, 'fee_document_not_found');
  assert.match(unknown.json().detail, /收据/);
  assert.doesNotMatch(unknown.json().detail, /[A-Za-z]{3,}/);

  // Wrong pairs sent all at once from one address: guesses in flight count, so no more than the
  // policy's are ever checked, and the rest are refused with 429.
  const burst = await Promise.all(
    Array.from({ length: 60 }, (_, i) =>
      t.app.inject({
        url: `/api/v1/verify/fee-forms/${form.number}?code=WRONG${String(i).padStart(3, '0')}`,
        remoteAddress: '203.0.113.77',
      }),
    ),
  );
  const answered = burst.filter((r) => r.statusCode === 404).length;
  assert.ok(answered <= 20, `${answered} wrong guesses were checked, at most 20 may be`);
  assert.ok(burst.some((r) => r.statusCode === 429));
  assert.ok(burst.every((r) => r.statusCode === 404 || r.statusCode === 429));
});

test("charging anything but the item version's published fee lines is refused, recorded and signalled", async () => {
  const { caseId } = await walkIn(t, clerk, '普通护照签发');
  const r = await clerk.req('POST', `/api/v1/cases/${caseId}/fee-forms`, { feeCodes: ['FEE-GA-SFZ'] });
  assert.equal(r.statusCode, 422, r.body);
  assert.equal(r.json().code, 'fee_not_chargeable');
  assert.equal(r.json().errors[0].code, 'not_on_item');
  const audit = await t.db
    .selectFrom('audit_events')
    .select(['action', 'data'])
    .where('entity_id', '=', caseId)
    .where('action', '=', 'fee.charge_refused')
    .execute();
  assert.equal(audit.length, 1);
  const signals = (
    await sup.req('GET', `/api/v1/supervision/signals?kind=fee_outside_catalogue&subjectId=${caseId}`)
  ).json();
  assert.equal(signals.total, 1);
  const dup = await clerk.req('POST', `/api/v1/cases/${caseId}/fee-forms`, {});
  assert.equal(dup.statusCode, 409, 'the form was already issued on receipt');
});

test('a per-square-metre fee waits for its quantity: a 400 names the field, then the decision waits for payment', async () => {
  const { caseId } = await walkIn(t, clerk, '建筑工程施工许可证核发');
  const c0 = await caseOf(caseId);
  const acc = await clerk.req('POST', `/api/v1/cases/${caseId}/accept`, { version: c0.version });
  assert.equal(acc.statusCode, 200, 'nothing is due before acceptance');
  const f0 = await fees(clerk, caseId);
  assert.equal(f0.forms.length, 0);
  assert.deepEqual(
    f0.awaiting[0].missingQuantities,
    [{ feeCode: 'FEE-ZJ-PTF', feeName: '城市基础设施配套费', unit: '平方米' }],
    'the fee is named for the person asked for its quantity',
  );
  const missing = await clerk.req('POST', `/api/v1/cases/${caseId}/fee-forms`, {});
  assert.equal(missing.statusCode, 400);
  assert.equal(missing.json().errors[0].path, '/body/quantities/FEE-ZJ-PTF');
  assert.equal(missing.json().errors[0].code, 'quantity_required');

  const rev = await demo('reviewer.zjj');
  const c1 = await caseOf(caseId);
  const blocked = await rev.req('POST', `/api/v1/cases/${caseId}/decisions`, {
    version: c1.version,
    taskId: c1.tasks[0].id,
    decision: 'approve',
  });
  assert.equal(blocked.statusCode, 409, blocked.body);
  assert.match(blocked.json().detail, /FEE-ZJ-PTF/);

  const issued = await clerk.req('POST', `/api/v1/cases/${caseId}/fee-forms`, {
    quantities: { 'FEE-ZJ-PTF': 1200.5 },
  });
  assert.equal(issued.statusCode, 201, issued.body);
  assert.equal(issued.json().chargedFen, 18_007_500, '1200.5 m² × ¥150');
  assert.equal(issued.json().lines[0].quantity, '1200.5 平方米');

  // A waiver needs its legal basis; the head of the collecting department grants it.
  const zjjHead = await staff(t, 'head.zjj', 'head', 'ZJJ');
  const form = issued.json();
  const noBasis = await zjjHead.req('POST', `/api/v1/fee-forms/${form.id}/waivers`, {
    version: form.version,
    feeCode: 'FEE-ZJ-PTF',
    amountFen: 7500,
    legalBasis: '领导同意',
    reason: '保障性住房',
  });
  assert.equal(noBasis.statusCode, 400);
  assert.equal(noBasis.json().errors[0].code, 'legal_basis_required');
  assert.equal(
    (
      await clerk.req('POST', `/api/v1/fee-forms/${form.id}/waivers`, {
        version: form.version,
        feeCode: 'FEE-ZJ-PTF',
        amountFen: 7500,
        legalBasis: '《关于保障性安居工程建设和运营有关税收政策的通知》',
        reason: '保障性住房部分',
      })
    ).statusCode,
    403,
  );
  const waived = await zjjHead.req('POST', `/api/v1/fee-forms/${form.id}/waivers`, {
    version: form.version,
    feeCode: 'FEE-ZJ-PTF',
    amountFen: 7500,
    legalBasis: '《关于保障性安居工程建设和运营有关税收政策的通知》（财税〔2014〕52号）',
    reason: '保障性住房部分',
  });
  assert.equal(waived.statusCode, 200, waived.body);
  assert.equal(waived.json().outstandingFen, 18_000_000);
  const pay = await clerk.req('POST', `/api/v1/fee-forms/${form.id}/counter-payments`, {
    method: 'pos',
    amountFen: 18_000_000,
    reference: 'POS-ZJ-1',
  });
  assert.equal(pay.statusCode, 201, pay.body);
  const again = await clerk.req('POST', `/api/v1/fee-forms/${form.id}/counter-payments`, {
    method: 'pos',
    amountFen: 1,
    reference: 'POS-ZJ-1',
  });
  assert.equal(again.statusCode, 409);

  const c2 = await caseOf(caseId);
  const decided = await rev.req('POST', `/api/v1/cases/${caseId}/decisions`, {
    version: c2.version,
    taskId: c2.tasks[0].id,
    decision: 'approve',
  });
  assert.equal(decided.statusCode, 200, decided.body);
});

test("property transfer: the form comes with the decision from the case form's quantities, and the certificate waits for it", async () => {
  const { caseId, itemId } = await walkIn(t, clerk, '不动产转移登记', {
    feeQuantities: { 'FEE-ZR-BDC-ZZ': 1, 'FEE-ZR-BDC-FZZ': 0, 'FEE-ZR-BDC-GBF': 0 },
  });
  const c0 = await caseOf(caseId);
  assert.equal(
    (await clerk.req('POST', `/api/v1/cases/${caseId}/accept`, { version: c0.version })).statusCode,
    200,
  );
  const c1 = await caseOf(caseId);
  let version = c1.version;
  for (const task of c1.tasks) {
    const rev = await staff(
      t,
      `rev.${task.department.code.toLowerCase()}.${Math.random().toString(36).slice(2, 6)}`,
      'reviewer',
      task.department.code,
    );
    const r = await rev.req('POST', `/api/v1/cases/${caseId}/decisions`, {
      version,
      taskId: task.id,
      decision: 'approve',
    });
    assert.equal(r.statusCode, 200, r.body);
    version = r.json().case.version;
  }
  const f = await fees(clerk, caseId);
  assert.equal(f.forms.length, 1);
  assert.equal(f.forms[0].chargedFen, 8000);
  assert.deepEqual(
    f.forms[0].lines.map((l: { feeCode: string }) => l.feeCode),
    ['FEE-ZR-BDC-ZZ'],
  );
  const blocked = await clerk.req('POST', `/api/v1/cases/${caseId}/deliver`, {
    version,
    method: '在窗口直接送达',
    recipient: '张小明',
  });
  assert.equal(blocked.statusCode, 409, blocked.body);

  // The item may let its certificate go out before payment: only when an administrator says so.
  const admin = await demo('admin');
  assert.equal(
    (await clerk.req('PUT', `/api/v1/admin/fee-item-settings/${itemId}`, { deliverBeforePaid: true }))
      .statusCode,
    403,
  );
  assert.equal(
    (
      await admin.req('PUT', `/api/v1/admin/fee-item-settings/${itemId}`, {
        deliverBeforePaid: true,
        note: '先证后费试点',
      })
    ).statusCode,
    200,
  );
  const delivered = await clerk.req('POST', `/api/v1/cases/${caseId}/deliver`, {
    version,
    method: '在窗口直接送达',
    recipient: '张小明',
  });
  assert.equal(delivered.statusCode, 200, delivered.body);
  await admin.req('PUT', `/api/v1/admin/fee-item-settings/${itemId}`, { deliverBeforePaid: false });

  const report = await checkLedger(t.db);
  assert.deepEqual(report.violations, []);
});

test("public: an item's fees with an estimate for a quantity; forms are free", async () => {
  const hit = (
    await new Client(t.app).req(
      'GET',
      `/api/v1/search?q=${encodeURIComponent('临时占用城市道路审批')}&limit=1`,
    )
  ).json().items[0];
  const none = (await t.app.inject(`/api/v1/items/${hit.id}/fees`)).json();
  assert.equal(none.totalFen, null, 'a tiered fee needs its quantity');
  assert.equal(none.formsAreFree, true);
  const est = (await t.app.inject(`/api/v1/items/${hit.id}/fees?quantities=FEE-CG-ZYDL:300`)).json();
  assert.equal(est.totalFen, 50 * 1200 + 150 * 900 + 100 * 600);
  assert.equal(est.paymentPoint, 'before_delivery');
});

test('tracking lists the latest 50 forms of a case that has more, and its totals count them all', async () => {
  const { caseId, receiptNo, checkCode } = await walkIn(t, clerk, '普通护照签发');
  const form = await t.db
    .selectFrom('fee_forms')
    .selectAll()
    .where('case_id', '=', caseId)
    .executeTakeFirstOrThrow();
  const line = await t.db
    .selectFrom('fee_form_lines')
    .selectAll()
    .where('form_id', '=', form.id)
    .executeTakeFirstOrThrow();
  // 54 more forms as if reissued over time: three cancelled, one paid, one with a refund (written directly, for the shape only).
  for (let i = 1; i <= 54; i++) {
    const id = newId();
    const cancelled = i <= 3;
    const paid = i === 4 ? 12000 : 0;
    await t.db
      .insertInto('fee_forms')
      .values({
        ...form,
        id,
        number: `${form.number}-${String(i).padStart(2, '0')}`,
        payment_code: `${form.payment_code[0] === '9' ? 8 : 9}${form.payment_code.slice(1, -2)}${String(i).padStart(2, '0')}`,
        status: cancelled ? 'cancelled' : paid ? 'settled' : 'open',
        paid_fen: paid,
        outstanding_fen: 12000 - paid,
      })
      .execute();
    await t.db
      .insertInto('fee_form_lines')
      .values({ ...line, id: newId(), form_id: id, paid_fen: paid, refunded_fen: i === 2 ? 3000 : 0 })
      .execute();
  }
  const fees = (await trackedFeesOf(t.db, caseId))!;
  assert.equal(fees.formCount, 55);
  assert.equal(fees.forms.length, 50);
  assert.deepEqual(
    [fees.forms[0]!.number, fees.forms.at(-1)!.number],
    [`${form.number}-05`, `${form.number}-54`],
    'the latest 50, oldest first',
  );
  assert.deepEqual(
    [fees.chargedFen, fees.paidFen, fees.outstandingFen, fees.refundedFen],
    [52 * 12000, 12000, 51 * 12000, 3000],
    'totals over all 55, cancelled ones aside; the refund on an unlisted form counted',
  );
  const tracked = (await t.app.inject(`/api/v1/track/${receiptNo}?code=${checkCode}`)).json();
  assert.deepEqual(tracked.fees, fees);
});
