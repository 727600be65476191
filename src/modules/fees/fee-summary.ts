import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';

/** One payment form (缴款书) as the public tracking page shows it: never its payment code. */
export interface TrackedForm {
  number: string;
  item: string | null;
  status: string;
  chargedFen: number;
  waivedFen: number;
  paidFen: number;
  outstandingFen: number;
  refundedFen: number;
  dueDate: string;
  settledAt: string | null;
}

/** What a case owes and has paid (统一收费, in the open): its forms and their totals; null when none was issued. */
export interface TrackedFees {
  forms: TrackedForm[];
  chargedFen: number;
  paidFen: number;
  outstandingFen: number;
  refundedFen: number;
}

/**
 * A case's fees for its public tracking snapshot, from the forms as they stand in this transaction.
 * Cancelled forms are listed (the applicant may hold the paper) but count toward no total.
 */
export async function trackedFeesOf(db: Kysely<Database>, caseId: string): Promise<TrackedFees | null> {
  const forms = await db.selectFrom('fee_forms')
    .select(['id', 'number', 'item_version_id', 'status', 'charged_fen', 'waived_fen', 'paid_fen', 'outstanding_fen', 'due_date', 'settled_at'])
    .where('case_id', '=', caseId).orderBy('number').execute();
  if (!forms.length) return null;
  const ids = forms.map((f) => f.id);
  const [refunds, names] = await Promise.all([
    db.selectFrom('fee_form_lines').select(['form_id', (eb) => eb.fn.sum<number>('refunded_fen').as('refunded')]).where('form_id', 'in', ids).groupBy('form_id').execute(),
    db.selectFrom('item_versions').select(['id', 'name']).where('id', 'in', [...new Set(forms.map((f) => f.item_version_id))]).execute(),
  ]);
  const refunded = new Map(refunds.map((r) => [r.form_id, Number(r.refunded ?? 0)]));
  const name = new Map(names.map((n) => [n.id, n.name]));
  const list = forms.map((f): TrackedForm => ({
    number: f.number, item: name.get(f.item_version_id) ?? null, status: f.status,
    chargedFen: f.charged_fen, waivedFen: f.waived_fen, paidFen: f.paid_fen, outstandingFen: f.outstanding_fen,
    refundedFen: refunded.get(f.id) ?? 0, dueDate: f.due_date, settledAt: f.settled_at,
  }));
  const live = list.filter((f) => f.status !== 'cancelled');
  const sum = (k: 'chargedFen' | 'paidFen' | 'outstandingFen') => live.reduce((s, f) => s + f[k], 0);
  return { forms: list, chargedFen: sum('chargedFen'), paidFen: sum('paidFen'), outstandingFen: sum('outstandingFen'), refundedFen: list.reduce((s, f) => s + f.refundedFen, 0) };
}
