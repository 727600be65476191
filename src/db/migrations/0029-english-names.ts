import type { Kysely } from 'kysely';

/**
 * English names in the catalogue, optional: a department's full and short name, and an item
 * version's name. The version keeps the name in its data like every other element; the column is
 * there for the reads that name items without parsing the data (the assessment's breakdown).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('departments').addColumn('name_en', 'text').execute();
  await db.schema.alterTable('departments').addColumn('short_name_en', 'text').execute();
  await db.schema.alterTable('item_versions').addColumn('name_en', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('item_versions').dropColumn('name_en').execute();
  await db.schema.alterTable('departments').dropColumn('short_name_en').execute();
  await db.schema.alterTable('departments').dropColumn('name_en').execute();
}
