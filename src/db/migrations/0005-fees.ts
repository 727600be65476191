import type { Kysely } from 'kysely';
import { columnTypes } from '../column-types.js';

/**
 * Unified fee collection (统一收费): payment forms and their lines, payments, gateway notifications
 * (applied once: unique per gateway and notification id), receipts numbered per year, refunds,
 * remittances, the ledger, reconciliation of gateway statements, and per-item fee settings.
 * Money is integer fen: bigint on PostgreSQL, integer on SQLite.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const t = columnTypes(db);
  const money = 'bigint' as const;

  await db.schema
    .createTable('fee_forms')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
    .addColumn('item_id', 'text', (c) => c.notNull())
    .addColumn('item_version_id', 'text', (c) => c.notNull())
    .addColumn('department_id', 'text', (c) => c.notNull())
    .addColumn('number', 'text', (c) => c.notNull().unique())
    .addColumn('payment_code', 'text', (c) => c.notNull().unique())
    .addColumn('payment_point', 'text', (c) => c.notNull())
    .addColumn('payer_name', 'text', (c) => c.notNull())
    .addColumn('payer_id_masked', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('charged_fen', money, (c) => c.notNull())
    .addColumn('waived_fen', money, (c) => c.notNull().defaultTo(0))
    .addColumn('paid_fen', money, (c) => c.notNull().defaultTo(0))
    .addColumn('outstanding_fen', money, (c) => c.notNull())
    .addColumn('due_date', t.date, (c) => c.notNull())
    .addColumn('issued_at', t.timestamp, (c) => c.notNull())
    .addColumn('issued_by', 'text')
    .addColumn('settled_at', t.timestamp)
    .addColumn('cancelled_at', t.timestamp)
    .addColumn('cancel_reason', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.createIndex('fee_forms_case_idx').on('fee_forms').column('case_id').execute();
  await db.schema
    .createIndex('fee_forms_status_idx')
    .on('fee_forms')
    .columns(['status', 'due_date'])
    .execute();

  await db.schema
    .createTable('fee_form_lines')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('form_id', 'text', (c) => c.notNull().references('fee_forms.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('fee_id', 'text', (c) => c.notNull())
    .addColumn('fee_code', 'text', (c) => c.notNull())
    .addColumn('fee_name', 'text', (c) => c.notNull())
    .addColumn('department_id', 'text', (c) => c.notNull())
    .addColumn('basis', 'text', (c) => c.notNull())
    .addColumn('standard', 'text', (c) => c.notNull())
    .addColumn('rule', 'text', (c) => c.notNull())
    .addColumn('quantity', 'text', (c) => c.notNull())
    .addColumn('unit', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('charged_fen', money, (c) => c.notNull())
    .addColumn('waived_fen', money, (c) => c.notNull().defaultTo(0))
    .addColumn('paid_fen', money, (c) => c.notNull().defaultTo(0))
    .addColumn('held_fen', money, (c) => c.notNull().defaultTo(0))
    .addColumn('remitted_fen', money, (c) => c.notNull().defaultTo(0))
    .addColumn('refunded_fen', money, (c) => c.notNull().defaultTo(0))
    .addColumn('waiver_basis', 'text')
    .addColumn('waiver_reason', 'text')
    .addUniqueConstraint('fee_form_lines_seq_uq', ['form_id', 'seq'])
    .execute();

  await db.schema
    .createTable('fee_payments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('form_id', 'text', (c) => c.notNull().references('fee_forms.id'))
    .addColumn('case_id', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('gateway', 'text')
    .addColumn('reference', 'text')
    /** channel:reference, unique: the same gateway transaction or POS slip is recorded once. */
    .addColumn('ref_key', 'text', (c) => c.unique())
    .addColumn('amount_fen', money, (c) => c.notNull())
    .addColumn('applied_fen', money, (c) => c.notNull())
    .addColumn('excess_fen', money, (c) => c.notNull())
    .addColumn('late', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('paid_at', t.timestamp, (c) => c.notNull())
    .addColumn('recorded_at', t.timestamp, (c) => c.notNull())
    .addColumn('recorded_by', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('notification_id', 'text')
    .execute();
  await db.schema.createIndex('fee_payments_form_idx').on('fee_payments').column('form_id').execute();
  await db.schema
    .createIndex('fee_payments_gateway_idx')
    .on('fee_payments')
    .columns(['gateway', 'paid_at'])
    .execute();

  await db.schema
    .createTable('fee_gateway_notifications')
    .addColumn('gateway', 'text', (c) => c.notNull())
    .addColumn('notification_id', 'text', (c) => c.notNull())
    .addColumn('transaction_id', 'text', (c) => c.notNull())
    .addColumn('payment_code', 'text', (c) => c.notNull())
    .addColumn('amount_fen', money, (c) => c.notNull())
    .addColumn('paid_at', t.timestamp, (c) => c.notNull())
    .addColumn('received_at', t.timestamp, (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('payment_id', 'text')
    .addPrimaryKeyConstraint('fee_gateway_notifications_pk', ['gateway', 'notification_id'])
    .execute();
  await db.schema
    .createIndex('fee_notifications_status_idx')
    .on('fee_gateway_notifications')
    .columns(['status', 'received_at'])
    .execute();

  await db.schema
    .createTable('fee_receipts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('number', 'text', (c) => c.notNull().unique())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('check_code', 'text', (c) => c.notNull())
    .addColumn('payment_id', 'text', (c) => c.notNull().references('fee_payments.id'))
    .addColumn('form_id', 'text', (c) => c.notNull().references('fee_forms.id'))
    .addColumn('case_id', 'text', (c) => c.notNull())
    .addColumn('amount_fen', money, (c) => c.notNull())
    .addColumn('issued_at', t.timestamp, (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('allocation', 'text', (c) => c.notNull())
    .addColumn('void_reason', 'text')
    .addColumn('void_reissue', 'integer')
    .addColumn('void_requested_by', 'text')
    .addColumn('void_requested_at', t.timestamp)
    .addColumn('void_decided_by', 'text')
    .addColumn('void_decided_at', t.timestamp)
    .addColumn('void_note', 'text')
    .addColumn('replaced_by', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addUniqueConstraint('fee_receipts_seq_uq', ['year', 'seq'])
    .execute();
  await db.schema.createIndex('fee_receipts_payment_idx').on('fee_receipts').column('payment_id').execute();
  await db.schema.createIndex('fee_receipts_form_idx').on('fee_receipts').column('form_id').execute();

  await db.schema
    .createTable('fee_refunds')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('form_id', 'text', (c) => c.notNull().references('fee_forms.id'))
    .addColumn('case_id', 'text', (c) => c.notNull())
    .addColumn('department_id', 'text', (c) => c.notNull())
    .addColumn('origin', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('payment_id', 'text')
    .addColumn('amount_fen', money, (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('clock_id', 'text')
    .addColumn('requested_by', 'text')
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('filed_at', t.timestamp)
    .addColumn('reviewed_by', 'text')
    .addColumn('reviewed_at', t.timestamp)
    .addColumn('review_note', 'text')
    .addColumn('approved_by', 'text')
    .addColumn('approved_at', t.timestamp)
    .addColumn('approval_note', 'text')
    .addColumn('paid_by', 'text')
    .addColumn('paid_at', t.timestamp)
    .addColumn('method', 'text')
    .addColumn('reference', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.createIndex('fee_refunds_form_idx').on('fee_refunds').column('form_id').execute();
  await db.schema
    .createIndex('fee_refunds_status_idx')
    .on('fee_refunds')
    .columns(['status', 'created_at'])
    .execute();

  await db.schema
    .createTable('fee_remittances')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('at', t.timestamp, (c) => c.notNull())
    .addColumn('by', 'text')
    .addColumn('amount_fen', money, (c) => c.notNull())
    .addColumn('lines', 'integer', (c) => c.notNull())
    .addColumn('reference', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('fee_ledger')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('at', t.timestamp, (c) => c.notNull())
    .addColumn('day', t.date, (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('case_id', 'text', (c) => c.notNull())
    .addColumn('form_id', 'text', (c) => c.notNull())
    .addColumn('line_id', 'text')
    .addColumn('department_id', 'text', (c) => c.notNull())
    .addColumn('fee_code', 'text')
    .addColumn('ref_type', 'text')
    .addColumn('ref_id', 'text')
    .addColumn('charged', money, (c) => c.notNull().defaultTo(0))
    .addColumn('waived', money, (c) => c.notNull().defaultTo(0))
    .addColumn('paid', money, (c) => c.notNull().defaultTo(0))
    .addColumn('outstanding', money, (c) => c.notNull().defaultTo(0))
    .addColumn('held', money, (c) => c.notNull().defaultTo(0))
    .addColumn('remitted', money, (c) => c.notNull().defaultTo(0))
    .addColumn('refunded', money, (c) => c.notNull().defaultTo(0))
    .addColumn('excess', money, (c) => c.notNull().defaultTo(0))
    .addColumn('excess_held', money, (c) => c.notNull().defaultTo(0))
    .addColumn('excess_refunded', money, (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.createIndex('fee_ledger_case_idx').on('fee_ledger').column('case_id').execute();
  await db.schema
    .createIndex('fee_ledger_day_idx')
    .on('fee_ledger')
    .columns(['day', 'department_id'])
    .execute();

  await db.schema
    .createTable('fee_reconciliations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('gateway', 'text', (c) => c.notNull())
    .addColumn('statement_date', t.date, (c) => c.notNull())
    .addColumn('imported_at', t.timestamp, (c) => c.notNull())
    .addColumn('imported_by', 'text')
    .addColumn('statement_sha256', 'text', (c) => c.notNull())
    .addColumn('rows', 'integer', (c) => c.notNull())
    .addColumn('matched', 'integer', (c) => c.notNull())
    .addColumn('open_items', 'integer', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema
    .createIndex('fee_reconciliations_date_idx')
    .on('fee_reconciliations')
    .columns(['gateway', 'statement_date'])
    .execute();

  await db.schema
    .createTable('fee_reconciliation_items')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('reconciliation_id', 'text', (c) => c.notNull().references('fee_reconciliations.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('transaction_id', 'text', (c) => c.notNull())
    .addColumn('payment_code', 'text')
    .addColumn('payment_id', 'text')
    .addColumn('statement_fen', money)
    .addColumn('ledger_fen', money)
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('resolution', 'text')
    .addColumn('resolved_by', 'text')
    .addColumn('resolved_at', t.timestamp)
    .execute();
  await db.schema
    .createIndex('fee_recon_items_idx')
    .on('fee_reconciliation_items')
    .columns(['reconciliation_id', 'status'])
    .execute();

  await db.schema
    .createTable('fee_item_settings')
    .addColumn('item_id', 'text', (c) => c.primaryKey())
    .addColumn('deliver_before_paid', 'integer', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [
    'fee_item_settings',
    'fee_reconciliation_items',
    'fee_reconciliations',
    'fee_ledger',
    'fee_remittances',
    'fee_refunds',
    'fee_receipts',
    'fee_gateway_notifications',
    'fee_payments',
    'fee_form_lines',
    'fee_forms',
  ]) {
    await db.schema.dropTable(t).execute();
  }
}
