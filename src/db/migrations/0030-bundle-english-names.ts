import type { Kysely } from 'kysely';

/**
 * A bundle's (一件事) optional English name, as departments and item versions have theirs (0029):
 * bundles keep their fields in columns, so the name is one more.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('bundles').addColumn('name_en', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('bundles').dropColumn('name_en').execute();
}
