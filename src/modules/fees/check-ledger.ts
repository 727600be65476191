import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { fromJson } from '../../shared/json.js';
import { BUCKETS, brokenIdentities, zeroTotals, type Totals } from './ledger.js';
import { receiptNumber } from './codes.js';

export interface Violation {
  check: string;
  subject: string;
  detail: string;
}
export interface LedgerReport {
  ok: boolean;
  entries: number;
  cases: number;
  days: number;
  forms: number;
  receipts: number;
  violations: Violation[];
}

type Q = Kysely<Database>;

function groupBy<T, K>(xs: T[], key: (x: T) => K): Map<K, T[]> {
  const m = new Map<K, T[]>();
  for (const x of xs) {
    const k = key(x);
    const list = m.get(k);
    if (list) list.push(x);
    else m.set(k, [x]);
  }
  return m;
}
const sums = BUCKETS.map((b) => sql<number>`coalesce(sum(${sql.ref(b)}), 0)`.as(b));
const totals = (r: Record<string, unknown>): Totals =>
  Object.fromEntries(BUCKETS.map((b) => [b, Number(r[b])])) as Totals;

/**
 * The ledger check (`onewindow fees check`): per case and per day the ledger keeps
 *   charged = paid + outstanding + waived, paid = remitted + held + refunded, excess = held + refunded;
 * the ledger agrees with every line, form, payment, refund and receipt it accounts for; receipts are
 * numbered per year without a gap or a repeat, each printed with the number of its sequence; and no
 * row points at something that is not there.
 */
