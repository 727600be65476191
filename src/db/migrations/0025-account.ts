import type { Kysely } from 'kysely';
import { columnTypes } from '../column-types.js';

/**
 * The applicant's own account: a forgotten password reset by a one-time code sent to the registered
 * phone or email (kept only as a hash), the profile an application form is prefilled from, and the
 * blank forms and samples (空白表格、示范文本) the catalogue offers per material.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const t = columnTypes(db);
  await db.schema
    .createTable('password_resets')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('address', 'text', (c) => c.notNull())
    .addColumn('code_hash', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('expires_at', t.timestamp, (c) => c.notNull())
    .addColumn('used_at', t.timestamp)
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('password_resets_user_idx')
    .on('password_resets')
    .columns(['user_id', 'created_at'])
    .execute();
  await db.schema
    .createTable('applicant_profiles')
    .addColumn('user_id', 'text', (c) => c.primaryKey())
    .addColumn('address', 'text')
    .addColumn('contact_name', 'text')
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('catalogue_files')
    .addColumn('file_id', 'text', (c) => c.primaryKey())
    .addColumn('department_id', 'text')
    .addColumn('uploaded_by', 'text')
    .addColumn('uploaded_at', t.timestamp, (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('catalogue_files').execute();
  await db.schema.dropTable('applicant_profiles').execute();
  await db.schema.dropTable('password_resets').execute();
}
