import type { Kysely } from 'kysely';
import { columnTypes } from '../column-types.js';

/**
 * The hall's devices and its settings. A device (the kiosk 取号机, a window's tablet 评价器, a
 * calling screen) acts through an API token whose `scope` binds it to what it may do; the hall
 * keeps which window or group each device belongs to. The settings row holds what the
 * administrator changes without a restart: priorities and the no-show suspension.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const t = columnTypes(db);
  await db.schema.alterTable('api_tokens').addColumn('scope', 'text').execute();
  await db.schema
    .createTable('hall_devices')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('window_id', 'text', (c) => c.references('hall_windows.id'))
    .addColumn('group_id', 'text', (c) => c.references('hall_groups.id'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('token_id', 'text', (c) => c.notNull().references('api_tokens.id'))
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('revoked_at', t.timestamp)
    .addColumn('revoked_by', 'text')
    .execute();
  // The tablet asks for its window's latest served ticket.
  await db.schema
    .createIndex('hall_tickets_window_idx')
    .on('hall_tickets')
    .columns(['window_id', 'day', 'state'])
    .execute();
  await db.schema
    .createTable('hall_settings')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('priority_disabled', 'integer', (c) => c.notNull())
    .addColumn('priority_elderly', 'integer', (c) => c.notNull())
    .addColumn('priority_appointment', 'integer', (c) => c.notNull())
    .addColumn('elderly_age', 'integer', (c) => c.notNull())
    .addColumn('no_show_limit', 'integer', (c) => c.notNull())
    .addColumn('suspend_days', 'integer', (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('hall_settings').execute();
  await db.schema.dropIndex('hall_tickets_window_idx').execute();
  await db.schema.dropTable('hall_devices').execute();
  await db.schema.alterTable('api_tokens').dropColumn('scope').execute();
}
