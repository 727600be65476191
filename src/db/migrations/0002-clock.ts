import type { Kysely } from 'kysely';
import { columnTypes } from '../column-types.js';

/** Working-day calendar, the one clock model, electronic supervision and the notification outbox. */
export async function up(db: Kysely<any>): Promise<void> {
  const t = columnTypes(db);

  await db.schema
    .createTable('calendar_days')
    .addColumn('date', 'text', (c) => c.primaryKey())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('calendar_days_year_idx').on('calendar_days').column('year').execute();

  await db.schema
    .createTable('calendar_years')
    .addColumn('year', 'integer', (c) => c.primaryKey())
    .addColumn('confirmed', 'integer', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('confirmed_at', t.timestamp)
    .addColumn('confirmed_by', 'text')
    .addColumn('revision', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();

  await db.schema
    .createTable('calendar_proposals')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('days', 'text', (c) => c.notNull())
    .addColumn('diff', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('proposed_by', 'text')
    .addColumn('proposed_at', t.timestamp, (c) => c.notNull())
    .addColumn('decided_by', 'text')
    .addColumn('decided_at', t.timestamp)
    .addColumn('decision_note', 'text')
    .execute();

  await db.schema
    .createTable('clocks')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('subject_type', 'text', (c) => c.notNull())
    .addColumn('subject_id', 'text', (c) => c.notNull())
    .addColumn('parent_id', 'text')
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('department_id', 'text')
    .addColumn('item_id', 'text')
    .addColumn('start_date', 'text', (c) => c.notNull())
    .addColumn('limit_days', 'integer', (c) => c.notNull())
    .addColumn('extension_days', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('extensions_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('max_extension_days', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('max_extensions', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('paused_days', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('paused_since', 'text')
    .addColumn('due_date', 'text', (c) => c.notNull())
    .addColumn('provisional', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('yellow_pct', 'integer', (c) => c.notNull())
    .addColumn('yellow_at', t.timestamp)
    .addColumn('overdue_at', t.timestamp, (c) => c.notNull())
    .addColumn('colour', 'text', (c) => c.notNull())
    .addColumn('next_check_at', t.timestamp)
    .addColumn('started_at', t.timestamp, (c) => c.notNull())
    .addColumn('stopped_at', t.timestamp)
    .addColumn('outcome', 'text')
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  // The supervision loop reads only this index: cost follows what is due, not what is open.
  await db.schema
    .createIndex('clocks_next_check_idx')
    .on('clocks')
    .columns(['status', 'next_check_at'])
    .execute();
  await db.schema
    .createIndex('clocks_subject_idx')
    .on('clocks')
    .columns(['subject_type', 'subject_id'])
    .execute();
  await db.schema
    .createIndex('clocks_board_idx')
    .on('clocks')
    .columns(['status', 'department_id', 'colour'])
    .execute();
  await db.schema.createIndex('clocks_due_idx').on('clocks').columns(['status', 'due_date']).execute();

  await db.schema
    .createTable('clock_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('clock_id', 'text', (c) => c.notNull().references('clocks.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('at', t.timestamp, (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('data', 'text', (c) => c.notNull())
    .addUniqueConstraint('clock_events_seq_uq', ['clock_id', 'seq'])
    .execute();

  await db.schema
    .createTable('supervision_signals')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('severity', 'text', (c) => c.notNull())
    .addColumn('dedupe_key', 'text', (c) => c.notNull().unique())
    .addColumn('clock_id', 'text')
    .addColumn('subject_type', 'text', (c) => c.notNull())
    .addColumn('subject_id', 'text', (c) => c.notNull())
    .addColumn('department_id', 'text')
    .addColumn('raised_at', t.timestamp, (c) => c.notNull())
    .addColumn('data', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('signals_list_idx')
    .on('supervision_signals')
    .columns(['status', 'kind', 'raised_at'])
    .execute();
  await db.schema
    .createIndex('signals_dept_idx')
    .on('supervision_signals')
    .columns(['department_id', 'raised_at'])
    .execute();

  await db.schema
    .createTable('supervision_orders')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('clock_id', 'text', (c) => c.notNull().unique())
    .addColumn('subject_type', 'text', (c) => c.notNull())
    .addColumn('subject_id', 'text', (c) => c.notNull())
    .addColumn('department_id', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('opened_at', t.timestamp, (c) => c.notNull())
    .addColumn('answer_clock_id', 'text')
    .addColumn('answer', 'text')
    .addColumn('answered_at', t.timestamp)
    .addColumn('answered_by', 'text')
    .addColumn('closed_at', t.timestamp)
    .addColumn('closed_by', 'text')
    .addColumn('close_note', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema
    .createIndex('orders_list_idx')
    .on('supervision_orders')
    .columns(['status', 'department_id', 'opened_at'])
    .execute();

  await db.schema
    .createTable('supervision_thresholds')
    .addColumn('scope', 'text', (c) => c.notNull())
    .addColumn('scope_id', 'text', (c) => c.notNull())
    .addColumn('yellow_pct', 'integer', (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .addPrimaryKeyConstraint('supervision_thresholds_pk', ['scope', 'scope_id'])
    .execute();

  await db.schema
    .createTable('notification_outbox')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('recipient_type', 'text', (c) => c.notNull())
    .addColumn('recipient_id', 'text')
    .addColumn('subject_type', 'text', (c) => c.notNull())
    .addColumn('subject_id', 'text', (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_attempt_at', t.timestamp)
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('outbox_pending_idx')
    .on('notification_outbox')
    .columns(['status', 'next_attempt_at'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [
    'notification_outbox',
    'supervision_thresholds',
    'supervision_orders',
    'supervision_signals',
    'clock_events',
    'clocks',
    'calendar_proposals',
    'calendar_years',
    'calendar_days',
  ]) {
    await db.schema.dropTable(t).execute();
  }
}
