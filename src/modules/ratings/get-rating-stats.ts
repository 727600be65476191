import type { Clock } from '../../shared/clock.js';
import type { Db } from '../../db/database.js';
import { departmentsById } from '../catalogue/catalogue-reads.js';
import { endOfLocalDay } from '../clock/local-time.js';
import { addCalendarDays } from '../clock/calendar/calendar-day.js';
import { satisfactionRate } from './levels.js';
import { exclusions, itemNames, ratingCounts, rectificationCounts } from './repository-stats.js';
import type { StatsViewT } from './schemas.js';

type By = StatsViewT['by'];
type Group = StatsViewT['groups'][number];

const keyOf = (by: By, r: { department_id: string; item_id: string | null; window: string | null }) =>
  by === 'department'
    ? r.department_id
    : by === 'item'
      ? r.item_id
      : r.window
        ? `${r.department_id}:${r.window}`
        : null;

/**
 * Publication (公开): ratings, satisfaction and rectifications per department, item or window, and
 * every excluded rating with the reason. Public: it names no rater and no matter.
 */
export async function getRatingStats(
  db: Db,
  clock: Clock,
  q: { by: By; from?: string; to?: string },
): Promise<StatsViewT> {
  const period = {
    fromIso: q.from ? endOfLocalDay(addCalendarDays(q.from, -1)) : null,
    toIso: q.to ? endOfLocalDay(q.to) : null,
  };
  const [counts, rects, excluded, depts] = await Promise.all([
    ratingCounts(db, period),
    rectificationCounts(db, period, clock.now().toISOString()),
    exclusions(db, period),
    departmentsById(db),
  ]);
  const groups = new Map<string, Group>();
  const group = (r: { department_id: string; item_id: string | null; window: string | null }) => {
    const key = keyOf(q.by, r);
    if (key === null) return undefined;
    let g = groups.get(key);
    if (!g) {
      const dept = depts.get(r.department_id)?.name ?? r.department_id;
      g = {
        key,
        name: q.by === 'department' ? dept : q.by === 'window' ? (r.window ?? '') : key,
        departmentName: q.by === 'department' ? null : dept,
        counted: 0,
        levels: { 5: 0, 4: 0, 3: 0, 2: 0, 1: 0 },
        satisfaction: null,
        excluded: 0,
        bad: 0,
        rectified: 0,
        rectifying: 0,
        overdue: 0,
      };
      groups.set(key, g);
    }
    return g;
  };
  for (const c of counts) {
    const g = group(c);
    if (!g) continue;
    const n = Number(c.n);
    if (c.state === 'excluded') g.excluded += n;
    else {
      g.counted += n;
      g.levels[c.level as 1 | 2 | 3 | 4 | 5] += n;
      if (c.level <= 2) g.bad += n;
    }
  }
  for (const x of rects) {
    const g = group(x);
    if (!g || x.state === 'excluded') continue;
    if (x.state === 'rectified') g.rectified += Number(x.n);
    else g.rectifying += Number(x.n);
    g.overdue += Number(x.late ?? 0);
  }
  if (q.by === 'item') {
    const names = new Map((await itemNames(db, [...groups.keys()])).map((i) => [i.id, i.name]));
    for (const g of groups.values()) g.name = names.get(g.key) ?? g.key;
  }
  for (const g of groups.values()) g.satisfaction = satisfactionRate(g.levels);
  return {
    by: q.by,
    from: q.from ?? null,
    to: q.to ?? null,
    groups: [...groups.values()].sort((a, b) => b.counted - a.counted || a.name.localeCompare(b.name)),
    exclusions: excluded.map((e) => ({
      department: e.name,
      channel: e.channel as StatsViewT['exclusions'][number]['channel'],
      level: e.level,
      ratedAt: e.rated_at,
      reason: e.exclusion_reason ?? '',
    })),
  };
}
