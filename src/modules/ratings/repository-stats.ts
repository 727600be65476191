import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';

type Q = Kysely<Database>;
export interface Period {
  fromIso: string | null;
  toIso: string | null;
}

/** Ratings counted per department, item, window, level and state in the period. */
export function ratingCounts(db: Q, p: Period) {
  let q = db
    .selectFrom('rating_ratings')
    .select(['department_id', 'item_id', 'window', 'level', 'state'])
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .groupBy(['department_id', 'item_id', 'window', 'level', 'state']);
  if (p.fromIso) q = q.where('rated_at', '>=', p.fromIso);
  if (p.toIso) q = q.where('rated_at', '<', p.toIso);
  return q.execute();
}

/** Rectifications of the period's ratings per state, and those past their last clock. */
export function rectificationCounts(db: Q, p: Period, nowIso: string) {
  let q = db
    .selectFrom('rating_rectifications as x')
    .innerJoin('rating_ratings as r', 'r.id', 'x.rating_id')
    .innerJoin('clocks as c', 'c.id', 'x.rectify_clock_id')
    .select(['r.department_id', 'r.item_id', 'r.window', 'x.state'])
    .select((eb) => [
      eb.fn.countAll<number>().as('n'),
      eb.fn
        .sum<number>(
          eb
            .case()
            .when(eb.and([eb('c.overdue_at', '<=', nowIso), eb('c.status', '!=', 'stopped')]))
            .then(1)
            .when(eb.and([eb('c.status', '=', 'stopped'), eb('c.stopped_at', '>', eb.ref('c.overdue_at'))]))
            .then(1)
            .else(0)
            .end(),
        )
        .as('late'),
    ])
    .groupBy(['r.department_id', 'r.item_id', 'r.window', 'x.state']);
  if (p.fromIso) q = q.where('r.rated_at', '>=', p.fromIso);
  if (p.toIso) q = q.where('r.rated_at', '<', p.toIso);
  return q.execute();
}

/** The excluded ratings of the period, with the supervisors' reasons (published as excluded). */
export function exclusions(db: Q, p: Period) {
  let q = db
    .selectFrom('rating_ratings as r')
    .innerJoin('departments as d', 'd.id', 'r.department_id')
    .select(['d.name', 'r.channel', 'r.level', 'r.rated_at', 'r.exclusion_reason'])
    .where('r.state', '=', 'excluded')
    .orderBy('r.rated_at', 'desc')
    .limit(200);
  if (p.fromIso) q = q.where('r.rated_at', '>=', p.fromIso);
  if (p.toIso) q = q.where('r.rated_at', '<', p.toIso);
  return q.execute();
}

export const itemNames = (db: Q, ids: string[]) =>
  ids.length
    ? db
        .selectFrom('items as i')
        .innerJoin('item_versions as v', 'v.id', 'i.current_version_id')
        .select(['i.id', 'v.name'])
        .where('i.id', 'in', ids)
        .execute()
    : Promise.resolve([]);

/** A department's counted ratings per level in the period (excluded ratings left out). */
export async function departmentLevelCounts(
  db: Q,
  departmentId: string,
  p: { fromIso: string; toIso: string },
): Promise<Record<number, number>> {
  const rows = await db
    .selectFrom('rating_ratings')
    .select('level')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('department_id', '=', departmentId)
    .where('state', '!=', 'excluded')
    .where('rated_at', '>=', p.fromIso)
    .where('rated_at', '<', p.toIso)
    .groupBy('level')
    .execute();
  return Object.fromEntries(rows.map((r) => [r.level, Number(r.n)]));
}
