import type { Kysely } from 'kysely';
import { columnTypes } from '../column-types.js';

/**
 * The public dashboard: each ended quarter's review of the items' committed time limits (服务承诺)
 * is recorded once, so that however many instances run the pass, a quarter is reviewed once.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const ts = columnTypes(db).timestamp;
  await db.schema
    .createTable('item_commitment_reviews')
    .addColumn('quarter', 'text', (c) => c.primaryKey())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('items', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('not_kept', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('reviewed_at', ts)
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('item_commitment_reviews').execute();
}
