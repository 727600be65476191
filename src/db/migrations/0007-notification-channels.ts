import type { Kysely } from 'kysely';
import { columnTypes } from '../column-types.js';

/**
 * The notification channels some running instance can send on (email, SMS, the inbox), each with the
 * last time an instance said so. An instance expanding the outbox creates deliveries for every
 * channel announced lately, not only its own, so instances configured differently (one of them
 * holding the SMS gateway's key) still reach everyone on every channel.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const t = columnTypes(db);
  await db.schema
    .createTable('notification_channels')
    .addColumn('channel', 'text', (c) => c.primaryKey())
    .addColumn('seen_at', t.timestamp, (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('notification_channels').execute();
}
