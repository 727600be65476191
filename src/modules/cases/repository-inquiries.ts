import type { Insertable, Kysely, Updateable } from 'kysely';
import type { Database, InquiryTable } from '../../db/schema.js';

type Q = Kysely<Database>;

export const findInquiry = (db: Q, id: string) =>
  db.selectFrom('inquiries').selectAll().where('id', '=', id).executeTakeFirst();

export const insertInquiry = (db: Q, row: Insertable<InquiryTable>) =>
  db.insertInto('inquiries').values(row).execute();

/** Changes an inquiry (only if still at `readVersion`, when given); the caller gives the next version. */
export function updateInquiry(
  db: Q,
  id: string,
  changes: Updateable<InquiryTable> & { version: number },
  readVersion?: number,
) {
  let q = db.updateTable('inquiries').set(changes).where('id', '=', id);
  if (readVersion !== undefined) q = q.where('version', '=', readVersion);
  return q.execute();
}

/** A page of inquiries, newest first, with their answer clock's due date and colour. */
export async function listInquiryRows(
  db: Q,
  f: { ownerId?: string; status?: string; limit: number; offset: number },
) {
  let q = db.selectFrom('inquiries as i').leftJoin('clocks as k', 'k.id', 'i.clock_id');
  if (f.ownerId) q = q.where('i.owner_id', '=', f.ownerId);
  if (f.status) q = q.where('i.status', '=', f.status);
  const [rows, total] = await Promise.all([
    q
      .selectAll('i')
      .select(['k.due_date', 'k.colour'])
      .orderBy('i.created_at', 'desc')
      .limit(f.limit)
      .offset(f.offset)
      .execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n) };
}
