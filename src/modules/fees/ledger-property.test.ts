import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { TestContext } from '../../../test/test-context.js';
import { Client, staff } from '../../../test/http.js';
import { checkLedger } from './check-ledger.js';
import { deliver, notice, seeded, walkIn, type Notice } from './fee-test-support.js';

/**
 * Many payments, partial and excess payments, duplicate and late callbacks (some racing each other),
 * counter payments and their voiding, waivers, cancellations, refunds through every step, and
 * remittances, in random order: afterwards the ledger check finds nothing wrong, and every
 * notification was applied exactly once.
 */
let t: TestContext;
let demo: (u: string) => Promise<Client>;
let clerk: Client, head: Client, admin: Client, sup: Client;

before(async () => {
  ({ t, demo } = await seeded());
  head = await staff(t, 'head.gaj.prop', 'head', 'GAJ');
  [clerk, admin, sup] = await Promise.all([demo('clerk'), demo('admin'), demo('supervisor')]);
});
after(() => t.close());

const form = fc.integer({ min: 0, max: 2 });
const amount = fc.oneof(
  fc.constant(12000),
  fc.integer({ min: 1, max: 12000 }),
  fc.integer({ min: 12001, max: 30000 }),
);
const op = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.record({
      kind: fc.constant('pay' as const),
      form,
      amount,
      deliveries: fc.integer({ min: 1, max: 3 }),
      late: fc.boolean(),
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('redeliver' as const), pick: fc.nat() }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('counter' as const),
      form,
      amount: fc.integer({ min: 1, max: 12000 }),
      pos: fc.boolean(),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('waive' as const),
      form,
      amount: fc.integer({ min: 1, max: 6000 }),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('cancel' as const), form }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('refund' as const),
      form,
      amount: fc.integer({ min: 1, max: 12000 }),
    }),
  },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('advance' as const), approve: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('remit' as const) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('void' as const), form, reissue: fc.boolean() }) },
);

let runs = 0;

/** Moves every open refund of these forms one step on (file, review, approve, pay). */
async function advanceRefunds(forms: { id: string }[], approve: boolean) {
  const open = (
    await Promise.all(
      forms.map(async (f) => (await admin.req('GET', `/api/v1/fee-forms/${f.id}`)).json().refunds),
    )
  ).flat();
  for (const r of open) {
    const step = {
      found: [clerk, 'file', {}],
      requested: [head, 'review', { approve }],
      filed: [admin, 'approval', { approve: approve || r.source === 'excess' }],
      approved: [admin, 'payment', { method: 'original_channel', reference: `RF-${r.id.slice(-6)}` }],
    }[r.status as string] as [Client, string, object] | undefined;
    if (!step) continue;
    const res = await step[0].req('POST', `/api/v1/fee-refunds/${r.id}/${step[1]}`, {
      version: r.version,
      ...step[2],
    });
    assert.ok([200, 409].includes(res.statusCode), res.body); // 409: less is refundable now than was asked
  }
}

