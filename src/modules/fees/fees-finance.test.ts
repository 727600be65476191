import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { inflateRawSync } from 'node:zlib';
import type { TestContext } from '../../../test/test-context.js';
import { Client, staff } from '../../../test/http.js';
import { checkLedger } from './check-ledger.js';
import { deliver, GATEWAY, notice, seeded } from './fee-test-support.js';

/** What these tests read of receipts and reconciliation items. */
type Receipt = { number: string; replaces: string | null };
type ReconItem = { transactionId: string; kind: string; statementFen: number; ledgerFen: number };
let t: TestContext;
let demo: (u: string) => Promise<Client>;
let clerk: Client, admin: Client, sup: Client, citizen: Client, gajHead: Client;

before(async () => {
  ({ t, demo } = await seeded());
  [clerk, admin, sup, citizen] = await Promise.all([
    demo('clerk'),
    demo('admin'),
    demo('supervisor'),
    demo('citizen'),
  ]);
  gajHead = await staff(t, 'head.gaj', 'head', 'GAJ');
});
after(() => t.close());

/** A passport case filed online by the demo citizen, so the citizen is the payer. */
async function onlinePassport() {
  const hit = (
    await new Client(t.app).req('GET', `/api/v1/search?q=${encodeURIComponent('普通护照签发')}&limit=5`)
  )
    .json()
    .items.find((i: { id: string; name: string }) => i.name === '普通护照签发');
  const r = await clerk.req('POST', '/api/v1/cases', {
    itemId: hit.id,
    applicant: { kind: 'person', name: '张小明', idNumber: '11010519491231002X' },
    form: {},
    materials: [],
  });
  assert.equal(r.statusCode, 201, r.body);
  const caseId = r.json().case.id;
  const userId = (
    await t.db.selectFrom('users').select('id').where('username', '=', 'citizen').executeTakeFirstOrThrow()
  ).id;
  await t.db.updateTable('cases').set({ applicant_user_id: userId }).where('id', '=', caseId).execute();
  return { caseId, form: (await clerk.req('GET', `/api/v1/cases/${caseId}/fees`)).json().forms[0] };
}

test('a payer asks for a refund: the unit reviews, finance approves, pays back from the treasury if already remitted', async () => {
  const { caseId, form } = await onlinePassport();
  assert.equal(
    (await deliver(t, notice(form.paymentCode, 12000, t.clock.now().toISOString()))).json().status,
    'applied',
  );
  const remit = await admin.req('POST', '/api/v1/fee-remittances', { reference: 'GK-2026-1130-01' });
  assert.equal(remit.statusCode, 201, remit.body);
  assert.ok(remit.json().amountFen >= 12000);
  const tooMuch = await citizen.req('POST', `/api/v1/fee-forms/${form.id}/refunds`, {
    amountFen: 12001,
    reason: '申请撤回',
  });
  assert.equal(tooMuch.statusCode, 400);
  assert.equal(tooMuch.json().errors[0].code, 'exceeds_refundable');
  const other = await demo('enterprise');
  assert.equal(
    (await other.req('POST', `/api/v1/fee-forms/${form.id}/refunds`, { amountFen: 100, reason: 'x' }))
      .statusCode,
    403,
  );
  const req = await citizen.req('POST', `/api/v1/fee-forms/${form.id}/refunds`, {
    amountFen: 12000,
    reason: '不再出国，申请撤回并退费',
  });
  assert.equal(req.statusCode, 201, req.body);
  assert.equal(req.json().status, 'requested');
  const reviewClock = await t.db
    .selectFrom('clocks')
    .select('limit_days')
    .where('id', '=', req.json().clockId)
    .executeTakeFirstOrThrow();
  assert.equal(reviewClock.limit_days, 10, 'the unit reviews within 10 working days');
  assert.equal(
    (await citizen.req('POST', `/api/v1/fee-forms/${form.id}/refunds`, { amountFen: 1, reason: '再退一次' }))
      .statusCode,
    400,
    'nothing left to ask for',
  );
  const scjHead = await demo('head');
  assert.equal(
    (await scjHead.req('POST', `/api/v1/fee-refunds/${req.json().id}/review`, { version: 1, approve: true }))
      .statusCode,
    403,
    'another department cannot review',
  );
  const reviewed = await gajHead.req('POST', `/api/v1/fee-refunds/${req.json().id}/review`, {
    version: 1,
    approve: true,
    note: '情况属实',
  });
  assert.equal(reviewed.statusCode, 200, reviewed.body);
  const approved = await admin.req('POST', `/api/v1/fee-refunds/${req.json().id}/approval`, {
    version: reviewed.json().version,
    approve: true,
  });
  const paid = await admin.req('POST', `/api/v1/fee-refunds/${req.json().id}/payment`, {
    version: approved.json().version,
    method: 'bank_transfer',
    reference: 'TK-0001',
  });
  assert.equal(paid.statusCode, 200, paid.body);
  const f = (await citizen.req('GET', `/api/v1/cases/${caseId}/fees`)).json();
  assert.equal(f.totals.refundedFen, 12000);
  assert.equal(f.forms[0].lines[0].remittedFen, 0, 'the refund came back from the treasury (退库)');
  const list = (await admin.req('GET', '/api/v1/fee-refunds?status=paid')).json();
  assert.ok(
    list.items.some(
      (r: { id: string; formNumber: string }) => r.id === req.json().id && r.formNumber === form.number,
    ),
  );
  assert.deepEqual((await checkLedger(t.db)).violations, []);
});