export async function checkLedger(db: Q): Promise<LedgerReport> {
  const v: Violation[] = [];
  const add = (check: string, subject: string, detail: string) => {
    if (v.length < 1000) v.push({ check, subject, detail });
  };

  const byCase = await db
    .selectFrom('fee_ledger')
    .select(['case_id', ...sums])
    .groupBy('case_id')
    .execute();
  for (const r of byCase)
    for (const d of brokenIdentities(totals(r), true)) add('case_identity', `case ${r.case_id}`, d);
  const byDay = await db
    .selectFrom('fee_ledger')
    .select(['day', ...sums])
    .groupBy('day')
    .execute();
  for (const r of byDay)
    for (const d of brokenIdentities(totals(r), false)) add('day_identity', `day ${r.day}`, d);

  // Lines against their ledger rows.
  const lines = await db.selectFrom('fee_form_lines').selectAll().execute();
  const lineSums = new Map(
    (
      await db
        .selectFrom('fee_ledger')
        .select(['line_id', ...sums])
        .where('line_id', 'is not', null)
        .groupBy('line_id')
        .execute()
    ).map((r) => [r.line_id!, totals(r)]),
  );
  for (const l of lines) {
    const t = lineSums.get(l.id) ?? zeroTotals();
    const pairs: [string, number, number][] = [
      ['charged', l.charged_fen, t.charged],
      ['waived', l.waived_fen, t.waived],
      ['paid', l.paid_fen, t.paid],
      ['held', l.held_fen, t.held],
      ['remitted', l.remitted_fen, t.remitted],
      ['refunded', l.refunded_fen, t.refunded],
      ['outstanding', l.charged_fen - l.waived_fen - l.paid_fen, t.outstanding],
    ];
    for (const [b, row, ledger] of pairs)
      if (row !== ledger)
        add(
          'line_vs_ledger',
          `line ${l.fee_code} of form ${l.form_id}`,
          `${b}: line ${row}, ledger ${ledger}`,
        );
  }

  // Forms against their lines, their payments, their overpayments and their refunds.
  const forms = await db.selectFrom('fee_forms').selectAll().execute();
  const linesByForm = groupBy(lines, (l) => l.form_id);
  const payments = await db.selectFrom('fee_payments').selectAll().execute();
  const paymentsByForm = groupBy(payments, (p) => p.form_id);
  const refunds = await db
    .selectFrom('fee_refunds')
    .select(['form_id', 'source', 'amount_fen', 'status'])
    .where('status', '=', 'paid')
    .execute();
  const formExcess = new Map(
    (
      await db
        .selectFrom('fee_ledger')
        .select(['form_id', ...sums])
        .where('line_id', 'is', null)
        .groupBy('form_id')
        .execute()
    ).map((r) => [r.form_id, totals(r)]),
  );
  for (const f of forms) {
    const ls = linesByForm.get(f.id) ?? [];
    const s = (k: 'charged_fen' | 'waived_fen' | 'paid_fen' | 'refunded_fen') =>
      ls.reduce((a, l) => a + l[k], 0);
    if (
      f.charged_fen !== s('charged_fen') ||
      f.waived_fen !== s('waived_fen') ||
      f.paid_fen !== s('paid_fen')
    )
      add(
        'form_vs_lines',
        `form ${f.number}`,
        `form ${f.charged_fen}/${f.waived_fen}/${f.paid_fen}, lines ${s('charged_fen')}/${s('waived_fen')}/${s('paid_fen')}`,
      );
    if (f.outstanding_fen !== f.charged_fen - f.waived_fen - f.paid_fen)
      add(
        'form_outstanding',
        `form ${f.number}`,
        `outstanding ${f.outstanding_fen} ≠ ${f.charged_fen} - ${f.waived_fen} - ${f.paid_fen}`,
      );
    const expected = f.status === 'cancelled' ? 0 : null;
    if (
      (expected === 0 && f.outstanding_fen !== 0) ||
      (f.status === 'open' && f.outstanding_fen <= 0) ||
      (f.status === 'settled' && f.outstanding_fen !== 0)
    )
      add('form_status', `form ${f.number}`, `status ${f.status} with ${f.outstanding_fen} outstanding`);
    const ps = paymentsByForm.get(f.id) ?? [];
    const applied = ps.filter((p) => p.status === 'applied').reduce((a, p) => a + p.applied_fen, 0);
    if (applied !== f.paid_fen)
      add('payments_vs_form', `form ${f.number}`, `payments applied ${applied}, form paid ${f.paid_fen}`);
    const excess = ps.reduce((a, p) => a + p.excess_fen, 0);
    const fx = formExcess.get(f.id) ?? zeroTotals();
    if (excess !== fx.excess)
      add('overpayments_vs_ledger', `form ${f.number}`, `payments excess ${excess}, ledger ${fx.excess}`);
    const paidBack = (src: string) =>
      refunds.filter((r) => r.form_id === f.id && r.source === src).reduce((a, r) => a + r.amount_fen, 0);
    if (paidBack('excess') !== fx.excess_refunded)
      add(
        'refunds_vs_ledger',
        `form ${f.number}`,
        `excess refunds paid ${paidBack('excess')}, ledger ${fx.excess_refunded}`,
      );
    if (paidBack('fee') !== s('refunded_fen'))
      add(
        'refunds_vs_lines',
        `form ${f.number}`,
        `fee refunds paid ${paidBack('fee')}, lines ${s('refunded_fen')}`,
      );
  }

  // Receipts: one valid receipt per payment that paid fees, for what it paid; numbers without gaps.
  const receipts = await db.selectFrom('fee_receipts').selectAll().execute();
  const live = groupBy(
    receipts.filter((r) => r.status !== 'voided'),
    (r) => r.payment_id,
  );
  for (const p of payments) {
    const rs = live.get(p.id) ?? [];
    const want = p.status === 'applied' && p.applied_fen > 0 ? 1 : 0;
    if (rs.length !== want)
      add('receipt_per_payment', `payment ${p.id}`, `${rs.length} live receipt(s), expected ${want}`);
    for (const r of rs) {
      const alloc = fromJson<{ lines: { amountFen: number }[] }>(r.allocation, { lines: [] }).lines.reduce(
        (a, l) => a + l.amountFen,
        0,
      );
      if (r.amount_fen !== p.applied_fen || alloc !== p.applied_fen)
        add(
          'receipt_amount',
          `receipt ${r.number}`,
          `receipt ${r.amount_fen}, allocation ${alloc}, payment applied ${p.applied_fen}`,
        );
    }
  }
  const byPayment = new Map(
    (
      await db
        .selectFrom('fee_ledger')
        .select(['ref_id', ...sums])
        .where('ref_type', '=', 'payment')
        .groupBy('ref_id')
        .execute()
    ).map((r) => [r.ref_id!, totals(r)]),
  );
  for (const p of payments) {
    const t = byPayment.get(p.id) ?? zeroTotals();
    if (
      t.paid !== p.applied_fen ||
      t.excess !== p.excess_fen ||
      p.applied_fen + p.excess_fen !== p.amount_fen
    )
      add(
        'payment_vs_ledger',
        `payment ${p.id}`,
        `amount ${p.amount_fen} = applied ${p.applied_fen} + excess ${p.excess_fen}; ledger paid ${t.paid}, excess ${t.excess}`,
      );
  }
  // The number printed on a receipt is the one its sequence gives: a receipt renumbered by hand
  // would leave the sequence gap-free while the paper shows another number, or one twice.
  for (const r of receipts) {
    const printed = receiptNumber(String(r.year), r.seq);
    if (r.number !== printed)
      add('receipt_number', `receipt ${r.number}`, `year ${r.year}, number ${r.seq} is printed ${printed}`);
  }
  for (const [year, rs] of groupBy(receipts, (r) => r.year)) {
    const seqs = rs.map((r) => r.seq).sort((a, b) => a - b);
    seqs.forEach((s, i) => {
      if (s !== i + 1) add('receipt_numbering', `receipts ${year}`, `expected number ${i + 1}, found ${s}`);
    });
  }
  for (const o of await orphans(db)) add('orphan', o.subject, o.detail);
  return {
    ok: v.length === 0,
    entries: byCase.length
      ? Number(
          (
            await db
              .selectFrom('fee_ledger')
              .select((eb) => eb.fn.countAll<number>().as('n'))
              .executeTakeFirstOrThrow()
          ).n,
        )
      : 0,
    cases: byCase.length,
    days: byDay.length,
    forms: forms.length,
    receipts: receipts.length,
    violations: v,
  };
}

