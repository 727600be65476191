import { sql, type Kysely } from 'kysely';
import { columnTypes } from '../column-types.js';

/**
 * Guesses per address (a login, a tracking code) counted in one row per address and window, so one
 * atomic statement both counts an attempt and says how many came before it, on every instance.
 *
 * User names are one name whatever their case (`Citizen` is `citizen`): a unique index on the
 * lower-cased name. Existing names that differ only by case keep the oldest account's name; each later
 * one is renamed to the name with the end of its id (`Citizen-3f9a1c`), so nobody signs in as another.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const t = columnTypes(db);
  await db.schema
    .createTable('guess_counters')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('window_start', t.timestamp, (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .execute();

  const users = await db
    .selectFrom('users')
    .select(['id', 'username'])
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  const taken = new Set<string>();
  for (const u of users as { id: string; username: string }[]) {
    let name = u.username;
    if (taken.has(name.toLowerCase())) {
      name = `${u.username}-${u.id.slice(-6)}`;
      for (let i = 2; taken.has(name.toLowerCase()); i++) name = `${u.username}-${u.id.slice(-6)}-${i}`;
      await db.updateTable('users').set({ username: name }).where('id', '=', u.id).execute();
    }
    taken.add(name.toLowerCase());
  }
  await db.schema
    .createIndex('users_username_lower_idx')
    .on('users')
    .unique()
    .expression(sql`lower(username)`)
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('users_username_lower_idx').execute();
  await db.schema.dropTable('guess_counters').execute();
}
