import { sql, type Kysely, type Selectable } from 'kysely';
import type {
  Database,
  FeeFormLineTable,
  FeeFormTable,
  FeePaymentTable,
  FeeReceiptTable,
  FeeRefundTable,
} from '../../db/schema.js';
import { dialectOf } from '../../db/column-types.js';

type Q = Kysely<Database>;
export type FormRow = Selectable<FeeFormTable>;
export type LineRow = Selectable<FeeFormLineTable>;
export type PaymentRow = Selectable<FeePaymentTable>;
export type ReceiptRow = Selectable<FeeReceiptTable>;
export type RefundRow = Selectable<FeeRefundTable>;

export const findForm = (db: Q, id: string) =>
  db.selectFrom('fee_forms').selectAll().where('id', '=', id).executeTakeFirst();
export const findFormByCode = (db: Q, code: string) =>
  db.selectFrom('fee_forms').selectAll().where('payment_code', '=', code).executeTakeFirst();
export const findFormByNumber = (db: Q, number: string) =>
  db.selectFrom('fee_forms').selectAll().where('number', '=', number).executeTakeFirst();
export const formsOfCase = (db: Q, caseId: string) =>
  db
    .selectFrom('fee_forms')
    .selectAll()
    .where('case_id', '=', caseId)
    .orderBy('issued_at')
    .orderBy('number')
    .execute();
export const linesOf = (db: Q, formIds: string[]) =>
  formIds.length
    ? db
        .selectFrom('fee_form_lines')
        .selectAll()
        .where('form_id', 'in', formIds)
        .orderBy('form_id')
        .orderBy('seq')
        .execute()
    : Promise.resolve([] as LineRow[]);
export const paymentsOf = (db: Q, formIds: string[]) =>
  formIds.length
    ? db
        .selectFrom('fee_payments')
        .selectAll()
        .where('form_id', 'in', formIds)
        .orderBy('recorded_at')
        .orderBy('id')
        .execute()
    : Promise.resolve([] as PaymentRow[]);
export const receiptsOf = (db: Q, formIds: string[]) =>
  formIds.length
    ? db
        .selectFrom('fee_receipts')
        .selectAll()
        .where('form_id', 'in', formIds)
        .orderBy('year')
        .orderBy('seq')
        .execute()
    : Promise.resolve([] as ReceiptRow[]);
export const refundsOf = (db: Q, formIds: string[]) =>
  formIds.length
    ? db
        .selectFrom('fee_refunds')
        .selectAll()
        .where('form_id', 'in', formIds)
        .orderBy('created_at')
        .orderBy('id')
        .execute()
    : Promise.resolve([] as RefundRow[]);
export const findReceipt = (db: Q, id: string) =>
  db.selectFrom('fee_receipts').selectAll().where('id', '=', id).executeTakeFirst();
export const findRefund = (db: Q, id: string) =>
  db.selectFrom('fee_refunds').selectAll().where('id', '=', id).executeTakeFirst();
export const findPayment = (db: Q, id: string) =>
  db.selectFrom('fee_payments').selectAll().where('id', '=', id).executeTakeFirst();

/**
 * Reads a form for a change, holding its row until the transaction ends on PostgreSQL, so a counter
 * payment and a gateway notification for the same form are applied one after the other. SQLite has
 * one writer at a time already.
 */
export async function lockForm(db: Q, id: string): Promise<FormRow | undefined> {
  if (dialectOf(db) === 'postgres') {
    const r = await sql<FormRow>`select * from fee_forms where id = ${id} for update`.execute(db);
    return r.rows[0] ? { ...r.rows[0], ...numbers(r.rows[0]) } : undefined;
  }
  return findForm(db, id);
}

/** lockForm by the payment code a notification names. */
export async function lockFormByCode(db: Q, code: string): Promise<FormRow | undefined> {
  if (dialectOf(db) === 'postgres') {
    const r = await sql<FormRow>`select * from fee_forms where payment_code = ${code} for update`.execute(db);
    return r.rows[0] ? { ...r.rows[0], ...numbers(r.rows[0]) } : undefined;
  }
  return findFormByCode(db, code);
}

// Raw queries skip Kysely's typing but not the pg type parsers; the bigint columns are already numbers.
const numbers = (r: FormRow) => ({
  charged_fen: Number(r.charged_fen),
  waived_fen: Number(r.waived_fen),
  paid_fen: Number(r.paid_fen),
  outstanding_fen: Number(r.outstanding_fen),
});

/**
 * Sets the form's running totals from its lines (read again unless the caller has them, as they now
 * stand); the version guards against a lost update.
 */
export async function saveFormTotals(
  db: Q,
  form: FormRow,
  nowIso: string,
  extra: Partial<FormRow> = {},
  current?: LineRow[],
): Promise<FormRow> {
  const lines = current ?? (await linesOf(db, [form.id]));
  const waived = lines.reduce((s, l) => s + l.waived_fen, 0);
  const paid = lines.reduce((s, l) => s + l.paid_fen, 0);
  const charged = lines.reduce((s, l) => s + l.charged_fen, 0);
  const outstanding = charged - waived - paid;
  const status =
    extra.status ?? (form.status === 'cancelled' ? 'cancelled' : outstanding === 0 ? 'settled' : 'open');
  const changes = {
    charged_fen: charged,
    waived_fen: waived,
    paid_fen: paid,
    outstanding_fen: outstanding,
    status,
    settled_at: status === 'settled' ? (form.settled_at ?? nowIso) : null,
    ...extra,
    version: form.version + 1,
  };
  const r = await db
    .updateTable('fee_forms')
    .set(changes)
    .where('id', '=', form.id)
    .where('version', '=', form.version)
    .executeTakeFirst();
  if (Number(r.numUpdatedRows) !== 1)
    throw new Error(`fee form ${form.number} changed underneath (version ${form.version})`);
  return { ...form, ...changes };
}

/** What may still be refunded of a line's fees: paid, less refunded. */
export const refundableOf = (l: Pick<LineRow, 'paid_fen' | 'refunded_fen'>): number =>
  l.paid_fen - l.refunded_fen;

/** A receipt with what its verification shows: the form's payer and number, the agency's name. */
export const findReceiptForCheck = (db: Q, number: string) =>
  db
    .selectFrom('fee_receipts as r')
    .innerJoin('fee_forms as f', 'f.id', 'r.form_id')
    .innerJoin('departments as d', 'd.id', 'f.department_id')
    .select([
      'r.number',
      'r.check_code',
      'r.status',
      'r.issued_at',
      'r.amount_fen',
      'r.allocation',
      'f.payer_name',
      'f.number as form_number',
      'd.name as agency',
    ])
    .where('r.number', '=', number)
    .executeTakeFirst();

export const departmentNameOf = async (db: Q, id: string) =>
  (await db.selectFrom('departments').select('name').where('id', '=', id).executeTakeFirstOrThrow()).name;
