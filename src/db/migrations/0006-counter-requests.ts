import type { Kysely } from 'kysely';
import { columnTypes } from '../column-types.js';

/**
 * Counter payments take an Idempotency-Key: a clerk's retried request (a double click, a timeout)
 * finds the payment it already made instead of recording the money twice.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const t = columnTypes(db);
  await db.schema
    .createTable('fee_counter_requests')
    .addColumn('actor_id', 'text', (c) => c.notNull())
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('request_hash', 'text', (c) => c.notNull())
    .addColumn('form_id', 'text', (c) => c.notNull())
    .addColumn('payment_id', 'text', (c) => c.notNull())
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addPrimaryKeyConstraint('fee_counter_requests_pk', ['actor_id', 'key'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('fee_counter_requests').execute();
}
