import type { Actor } from '../../shared/actor.js';
import { authorize } from '../../shared/policy.js';
import type { Db } from '../../db/database.js';
import { presentRefund } from './presenter.js';
import { feePolicy } from './policy.js';

/** The refund worklist: by status, a department's own (heads) or all (window, finance, supervisors). */
export async function listRefunds(
  db: Db,
  actor: Actor,
  q: { status?: string; limit: number; offset: number },
) {
  const dept = actor.role === 'head' ? actor.departmentId : null;
  authorize(actor, feePolicy.readRefunds, dept, 'refund.list');
  let query = db.selectFrom('fee_refunds as r').innerJoin('fee_forms as f', 'f.id', 'r.form_id');
  if (q.status) query = query.where('r.status', '=', q.status);
  if (dept) query = query.where('r.department_id', '=', dept);
  const [rows, total] = await Promise.all([
    query
      .selectAll('r')
      .select('f.number as form_number')
      .orderBy('r.created_at')
      .orderBy('r.id')
      .limit(q.limit)
      .offset(q.offset)
      .execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items: rows.map((r) => presentRefund(r, r.form_number)), total: Number(total.n) };
}