test('voiding a receipt: reason, a supervisor other than the asker, reissue or undo; never deleted', async () => {
  const { form } = await onlinePassport();
  const cash = await clerk.req('POST', `/api/v1/fee-forms/${form.id}/counter-payments`, {
    method: 'cash',
    amountFen: 12000,
  });
  const receipt = cash.json().receipt;
  const ask = await clerk.req('POST', `/api/v1/fee-receipts/${receipt.id}/void-request`, {
    version: receipt.version,
    reason: '误收：缴款人实未交款',
    reissue: false,
  });
  assert.equal(ask.statusCode, 200, ask.body);
  assert.equal(
    (
      await clerk.req('POST', `/api/v1/fee-receipts/${receipt.id}/void-decision`, {
        version: ask.json().version,
        approve: true,
      })
    ).statusCode,
    403,
    'only a supervisor approves',
  );
  const ok = await sup.req('POST', `/api/v1/fee-receipts/${receipt.id}/void-decision`, {
    version: ask.json().version,
    approve: true,
    note: '核实无误',
  });
  assert.equal(ok.statusCode, 200, ok.body);
  assert.equal(ok.json().voided, receipt.number);
  const f = (await clerk.req('GET', `/api/v1/fee-forms/${form.id}`)).json();
  assert.equal(f.status, 'open', 'the undone cash payment is owed again');
  assert.equal(f.outstandingFen, 12000);
  assert.equal(f.receipts[0].status, 'voided');
  assert.equal(f.payments[0].status, 'reversed');
  const still = await t.app.inject(`/api/v1/verify/fee-receipts/${receipt.number}?code=${receipt.checkCode}`);
  assert.equal(still.json().status, 'voided', 'a voided receipt is still on record');

  // An online payment: only a replacement receipt, never an undo.
  const online = await deliver(t, notice(form.paymentCode, 12000, t.clock.now().toISOString()));
  const r2 = (await clerk.req('GET', `/api/v1/fee-forms/${form.id}`))
    .json()
    .receipts.find((r: Receipt) => r.number === online.json().receipt);
  const undo = await clerk.req('POST', `/api/v1/fee-receipts/${r2.id}/void-request`, {
    version: r2.version,
    reason: '缴款人信息有误',
    reissue: false,
  });
  assert.equal(undo.statusCode, 409);
  const reissue = await clerk.req('POST', `/api/v1/fee-receipts/${r2.id}/void-request`, {
    version: r2.version,
    reason: '缴款人信息有误',
    reissue: true,
  });
  const refused = await sup.req('POST', `/api/v1/fee-receipts/${r2.id}/void-decision`, {
    version: reissue.json().version,
    approve: false,
    note: '理由不足',
  });
  assert.equal(refused.statusCode, 200);
  const again = await clerk.req('POST', `/api/v1/fee-receipts/${r2.id}/void-request`, {
    version: reissue.json().version + 1,
    reason: '缴款人姓名错字',
    reissue: true,
  });
  const replaced = await sup.req('POST', `/api/v1/fee-receipts/${r2.id}/void-decision`, {
    version: again.json().version,
    approve: true,
  });
  assert.equal(replaced.statusCode, 200, replaced.body);
  assert.match(replaced.json().replacement, /^SJ\d{12}$/);
  const rs = (await clerk.req('GET', `/api/v1/fee-forms/${form.id}`)).json().receipts;
  assert.equal(rs.length, 3, 'voided receipts stay');
  assert.equal(rs.find((r: Receipt) => r.number === replaced.json().replacement).replaces, r2.number);
  const nums = (
    await t.db.selectFrom('fee_receipts').select('seq').where('year', '=', 2026).orderBy('seq').execute()
  ).map((r) => r.seq);
  assert.deepEqual(
    nums,
    nums.map((_, i) => i + 1),
    'no gaps, no repeats',
  );
  assert.deepEqual((await checkLedger(t.db)).violations, []);
});

