import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { newId } from '../../shared/ids.js';
import { localDate } from '../clock/local-time.js';

/**
 * The fee ledger: every movement of a fen as one row of signed deltas over ten buckets.
 *   charged = paid + outstanding + waived        (what was asked for)
 *   paid    = remitted + held + refunded         (where the money paid against fees is)
 *   excess  = excess_held + excess_refunded      (money paid beyond what was due: owed back)
 * Each kind below moves amounts so that every row keeps the three identities; the ledger check sums
 * the rows per case and per day, and compares them with the forms, lines, payments and refunds.
 */
export const BUCKETS = [
  'charged',
  'waived',
  'paid',
  'outstanding',
  'held',
  'remitted',
  'refunded',
  'excess',
  'excess_held',
  'excess_refunded',
] as const;
export type Bucket = (typeof BUCKETS)[number];
export type Deltas = Partial<Record<Bucket, number>>;

export const LEDGER_KINDS = {
  /** a payment form's line is issued */
  charge: (a: number): Deltas => ({ charged: a, outstanding: a }),
  /** the unpaid rest of a cancelled form is no longer asked for */
  cancel: (a: number): Deltas => ({ charged: -a, outstanding: -a }),
  /** waived by law (减免), with its basis */
  waiver: (a: number): Deltas => ({ waived: a, outstanding: -a }),
  /** money applied to a line; it is held until remitted to the treasury */
  payment: (a: number): Deltas => ({ paid: a, outstanding: -a, held: a }),
  /** a counter payment voided with its receipt: it never happened */
  reversal: (a: number): Deltas => ({ paid: -a, outstanding: a, held: -a }),
  /** money received beyond what was due (duplicate, late, too much): owed back */
  overpayment: (a: number): Deltas => ({ excess: a, excess_held: a }),
  /** held money handed to the treasury (上缴国库) */
  remit: (a: number): Deltas => ({ held: -a, remitted: a }),
  /** a fee paid back from held money */
  refund: (a: number): Deltas => ({ held: -a, refunded: a }),
  /** a fee paid back from money already remitted (退库) */
  refund_remitted: (a: number): Deltas => ({ remitted: -a, refunded: a }),
  /** an overpayment paid back */
  refund_excess: (a: number): Deltas => ({ excess_held: -a, excess_refunded: a }),
} as const;
export type LedgerKind = keyof typeof LEDGER_KINDS;

export interface LedgerEntry {
  kind: LedgerKind;
  amount: number;
  caseId: string;
  formId: string;
  departmentId: string;
  lineId?: string | null;
  feeCode?: string | null;
  refType?: 'payment' | 'refund' | 'waiver' | 'remittance' | 'form' | 'receipt';
  refId?: string;
}

/** Appends entries inside the caller's transaction. Amounts are positive integer fen. */
export async function postLedger(db: Kysely<Database>, now: Date, entries: LedgerEntry[]): Promise<void> {
  const rows = entries
    .filter((e) => e.amount !== 0)
    .map((e) => {
      if (!Number.isSafeInteger(e.amount) || e.amount < 0)
        throw new RangeError(`ledger amount must be a non-negative integer of fen, got ${e.amount}`);
      const d = LEDGER_KINDS[e.kind](e.amount);
      return {
        id: newId(now.getTime()),
        at: now.toISOString(),
        day: localDate(now),
        kind: e.kind,
        case_id: e.caseId,
        form_id: e.formId,
        line_id: e.lineId ?? null,
        department_id: e.departmentId,
        fee_code: e.feeCode ?? null,
        ref_type: e.refType ?? null,
        ref_id: e.refId ?? null,
        charged: d.charged ?? 0,
        waived: d.waived ?? 0,
        paid: d.paid ?? 0,
        outstanding: d.outstanding ?? 0,
        held: d.held ?? 0,
        remitted: d.remitted ?? 0,
        refunded: d.refunded ?? 0,
        excess: d.excess ?? 0,
        excess_held: d.excess_held ?? 0,
        excess_refunded: d.excess_refunded ?? 0,
      };
    });
  if (rows.length) await db.insertInto('fee_ledger').values(rows).execute();
}

export type Totals = Record<Bucket, number>;
export const zeroTotals = (): Totals => Object.fromEntries(BUCKETS.map((b) => [b, 0])) as Totals;

/**
 * The identities a set of ledger totals must keep; each broken one is named. Cumulative totals (a
 * case) are never negative; a single day's may be (money remitted today was held yesterday).
 */
export function brokenIdentities(t: Totals, cumulative: boolean): string[] {
  const out: string[] = [];
  if (t.charged !== t.paid + t.outstanding + t.waived)
    out.push(`charged ${t.charged} ≠ paid ${t.paid} + outstanding ${t.outstanding} + waived ${t.waived}`);
  if (t.paid !== t.remitted + t.held + t.refunded)
    out.push(`paid ${t.paid} ≠ remitted ${t.remitted} + held ${t.held} + refunded ${t.refunded}`);
  if (t.excess !== t.excess_held + t.excess_refunded)
    out.push(`excess ${t.excess} ≠ held ${t.excess_held} + refunded ${t.excess_refunded}`);
  if (cumulative) for (const b of BUCKETS) if (t[b] < 0) out.push(`${b} is negative (${t[b]})`);
  return out;
}
