import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';

type Q = Kysely<Database>;
interface Paging {
  limit: number;
  offset: number;
}

export async function ratingPage(
  db: Q,
  f: { departmentId?: string; channel?: string; bad?: boolean },
  p: Paging,
) {
  let q = db.selectFrom('rating_ratings');
  if (f.departmentId) q = q.where('department_id', '=', f.departmentId);
  if (f.channel) q = q.where('channel', '=', f.channel);
  if (f.bad !== undefined) q = q.where('level', f.bad ? '<=' : '>', 2);
  const [rows, n] = await Promise.all([
    q.selectAll().orderBy('rated_at', 'desc').orderBy('id', 'desc').limit(p.limit).offset(p.offset).execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(n.n) };
}

export async function rectificationPage(
  db: Q,
  f: { departmentId?: string; state?: string; callbackPending?: boolean },
  p: Paging,
) {
  let q = db.selectFrom('rating_rectifications');
  if (f.departmentId) q = q.where('department_id', '=', f.departmentId);
  if (f.state) q = q.where('state', '=', f.state);
  if (f.callbackPending)
    q = q
      .where('callback_required', '=', 1)
      .where('callback_at', 'is', null)
      .where('state', '!=', 'excluded');
  const [rows, n] = await Promise.all([
    q
      .selectAll()
      .orderBy('opened_at', 'desc')
      .orderBy('id', 'desc')
      .limit(p.limit)
      .offset(p.offset)
      .execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(n.n) };
}

export async function appealPage(db: Q, f: { departmentId?: string; state?: string }, p: Paging) {
  let q = db.selectFrom('rating_appeals');
  if (f.departmentId) q = q.where('department_id', '=', f.departmentId);
  if (f.state) q = q.where('state', '=', f.state);
  const [rows, n] = await Promise.all([
    q.selectAll().orderBy('filed_at', 'desc').orderBy('id', 'desc').limit(p.limit).offset(p.offset).execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(n.n) };
}

export const ratingsByIds = (db: Q, ids: string[]) =>
  ids.length
    ? db.selectFrom('rating_ratings').selectAll().where('id', 'in', ids).execute()
    : Promise.resolve([]);
