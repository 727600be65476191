import type { Kysely, Selectable, Updateable } from 'kysely';
import type { Database, OrderTable, SignalTable } from '../../db/schema.js';

type Q = Kysely<Database>;
export type SignalRow = Selectable<SignalTable>;
export type OrderRow = Selectable<OrderTable>;

export const findOrder = (db: Q, id: string) =>
  db.selectFrom('supervision_orders').selectAll().where('id', '=', id).executeTakeFirst();

/** Changes an order if it is still at the version its caller read; false when someone changed it first. */
export async function updateOrder(
  db: Q,
  id: string,
  readVersion: number,
  changes: Updateable<OrderTable> & { version: number },
): Promise<boolean> {
  const res = await db
    .updateTable('supervision_orders')
    .set(changes)
    .where('id', '=', id)
    .where('version', '=', readVersion)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

export const saveThreshold = (
  db: Q,
  t: { scope: 'department' | 'item'; scopeId: string; yellowPct: number },
  at: string,
) =>
  db
    .insertInto('supervision_thresholds')
    .values({ scope: t.scope, scope_id: t.scopeId, yellow_pct: t.yellowPct, updated_at: at })
    .onConflict((oc) =>
      oc.columns(['scope', 'scope_id']).doUpdateSet({ yellow_pct: t.yellowPct, updated_at: at }),
    )
    .execute();

export async function boardCounts(db: Q, subjectType?: string) {
  let q = db.selectFrom('clocks').where('status', 'in', ['running', 'paused']);
  if (subjectType) q = q.where('subject_type', '=', subjectType);
  return q
    .select(['department_id', 'status', 'colour', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy(['department_id', 'status', 'colour'])
    .execute();
}

export interface ClockFilter {
  colour?: string;
  departmentId?: string;
  subjectType?: string;
  status?: string;
  dueBefore?: string;
  limit: number;
  offset: number;
}

export async function findClocks(db: Q, f: ClockFilter) {
  let q = db.selectFrom('clocks').where('status', '=', f.status ?? 'running');
  if (f.colour) q = q.where('colour', '=', f.colour);
  if (f.departmentId) q = q.where('department_id', '=', f.departmentId);
  if (f.subjectType) q = q.where('subject_type', '=', f.subjectType);
  if (f.dueBefore) q = q.where('due_date', '<', f.dueBefore);
  const [rows, total] = await Promise.all([
    q.selectAll().orderBy('due_date').orderBy('id').limit(f.limit).offset(f.offset).execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n) };
}

export async function findSignals(
  db: Q,
  f: {
    kind?: string;
    departmentId?: string;
    status?: string;
    subjectType?: string;
    subjectId?: string;
    limit: number;
    offset: number;
  },
) {
  let q = db.selectFrom('supervision_signals');
  if (f.kind) q = q.where('kind', '=', f.kind);
  if (f.departmentId) q = q.where('department_id', '=', f.departmentId);
  if (f.status) q = q.where('status', '=', f.status);
  if (f.subjectType) q = q.where('subject_type', '=', f.subjectType);
  if (f.subjectId) q = q.where('subject_id', '=', f.subjectId);
  const [rows, total] = await Promise.all([
    q
      .selectAll()
      .orderBy('raised_at', 'desc')
      .orderBy('id', 'desc')
      .limit(f.limit)
      .offset(f.offset)
      .execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n) };
}

export async function findOrders(
  db: Q,
  f: { status?: string; departmentId?: string; limit: number; offset: number },
) {
  let q = db
    .selectFrom('supervision_orders as o')
    .leftJoin('clocks as c', 'c.id', 'o.clock_id')
    .leftJoin('clocks as a', 'a.id', 'o.answer_clock_id');
  if (f.status) q = q.where('o.status', '=', f.status);
  if (f.departmentId) q = q.where('o.department_id', '=', f.departmentId);
  const [rows, total] = await Promise.all([
    q
      .selectAll('o')
      .select([
        'c.label as clock_label',
        'c.due_date as clock_due_date',
        'c.status as clock_status',
        'a.due_date as answer_due_date',
        'a.colour as answer_colour',
      ])
      .orderBy('o.opened_at', 'desc')
      .orderBy('o.id', 'desc')
      .limit(f.limit)
      .offset(f.offset)
      .execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n) };
}