test('randomized payments, duplicates, late callbacks, overpayments and refunds keep the ledger whole', async () => {
  await fc.assert(
    fc.asyncProperty(fc.array(op, { minLength: 5, maxLength: 22 }), async (ops) => {
      runs++;
      await Promise.all([clerk.relogin(), head.relogin(), admin.relogin(), sup.relogin()]);
      const forms: { id: string; paymentCode: string }[] = [];
      for (let i = 0; i < 3; i++) {
        const { caseId } = await walkIn(t, clerk, '普通护照签发');
        forms.push((await clerk.req('GET', `/api/v1/cases/${caseId}/fees`)).json().forms[0]);
      }
      const sent: Notice[] = [];
      const get = async (i: number) => (await clerk.req('GET', `/api/v1/fee-forms/${forms[i]!.id}`)).json();
      for (const o of ops) {
        t.clock.advance(60_000);
        switch (o.kind) {
          case 'pay': {
            const paidAt = t.clock.now().toISOString();
            if (o.late) t.clock.advance(5 * 60_000); // the callback arrives minutes after the payment
            const n = notice(forms[o.form]!.paymentCode, o.amount, paidAt);
            sent.push(n);
            const rs = await Promise.all(Array.from({ length: o.deliveries }, () => deliver(t, n)));
            assert.deepEqual(
              rs.map((r) => r.statusCode),
              rs.map(() => 200),
              rs.map((r) => r.body).join(),
            );
            assert.equal(
              rs.filter((r) => r.json().status === 'applied').length,
              1,
              'one delivery applies it, the rest are duplicates',
            );
            break;
          }
          case 'redeliver':
            if (sent.length)
              assert.equal((await deliver(t, sent[o.pick % sent.length]!)).json().status, 'duplicate');
            break;
          case 'counter': {
            const f = await get(o.form);
            if (f.status !== 'open') break;
            const r = await clerk.req('POST', `/api/v1/fee-forms/${f.id}/counter-payments`, {
              method: o.pos ? 'pos' : 'cash',
              amountFen: Math.min(o.amount, f.outstandingFen),
              ...(o.pos
                ? { reference: `POS-${runs}-${sent.length}-${Math.random().toString(36).slice(2, 8)}` }
                : {}),
            });
            assert.equal(r.statusCode, 201, r.body);
            break;
          }
          case 'waive': {
            const f = await get(o.form);
            const open = f.lines[0].chargedFen - f.lines[0].waivedFen - f.lines[0].paidFen;
            if (f.status !== 'open' || open < 1) break;
            const r = await head.req('POST', `/api/v1/fee-forms/${f.id}/waivers`, {
              version: f.version,
              feeCode: 'FEE-GA-HZ',
              amountFen: Math.min(o.amount, open),
              legalBasis: '《出入境证件收费管理办法》第五条',
              reason: '符合减免条件',
            });
            assert.equal(r.statusCode, 200, r.body);
            break;
          }
          case 'cancel': {
            const f = await get(o.form);
            if (f.status === 'cancelled') break;
            assert.equal(
              (
                await clerk.req('POST', `/api/v1/fee-forms/${f.id}/cancel`, {
                  version: f.version,
                  reason: '申请人撤回申请',
                })
              ).statusCode,
              200,
            );
            break;
          }
          case 'refund': {
            const f = await get(o.form);
            const refundable =
              f.lines[0].paidFen -
              f.lines[0].refundedFen -
              f.refunds
                .filter(
                  (x: { source: string; status: string }) =>
                    x.source === 'fee' && !['paid', 'rejected'].includes(x.status),
                )
                .reduce((a: number, x: { amountFen: number }) => a + x.amountFen, 0);
            const r = await clerk.req('POST', `/api/v1/fee-forms/${f.id}/refunds`, {
              amountFen: refundable > 0 ? Math.min(o.amount, refundable) : o.amount,
              reason: '多收费用',
            });
            assert.equal(r.statusCode, refundable > 0 ? 201 : 400, r.body);
            break;
          }
          case 'advance':
            await advanceRefunds(forms, o.approve);
            break;
          case 'remit': {
            const r = await admin.req('POST', '/api/v1/fee-remittances', {
              reference: `GK-${runs}-${t.clock.now().getTime()}`,
            });
            assert.ok([201, 409].includes(r.statusCode), r.body);
            break;
          }
          case 'void': {
            const f = await get(o.form);
            const r = f.receipts.find(
              (x: { id: string; status: string; paymentId: string; version: number }) => x.status === 'valid',
            );
            if (!r) break;
            const p = f.payments.find((x: { id: string; channel: string }) => x.id === r.paymentId);
            const reissue = o.reissue || !p.channel.startsWith('counter');
            const ask = await clerk.req('POST', `/api/v1/fee-receipts/${r.id}/void-request`, {
              version: r.version,
              reason: '票据信息有误',
              reissue,
            });
            assert.equal(ask.statusCode, 200, ask.body);
            const d = await sup.req('POST', `/api/v1/fee-receipts/${r.id}/void-decision`, {
              version: ask.json().version,
              approve: true,
            });
            assert.ok([200, 409].includes(d.statusCode), d.body); // 409: the money has already gone to the treasury
            if (d.statusCode === 409)
              await sup.req('POST', `/api/v1/fee-receipts/${r.id}/void-decision`, {
                version: ask.json().version,
                approve: false,
              });
            break;
          }
        }
      }
      assert.deepEqual((await checkLedger(t.db)).violations, [], JSON.stringify(ops));
      for (let i = 0; i < 4; i++) await advanceRefunds(forms, true);
      const report = await checkLedger(t.db);
      assert.deepEqual(report.violations, [], JSON.stringify(ops));
      // Every notification sent was recorded once and, where it named a form, paid once.
      const ids = [...new Set(sent.map((n) => n.notificationId))];
      if (ids.length) {
        const rows = await t.db
          .selectFrom('fee_gateway_notifications')
          .select(['notification_id', 'status'])
          .where('notification_id', 'in', ids)
          .execute();
        assert.equal(rows.length, ids.length);
        assert.ok(rows.every((r) => r.status === 'applied'));
        const payments = await t.db
          .selectFrom('fee_payments')
          .select(['notification_id', 'amount_fen'])
          .where('notification_id', 'in', ids)
          .execute();
        assert.equal(payments.length, ids.length);
        assert.equal(
          payments.reduce((s, p) => s + p.amount_fen, 0),
          sent.reduce((s, n) => s + n.amountFen, 0),
          'every fen notified is accounted for',
        );
      }
    }),
    {
      includeErrorInReport: true,
      // One run that surely walks every path (the random ones may miss some): counter payment undone,
      // overpayment, fee refund after remittance (退库), waiver, cancellation with a late payment.
      examples: [
        [
          [
            { kind: 'counter', form: 0, amount: 5000, pos: false },
            { kind: 'void', form: 0, reissue: false },
            { kind: 'pay', form: 1, amount: 15000, deliveries: 2, late: true },
            { kind: 'remit' },
            { kind: 'refund', form: 1, amount: 4000 },
            { kind: 'waive', form: 2, amount: 2000 },
            { kind: 'cancel', form: 2 },
            { kind: 'pay', form: 2, amount: 12000, deliveries: 3, late: false },
            { kind: 'redeliver', pick: 0 },
            { kind: 'advance', approve: true },
            { kind: 'advance', approve: true },
            { kind: 'advance', approve: true },
          ],
        ],
      ],
      numRuns: Number(process.env.FEES_PROPERTY_RUNS ?? 25),
      seed: process.env.FEES_PROPERTY_SEED ? Number(process.env.FEES_PROPERTY_SEED) : undefined,
    },
  );
  assert.ok(runs >= 1);
  const final = await checkLedger(t.db);
  assert.ok(
    final.receipts > 10 && final.entries > 50,
    JSON.stringify({ receipts: final.receipts, entries: final.entries }),
  );
  // The runs reached the paths they are meant to: overpayments, refunds paid, reversals, remittances.
  const n = async (q: Promise<{ n: number }>) => Number((await q).n);
  const paidRefunds = await n(
    t.db
      .selectFrom('fee_refunds')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('status', '=', 'paid')
      .executeTakeFirstOrThrow(),
  );
  const overpaid = await n(
    t.db
      .selectFrom('fee_payments')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('excess_fen', '>', 0)
      .executeTakeFirstOrThrow(),
  );
  const kinds = new Set(
    (await t.db.selectFrom('fee_ledger').select('kind').distinct().execute()).map((r) => r.kind),
  );
  if (process.env.FEES_PROPERTY_STATS)
    console.log({
      runs,
      paidRefunds,
      overpaid,
      kinds: [...kinds].sort(),
      receipts: final.receipts,
      entries: final.entries,
    });
  assert.ok(paidRefunds > 0 && overpaid > 0, JSON.stringify({ paidRefunds, overpaid }));
  for (const k of [
    'charge',
    'payment',
    'overpayment',
    'waiver',
    'cancel',
    'remit',
    'refund',
    'refund_remitted',
    'refund_excess',
    'reversal',
  ])
    assert.ok(kinds.has(k), `no ${k} in ${[...kinds].join(', ')}`);
});
