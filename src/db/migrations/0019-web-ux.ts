import type { Kysely } from 'kysely';

/**
 * Web UX: an inbox message keeps the notice's payload, so it is rendered in the reader's language
 * when read (a message written in Chinese reads in English once its owner switches). Messages from
 * before keep their stored text.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('inbox_messages').addColumn('payload', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('inbox_messages').dropColumn('payload').execute();
}