test('reconciliation: a statement matched with the ledger lists what is missing, extra or different', async () => {
  const day = '2026-11-30';
  const at = t.clock.now().toISOString();
  const forms = await Promise.all([onlinePassport(), onlinePassport(), onlinePassport()]);
  const [a, b, c] = forms.map((x) => notice(x.form.paymentCode, 12000, at));
  for (const n of [a!, b!]) assert.equal((await deliver(t, n)).json().status, 'applied');
  const csv = [
    '\ufefftransaction_id,payment_code,amount,paid_at',
    `${a!.transactionId},${a!.paymentCode},120.00,${at}`,
    `${b!.transactionId},${b!.paymentCode},"1,200.00",${at}`,
    `${c!.transactionId},${c!.paymentCode},120.00,${at}`,
  ].join('\r\n');
  const bad = await admin.req('POST', '/api/v1/fee-reconciliations', {
    gateway: GATEWAY,
    date: day,
    csv: 'transaction_id,amount\nX,abc\n',
  });
  assert.equal(bad.statusCode, 422);
  assert.equal(bad.json().errors[0].path, '/statement/2/amount');
  assert.equal(
    (await clerk.req('POST', '/api/v1/fee-reconciliations', { gateway: GATEWAY, date: day, csv })).statusCode,
    403,
  );
  const r = await admin.req('POST', '/api/v1/fee-reconciliations', { gateway: GATEWAY, date: day, csv });
  assert.equal(r.statusCode, 201, r.body);
  const rec = r.json();
  assert.equal(rec.matched, 1);
  const kinds = Object.fromEntries(
    rec.items
      .filter((i: ReconItem) => [a, b, c].some((n) => n!.transactionId === i.transactionId))
      .map((i: ReconItem) => [i.transactionId, [i.kind, i.statementFen, i.ledgerFen]]),
  );
  assert.deepEqual(kinds[b!.transactionId], ['different', 120000, 12000]);
  assert.deepEqual(kinds[c!.transactionId], ['missing', 12000, null]);
  assert.ok(
    rec.items.some((i: ReconItem) => i.kind === 'extra'),
    'earlier payments of the day are not on this statement',
  );
  const missing = rec.items.find((i: ReconItem) => i.transactionId === c!.transactionId);
  const resolved = await admin.req(
    'POST',
    `/api/v1/fee-reconciliations/${rec.id}/items/${missing.id}/resolve`,
    { note: '通知丢失，按对账单补记', apply: true },
  );
  assert.equal(resolved.statusCode, 200, resolved.body);
  assert.equal(resolved.json().applied.status, 'applied');
  assert.equal(
    (
      await admin.req('POST', `/api/v1/fee-reconciliations/${rec.id}/items/${missing.id}/resolve`, {
        note: 'again',
        apply: true,
      })
    ).statusCode,
    409,
  );
  const after = (await admin.req('GET', `/api/v1/fee-reconciliations/${rec.id}`)).json();
  assert.equal(after.openItems, rec.openItems - 1);
  assert.equal((await clerk.req('GET', `/api/v1/fee-forms/${forms[2]!.form.id}`)).json().status, 'settled');
  assert.deepEqual((await checkLedger(t.db)).violations, []);
});

