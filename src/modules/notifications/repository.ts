import type { Kysely } from 'kysely';
import type { Database, InboxTable } from '../../db/schema.js';

export type InboxRow = InboxTable;

/** A user's messages, newest first, with the page's total and the unread count. */
export async function findInbox(
  db: Kysely<Database>,
  userId: string,
  f: { unreadOnly: boolean; limit: number; offset: number },
) {
  let q = db.selectFrom('inbox_messages').where('user_id', '=', userId);
  if (f.unreadOnly) q = q.where('read_at', 'is', null);
  const [rows, total, unread] = await Promise.all([
    q
      .selectAll()
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(f.limit)
      .offset(f.offset)
      .execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    unreadCount(db, userId),
  ]);
  return { rows, total: Number(total.n), unread };
}

export async function unreadCount(db: Kysely<Database>, userId: string): Promise<number> {
  const r = await db
    .selectFrom('inbox_messages')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

export async function findMessage(db: Kysely<Database>, id: string): Promise<InboxRow | undefined> {
  return db.selectFrom('inbox_messages').selectAll().where('id', '=', id).executeTakeFirst();
}
