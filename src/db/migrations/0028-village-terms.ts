import { sql, type Kysely } from 'kysely';
import { columnTypes } from '../column-types.js';

/**
 * Village disclosure terms: the cadence and due days a village discloses under from a day on. A
 * change of cadence adds a term from a period still open instead of rewriting the village, so the
 * periods that have ended keep their due days. Each village's terms so far become its first.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const t = columnTypes(db);
  await db.schema
    .createTable('disc_village_terms')
    .addColumn('village_id', 'text', (c) => c.notNull().references('disc_villages.id'))
    .addColumn('starts_on', t.date, (c) => c.notNull())
    .addColumn('cadence', 'text', (c) => c.notNull())
    .addColumn('due_days', 'integer', (c) => c.notNull())
    .addColumn('set_at', t.timestamp, (c) => c.notNull())
    .addColumn('set_by', 'text')
    .addPrimaryKeyConstraint('disc_village_terms_pk', ['village_id', 'starts_on'])
    .execute();
  await sql`INSERT INTO disc_village_terms (village_id, starts_on, cadence, due_days, set_at)
    SELECT id, disclose_from, cadence, due_days, updated_at FROM disc_villages`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('disc_village_terms').execute();
}
