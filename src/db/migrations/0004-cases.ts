import type { Kysely } from 'kysely';
import { columnTypes } from '../column-types.js';

/** Cases: intake, acceptance, parallel review, decisions, documents, files, the event chain, notifications. */
export async function up(db: Kysely<any>): Promise<void> {
  const t = columnTypes(db);

  await db.schema
    .createTable('bundles')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('lead_department_id', 'text', (c) => c.notNull().references('departments.id'))
    .addColumn('item_codes', 'text', (c) => c.notNull())
    .addColumn('committed_days', 'integer', (c) => c.notNull())
    .addColumn('keywords', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();

  await db.schema
    .createTable('cases')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('receipt_no', 'text', (c) => c.notNull().unique())
    .addColumn('check_code', 'text', (c) => c.notNull())
    .addColumn('bundle_id', 'text')
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('lead_department_id', 'text', (c) => c.notNull())
    .addColumn('applicant_user_id', 'text')
    .addColumn('applicant_kind', 'text', (c) => c.notNull())
    .addColumn('applicant_name', 'text', (c) => c.notNull())
    .addColumn('applicant_id_number', 'text', (c) => c.notNull())
    .addColumn('applicant_phone', 'text')
    .addColumn('applicant_email', 'text')
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('shortfall', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('form', 'text', (c) => c.notNull())
    .addColumn('committed_days', 'integer', (c) => c.notNull())
    .addColumn('handling_class', 'text', (c) => c.notNull())
    .addColumn('window', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('submitted_at', t.timestamp)
    .addColumn('received_at', t.timestamp)
    .addColumn('accepted_at', t.timestamp)
    .addColumn('acceptance_date', 'text')
    .addColumn('decided_at', t.timestamp)
    .addColumn('decision', 'text')
    .addColumn('completed_at', t.timestamp)
    .addColumn('case_clock_id', 'text')
    .addColumn('acceptance_clock_id', 'text')
    .addColumn('delivery_clock_id', 'text')
    .addColumn('tracking', 'text')
    .addColumn('last_hash', 'text')
    .addColumn('event_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema
    .createIndex('cases_applicant_idx')
    .on('cases')
    .columns(['applicant_user_id', 'created_at'])
    .execute();
  await db.schema
    .createIndex('cases_state_idx')
    .on('cases')
    .columns(['state', 'lead_department_id'])
    .execute();

  await db.schema
    .createTable('idempotency_keys')
    .addColumn('scope', 'text', (c) => c.notNull())
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('request_hash', 'text', (c) => c.notNull())
    .addColumn('case_id', 'text', (c) => c.notNull())
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addPrimaryKeyConstraint('idempotency_keys_pk', ['scope', 'key'])
    .execute();

  await db.schema
    .createTable('case_items')
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
    .addColumn('item_id', 'text', (c) => c.notNull())
    .addColumn('item_version_id', 'text', (c) => c.notNull())
    .addColumn('department_id', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('case_items_pk', ['case_id', 'item_id'])
    .execute();

  await db.schema
    .createTable('files')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('mime', 'text', (c) => c.notNull())
    .addColumn('original_name', 'text', (c) => c.notNull())
    .addColumn('storage_key', 'text', (c) => c.notNull())
    .addColumn('owner_user_id', 'text')
    .addColumn('case_id', 'text')
    .addColumn('uploaded_at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('files_case_idx').on('files').column('case_id').execute();

  await db.schema
    .createTable('case_materials')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
    .addColumn('item_id', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('required', 'integer', (c) => c.notNull())
    .addColumn('deferrable', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('file_id', 'text')
    .addColumn('checked_by', 'text')
    .addColumn('deferred_until', 'text')
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('case_materials_case_idx').on('case_materials').column('case_id').execute();

  await db.schema
    .createTable('case_tasks')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
    .addColumn('item_id', 'text', (c) => c.notNull())
    .addColumn('department_id', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('decision', 'text')
    .addColumn('reasons', 'text')
    .addColumn('clock_id', 'text')
    .addColumn('decided_by', 'text')
    .addColumn('decided_at', t.timestamp)
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema
    .createIndex('case_tasks_dept_idx')
    .on('case_tasks')
    .columns(['department_id', 'state'])
    .execute();
  await db.schema.createIndex('case_tasks_case_idx').on('case_tasks').column('case_id').execute();

  await db.schema
    .createTable('case_records')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
    .addColumn('task_id', 'text')
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('author_id', 'text')
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('data', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema
    .createIndex('case_records_case_idx')
    .on('case_records')
    .columns(['case_id', 'kind'])
    .execute();

  await db.schema
    .createTable('supplement_notices')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('items', 'text', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('issued_by', 'text')
    .addColumn('issued_at', t.timestamp, (c) => c.notNull())
    .addColumn('fulfilled_at', t.timestamp)
    .addColumn('document_id', 'text')
    .addUniqueConstraint('supplement_notices_seq_uq', ['case_id', 'seq'])
    .execute();

  await db.schema
    .createTable('documents')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('number', 'text', (c) => c.notNull().unique())
    .addColumn('issued_at', t.timestamp, (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('storage_key', 'text', (c) => c.notNull())
    .addColumn('content', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('documents_case_idx').on('documents').column('case_id').execute();

  await db.schema
    .createTable('counters')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('value', 'integer', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('case_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('global_seq', 'integer', (c) => c.notNull().unique())
    .addColumn('at', t.timestamp, (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('actor_role', 'text')
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('data', 'text', (c) => c.notNull())
    .addColumn('prev_hash', 'text', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .addColumn('global_prev_hash', 'text', (c) => c.notNull())
    .addColumn('global_hash', 'text', (c) => c.notNull())
    .addUniqueConstraint('case_events_seq_uq', ['case_id', 'seq'])
    .execute();
  await db.schema
    .createTable('event_chain_head')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('global_seq', 'integer', (c) => c.notNull())
    .addColumn('global_hash', 'text', (c) => c.notNull())
    .execute();
  await db
    .insertInto('event_chain_head')
    .values({ id: 1, global_seq: 0, global_hash: '0'.repeat(64) })
    .execute();

  await db.schema
    .createTable('inquiries')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('owner_id', 'text', (c) => c.notNull())
    .addColumn('department_id', 'text')
    .addColumn('person_name', 'text', (c) => c.notNull())
    .addColumn('contact', 'text')
    .addColumn('question', 'text', (c) => c.notNull())
    .addColumn('item_id', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('answer', 'text')
    .addColumn('handed_to_id', 'text')
    .addColumn('handover_note', 'text')
    .addColumn('clock_id', 'text')
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('closed_at', t.timestamp)
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema
    .createIndex('inquiries_owner_idx')
    .on('inquiries')
    .columns(['owner_id', 'status'])
    .execute();

  await db.schema
    .createTable('inbox_messages')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('subject_type', 'text')
    .addColumn('subject_id', 'text')
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('read_at', t.timestamp)
    .execute();
  await db.schema
    .createIndex('inbox_user_idx')
    .on('inbox_messages')
    .columns(['user_id', 'created_at'])
    .execute();

  await db.schema
    .createTable('notification_deliveries')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('outbox_id', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('address', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_error', 'text')
    .addColumn('next_attempt_at', t.timestamp)
    .addColumn('delivered_at', t.timestamp)
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('deliveries_pending_idx')
    .on('notification_deliveries')
    .columns(['status', 'next_attempt_at'])
    .execute();
  await db.schema
    .createIndex('deliveries_outbox_idx')
    .on('notification_deliveries')
    .column('outbox_id')
    .execute();

  await db.schema
    .alterTable('users')
    .addColumn('locale', 'text', (c) => c.notNull().defaultTo('zh-CN'))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('users').dropColumn('locale').execute();
  for (const t of [
    'notification_deliveries',
    'inbox_messages',
    'inquiries',
    'event_chain_head',
    'case_events',
    'counters',
    'documents',
    'supplement_notices',
    'case_records',
    'case_tasks',
    'case_materials',
    'files',
    'case_items',
    'idempotency_keys',
    'cases',
    'bundles',
  ]) {
    await db.schema.dropTable(t).execute();
  }
}
