import type { Kysely } from 'kysely';
import { columnTypes } from '../column-types.js';

/**
 * Enterprise inspections: a department's own annual cap per enterprise. A department without a row
 * keeps the city's cap (insp_settings.department_cap); the total cap stays one number for the city.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const t = columnTypes(db);
  await db.schema
    .createTable('insp_department_caps')
    .addColumn('department_id', 'text', (c) => c.primaryKey().references('departments.id'))
    .addColumn('cap', 'integer', (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('insp_department_caps').execute();
}
