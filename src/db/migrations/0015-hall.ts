import type { Kysely } from 'kysely';
import { columnTypes } from '../column-types.js';

/**
 * The hall (大厅): window groups with their appointment slots, appointments and the one-time codes
 * that book them by phone, the people who book (no-shows and suspensions), windows and who sits at
 * them, queue tickets, the hall's event log that displays and phones follow, and visits to a case.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const t = columnTypes(db);
  await db.schema
    .createTable('hall_groups')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('department_id', 'text', (c) => c.references('departments.id'))
    .addColumn('item_ids', 'text', (c) => c.notNull())
    .addColumn('sessions', 'text', (c) => c.notNull())
    .addColumn('slot_minutes', 'integer', (c) => c.notNull())
    .addColumn('slot_capacity', 'integer', (c) => c.notNull())
    .addColumn('service_minutes', 'integer', (c) => c.notNull())
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('hall_windows')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('group_ids', 'text', (c) => c.notNull())
    .addColumn('staff_id', 'text')
    .addColumn('current_ticket_id', 'text')
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('hall_slot_counts')
    .addColumn('group_id', 'text', (c) => c.notNull())
    .addColumn('day', t.date, (c) => c.notNull())
    .addColumn('slot', 'text', (c) => c.notNull())
    .addColumn('booked', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('hall_slot_counts_pk', ['group_id', 'day', 'slot'])
    .execute();
  await db.schema
    .createTable('hall_codes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('phone', 'text', (c) => c.notNull())
    .addColumn('id_number', 'text', (c) => c.notNull())
    .addColumn('code_hash', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('expires_at', t.timestamp, (c) => c.notNull())
    .addColumn('used_at', t.timestamp)
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('hall_codes_phone_idx')
    .on('hall_codes')
    .columns(['phone', 'created_at'])
    .execute();
  await db.schema
    .createTable('hall_bookers')
    .addColumn('person_key', 'text', (c) => c.primaryKey())
    .addColumn('no_shows', 'integer', (c) => c.notNull())
    .addColumn('total_no_shows', 'integer', (c) => c.notNull())
    .addColumn('suspended_until', t.date)
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('hall_appointments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('token', 'text', (c) => c.notNull().unique())
    .addColumn('group_id', 'text', (c) => c.notNull().references('hall_groups.id'))
    .addColumn('item_id', 'text')
    .addColumn('day', t.date, (c) => c.notNull())
    .addColumn('slot', 'text', (c) => c.notNull())
    .addColumn('ends_at', t.timestamp, (c) => c.notNull())
    .addColumn('person_key', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text')
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('phone', 'text')
    .addColumn('id_number', 'text')
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('ticket_id', 'text')
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema
    .createIndex('hall_appointments_due_idx')
    .on('hall_appointments')
    .columns(['state', 'ends_at'])
    .execute();
  await db.schema
    .createIndex('hall_appointments_person_idx')
    .on('hall_appointments')
    .columns(['person_key', 'day'])
    .execute();
  await db.schema
    .createTable('hall_tickets')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('number', 'text', (c) => c.notNull())
    .addColumn('day', t.date, (c) => c.notNull())
    .addColumn('token', 'text', (c) => c.notNull().unique())
    .addColumn('group_id', 'text', (c) => c.notNull().references('hall_groups.id'))
    .addColumn('item_id', 'text')
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('priority', 'integer', (c) => c.notNull())
    .addColumn('priority_reason', 'text')
    .addColumn('appointment_id', 'text')
    .addColumn('user_id', 'text')
    .addColumn('phone', 'text')
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('queued_at', t.timestamp, (c) => c.notNull())
    .addColumn('queue_key', 'text', (c) => c.notNull())
    .addColumn('window_id', 'text')
    .addColumn('staff_id', 'text')
    .addColumn('call_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('called_at', t.timestamp)
    .addColumn('finished_at', t.timestamp)
    .addColumn('wait_seconds', 'integer')
    .addColumn('service_seconds', 'integer')
    .addColumn('case_id', 'text')
    .addColumn('near_notified', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('taken_by', 'text')
    .addColumn('taken_at', t.timestamp, (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema
    .createIndex('hall_tickets_queue_idx')
    .on('hall_tickets')
    .columns(['group_id', 'state', 'queue_key'])
    .execute();
  await db.schema
    .createIndex('hall_tickets_number_idx')
    .on('hall_tickets')
    .columns(['number', 'day'])
    .execute();
  await db.schema.createIndex('hall_tickets_case_idx').on('hall_tickets').columns(['case_id']).execute();
  await db.schema
    .createTable('hall_events')
    .addColumn('seq', t.autoId, (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('group_id', 'text', (c) => c.notNull())
    .addColumn('ticket_id', 'text', (c) => c.notNull())
    .addColumn('number', 'text', (c) => c.notNull())
    .addColumn('window_name', 'text')
    .addColumn('window_name_en', 'text')
    .addColumn('at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('hall_visits')
    .addColumn('ticket_id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull())
    .addColumn('group_id', 'text', (c) => c.notNull())
    .addColumn('window_id', 'text')
    .addColumn('visited_at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('hall_visits_case_idx').on('hall_visits').columns(['case_id']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'hall_visits',
    'hall_events',
    'hall_tickets',
    'hall_appointments',
    'hall_bookers',
    'hall_codes',
    'hall_slot_counts',
    'hall_windows',
    'hall_groups',
  ])
    await db.schema.dropTable(table).execute();
}
