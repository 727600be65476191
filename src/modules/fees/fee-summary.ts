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
  /** The latest forms, at most MAX_TRACKED_FORMS, oldest first. */
  forms: TrackedForm[];
  /** How many forms the case has in all. */
  formCount: number;
  chargedFen: number;
  paidFen: number;
  outstandingFen: number;
  refundedFen: number;
}

/** A case has a form per charged item (and one more for each reissue); the page lists this many at most. */
export const MAX_TRACKED_FORMS = 50;

/**
 * A case's fees for its public tracking snapshot, from the forms as they stand in this transaction.
 * Cancelled forms are listed (the applicant may hold the paper) but count toward no total. The
 * totals are summed by the database; only the latest forms are read and listed, so the cost stays
 * small whatever a case holds.
 */
export async function trackedFeesOf(db: Kysely<Database>, caseId: string): Promise<TrackedFees | null> {
  const totals = await db
    .selectFrom('fee_forms')
    .select((eb) => [
      eb.fn.countAll<number>().as('n'),
      eb.fn
        .sum<number>(eb.case().when('status', '=', 'cancelled').then(0).else(eb.ref('charged_fen')).end())
        .as('charged'),
      eb.fn
        .sum<number>(eb.case().when('status', '=', 'cancelled').then(0).else(eb.ref('paid_fen')).end())
        .as('paid'),
      eb.fn
        .sum<number>(eb.case().when('status', '=', 'cancelled').then(0).else(eb.ref('outstanding_fen')).end())
        .as('outstanding'),
    ])
    .where('case_id', '=', caseId)
    .executeTakeFirstOrThrow();
  if (!Number(totals.n)) return null;
  const forms = (
    await db
      .selectFrom('fee_forms')
      .select([
        'id',
        'number',
        'item_version_id',
        'status',
        'charged_fen',
        'waived_fen',
        'paid_fen',
        'outstanding_fen',
        'due_date',
        'settled_at',
      ])
      .where('case_id', '=', caseId)
      .orderBy('number', 'desc')
      .limit(MAX_TRACKED_FORMS)
      .execute()
  ).reverse();
  const ids = forms.map((f) => f.id);
  const [refunds, names, allRefunded] = await Promise.all([
    db
      .selectFrom('fee_form_lines')
      .select(['form_id', (eb) => eb.fn.sum<number>('refunded_fen').as('refunded')])
      .where('form_id', 'in', ids)
      .groupBy('form_id')
      .execute(),
    db
      .selectFrom('item_versions')
      .select(['id', 'name'])
      .where('id', 'in', [...new Set(forms.map((f) => f.item_version_id))])
      .execute(),
    Number(totals.n) > forms.length
      ? db
          .selectFrom('fee_form_lines')
          .innerJoin('fee_forms', 'fee_forms.id', 'fee_form_lines.form_id')
          .select((eb) => eb.fn.sum<number>('fee_form_lines.refunded_fen').as('r'))
          .where('fee_forms.case_id', '=', caseId)
          .executeTakeFirstOrThrow()
          .then((x) => Number(x.r ?? 0))
      : undefined,
  ]);
  const refunded = new Map(refunds.map((r) => [r.form_id, Number(r.refunded ?? 0)]));
  const name = new Map(names.map((n) => [n.id, n.name]));
  const list = forms.map((f): TrackedForm => ({
    number: f.number,
    item: name.get(f.item_version_id) ?? null,
    status: f.status,
    chargedFen: f.charged_fen,
    waivedFen: f.waived_fen,
    paidFen: f.paid_fen,
    outstandingFen: f.outstanding_fen,
    refundedFen: refunded.get(f.id) ?? 0,
    dueDate: f.due_date,
    settledAt: f.settled_at,
  }));
  return {
    forms: list,
    formCount: Number(totals.n),
    chargedFen: Number(totals.charged ?? 0),
    paidFen: Number(totals.paid ?? 0),
    outstandingFen: Number(totals.outstanding ?? 0),
    refundedFen: allRefunded ?? list.reduce((s, f) => s + f.refundedFen, 0),
  };
}
