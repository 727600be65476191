import type { Kysely } from 'kysely';

/**
 * Each case event records the recipe its hash was taken with. Version 1 hashed the actor's id and
 * every field of the event in the clear, so nobody could check it without seeing them. Version 2
 * hashes a salted commitment to the personal fields instead, so a public copy that carries the
 * commitment in place of the personal values still verifies; the salt stays here, never shown.
 * Events written before keep version 1 and keep verifying with its recipe: re-hashing them would
 * change hashes that may already have been printed, shown or archived.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('case_events')
    .addColumn('hash_version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.alterTable('case_events').addColumn('salt', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('case_events').dropColumn('salt').execute();
  await db.schema.alterTable('case_events').dropColumn('hash_version').execute();
}
