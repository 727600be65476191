import type { Kysely } from 'kysely';
import { columnTypes } from '../column-types.js';

/**
 * Letters answered (来函必复): the registry of incoming letters, each assigned to a department that
 * must reply within its limit (the clock is the clock module's), and the reply letter issued.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const t = columnTypes(db);
  await db.schema
    .createTable('letters')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('number', 'text', (c) => c.notNull().unique())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('sender_name', 'text', (c) => c.notNull())
    .addColumn('sender_organization', 'text')
    .addColumn('sender_id_number', 'text')
    .addColumn('sender_phone', 'text')
    .addColumn('sender_address', 'text')
    .addColumn('received_date', t.date, (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('summary', 'text')
    .addColumn('original_sha256', 'text')
    .addColumn('original_mime', 'text')
    .addColumn('original_name', 'text')
    .addColumn('original_size', 'integer')
    .addColumn('original_key', 'text')
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('department_id', 'text', (c) => c.references('departments.id'))
    .addColumn('limit_days', 'integer')
    .addColumn('clock_id', 'text')
    .addColumn('assigned_at', t.timestamp)
    .addColumn('extension_days', 'integer')
    .addColumn('extension_reason', 'text')
    .addColumn('extension_requested_by', 'text')
    .addColumn('reply_text', 'text')
    .addColumn('replied_at', t.timestamp)
    .addColumn('replied_by', 'text')
    .addColumn('reply_number', 'text', (c) => c.unique())
    .addColumn('reply_sha256', 'text')
    .addColumn('reply_key', 'text')
    .addColumn('registered_by', 'text')
    .addColumn('registered_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema
    .createIndex('letters_state_idx')
    .on('letters')
    .columns(['state', 'department_id'])
    .execute();
  await db.schema
    .createIndex('letters_department_idx')
    .on('letters')
    .columns(['department_id', 'state'])
    .execute();
  await db.schema.createIndex('letters_received_idx').on('letters').columns(['received_date']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('letters').execute();
}