/** Rows that point at nothing: the ledger, payments, receipts and notifications. */
async function orphans(db: Q): Promise<{ subject: string; detail: string }[]> {
  const out: { subject: string; detail: string }[] = [];
  const missing = async (label: string, q: Promise<{ id: string | null }[]>) => {
    for (const r of await q) out.push({ subject: `${label} ${r.id}`, detail: `${label} points at nothing` });
  };
  await missing(
    'ledger row (form)',
    db
      .selectFrom('fee_ledger as g')
      .leftJoin('fee_forms as f', 'f.id', 'g.form_id')
      .select('g.id')
      .where((eb) => eb.or([eb('f.id', 'is', null), eb('f.case_id', '!=', eb.ref('g.case_id'))]))
      .execute(),
  );
  await missing(
    'ledger row (case)',
    db
      .selectFrom('fee_ledger as g')
      .leftJoin('cases as c', 'c.id', 'g.case_id')
      .select('g.id')
      .where('c.id', 'is', null)
      .execute(),
  );
  await missing(
    'ledger row (line)',
    db
      .selectFrom('fee_ledger as g')
      .leftJoin('fee_form_lines as l', 'l.id', 'g.line_id')
      .select('g.id')
      .where('g.line_id', 'is not', null)
      .where((eb) => eb.or([eb('l.id', 'is', null), eb('l.form_id', '!=', eb.ref('g.form_id'))]))
      .execute(),
  );
  await missing(
    'ledger row (payment)',
    db
      .selectFrom('fee_ledger as g')
      .leftJoin('fee_payments as p', 'p.id', 'g.ref_id')
      .select('g.id')
      .where('g.ref_type', '=', 'payment')
      .where('p.id', 'is', null)
      .execute(),
  );
  await missing(
    'ledger row (refund)',
    db
      .selectFrom('fee_ledger as g')
      .leftJoin('fee_refunds as r', 'r.id', 'g.ref_id')
      .select('g.id')
      .where('g.ref_type', '=', 'refund')
      .where('r.id', 'is', null)
      .execute(),
  );
  await missing(
    'payment without ledger',
    db
      .selectFrom('fee_payments as p')
      .leftJoin('fee_ledger as g', (j) => j.onRef('g.ref_id', '=', 'p.id').on('g.ref_type', '=', 'payment'))
      .select('p.id')
      .where('g.id', 'is', null)
      .execute(),
  );
  await missing(
    'form without lines',
    db
      .selectFrom('fee_forms as f')
      .leftJoin('fee_form_lines as l', 'l.form_id', 'f.id')
      .select('f.id')
      .where('l.id', 'is', null)
      .execute(),
  );
  await missing(
    'notification (payment)',
    db
      .selectFrom('fee_gateway_notifications as n')
      .leftJoin('fee_payments as p', 'p.id', 'n.payment_id')
      .select('n.notification_id as id')
      .where('n.status', '=', 'applied')
      .where('p.id', 'is', null)
      .execute(),
  );
  await missing(
    'refund (form)',
    db
      .selectFrom('fee_refunds as r')
      .leftJoin('fee_forms as f', 'f.id', 'r.form_id')
      .select('r.id')
      .where('f.id', 'is', null)
      .execute(),
  );
  return out;
}