test('reports by department and fee item, daily and monthly, as JSON, CSV and XLSX', async () => {
  const day = (await admin.req('GET', '/api/v1/fee-reports?period=day&date=2026-11-30')).json();
  const hz = day.items.find((i: { feeCode: string }) => i.feeCode === 'FEE-GA-HZ');
  assert.ok(hz, JSON.stringify(day));
  assert.ok(hz.chargedFen > 0 && hz.paidFen > 0);
  assert.equal(hz.departmentName, '清河市公安局');
  const month = (await admin.req('GET', '/api/v1/fee-reports?period=month&date=2026-11')).json();
  assert.equal(month.from, '2026-11-01');
  assert.equal(month.to, '2026-11-30');
  assert.ok(month.totals.paidFen >= day.totals.paidFen);
  const byDept = (await gajHead.req('GET', '/api/v1/fee-reports?period=month&date=2026-11')).json();
  assert.ok(
    byDept.items.every((i: { departmentName: string }) => i.departmentName === '清河市公安局'),
    'a head sees their own department',
  );
  assert.equal(
    (await gajHead.req('GET', '/api/v1/fee-reports?period=month&date=2026-11&department=SCJ')).statusCode,
    403,
  );
  assert.equal((await clerk.req('GET', '/api/v1/fee-reports?period=day&date=2026-11-30')).statusCode, 403);

  const csvRes = await admin.req('GET', '/api/v1/fee-reports?period=day&date=2026-11-30&format=csv');
  assert.match(csvRes.headers['content-type'] as string, /text\/csv/);
  assert.ok(csvRes.body.startsWith('\ufeff部门,收费项目编码'));
  assert.ok(csvRes.body.includes('FEE-GA-HZ'));
  const x = await admin.req('GET', '/api/v1/fee-reports?period=day&date=2026-11-30&format=xlsx');
  assert.equal(x.statusCode, 200);
  const zip = x.rawPayload;
  assert.equal(zip.readUInt32LE(0), 0x04034b50, 'a zip archive');
  const sheet = entry(zip, 'xl/worksheets/sheet1.xml');
  assert.ok(sheet.includes('FEE-GA-HZ') && sheet.includes('清河市公安局'));
  assert.ok(sheet.includes(`<v>${hz.paidFen}</v>`), 'amounts are numbers (fen)');
});

/** Reads one entry of a zip through its central directory. */
function entry(zip: Buffer, name: string): string {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  let p = zip.readUInt32LE(end + 16);
  for (let i = 0; i < zip.readUInt16LE(end + 10); i++) {
    const n = zip.readUInt16LE(p + 28),
      extra = zip.readUInt16LE(p + 30),
      comment = zip.readUInt16LE(p + 32);
    const size = zip.readUInt32LE(p + 20),
      local = zip.readUInt32LE(p + 42);
    if (zip.subarray(p + 46, p + 46 + n).toString() === name) {
      const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
      return inflateRawSync(zip.subarray(start, start + size)).toString('utf8');
    }
    p += 46 + n + extra + comment;
  }
  throw new Error(`no ${name}`);
}

test('the ledger check via the API: supervisors and administrators only', async () => {
  const r = await sup.req('GET', '/api/v1/fee-ledger/check');
  assert.equal(r.statusCode, 200);
  assert.equal(r.json().ok, true, JSON.stringify(r.json().violations));
  assert.ok(r.json().receipts > 0);
  assert.equal((await clerk.req('GET', '/api/v1/fee-ledger/check')).statusCode, 403);
});
