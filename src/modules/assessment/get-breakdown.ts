import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { Actor } from '../../shared/actor.js';
import { authorize } from '../../shared/policy.js';
import { departmentsById } from '../catalogue/catalogue-reads.js';
import { COUNTERS } from './counters.js';
import { figureOf, MEASURE_CODES } from './measures.js';
import { assessmentPolicy } from './policy.js';
import { namesOf, sumAggregates, windowsOf, type Group } from './repository-report.js';
import { requirePeriod, schemeFor, type Figures } from './get-assessment.js';
import type { AssessmentDeps } from './refresh-assessment.js';

export type BreakdownDim = 'item' | 'staff' | 'window';

/** Groups that stand for one thing (a window under its id and its code) added up, counters and days alike. */
export function mergeGroups(groups: Group[], keyOf: (dimId: string) => string): Group[] {
  const out = new Map<string, Group>();
  for (const g of groups) {
    const key = keyOf(g.dimId);
    const m = out.get(key);
    if (!m) {
      out.set(key, { ...g, dimId: key, totals: { ...g.totals }, hist: new Map(g.hist) });
      continue;
    }
    for (const c of COUNTERS) m.totals[c] += g.totals[c];
    for (const [d, n] of g.hist) m.hist.set(d, (m.hist.get(d) ?? 0) + n);
  }
  return [...out.values()];
}

/** Every key a value of a dimension is stored under: a window's code and its id, anything else itself. */
export async function keysOf(db: Kysely<Database>, dim: BreakdownDim, id: string): Promise<string[]> {
  if (dim !== 'window') return [id];
  const windows = await windowsOf(db, [id]);
  return [...new Set([id, ...windows.flatMap((w) => (w.code === id || w.id === id ? [w.id, w.code] : []))])];
}

/**
 * One dimension's figures (items, staff members or windows) of one department over a period, each
 * named: an item by its name (its latest version's when none is published), a staff member by the
 * display name, a window by its code and name; items and windows in English too when they have it.
 */
export async function getBreakdown(
  deps: AssessmentDeps,
  actor: Actor,
  input: { period: string; departmentId: string; by: BreakdownDim },
) {
  authorize(actor, assessmentPolicy.trace, input.departmentId, 'assessment.trace');
  const period = requirePeriod(input.period);
  const [raw, scheme, departments] = await Promise.all([
    sumAggregates(deps.db, input.by, period.start, period.end, input.departmentId),
    schemeFor(deps.db, period.code),
    departmentsById(deps.db),
  ]);
  let groups = raw;
  let names: Map<string, string>;
  let namesEn = new Map<string, string | null>();
  if (input.by === 'window') {
    const windows = await windowsOf(
      deps.db,
      raw.map((g) => g.dimId),
    );
    const codeOf = new Map(windows.flatMap((w) => [[w.id, w.code] as const, [w.code, w.code] as const]));
    groups = mergeGroups(raw, (id) => codeOf.get(id) ?? id);
    const named = (code: string, name: string) => (name.includes(code) ? name : `${code} ${name}`);
    names = new Map(windows.map((w) => [w.code, named(w.code, w.name)]));
    namesEn = new Map(
      windows.map((w) => [w.code, w.name_en.trim() ? named(w.code, w.name_en.trim()) : null]),
    );
  } else {
    const named = await namesOf(
      deps.db,
      input.by,
      raw.map((g) => g.dimId),
    );
    names = new Map([...named].map(([id, n]) => [id, n.name]));
    namesEn = new Map([...named].map(([id, n]) => [id, n.nameEn]));
  }
  return {
    period,
    by: input.by,
    departmentId: input.departmentId,
    departmentName: departments.get(input.departmentId)?.name ?? input.departmentId,
    departmentNameEn: departments.get(input.departmentId)?.name_en ?? null,
    minSample: scheme.minSample,
    rows: groups
      .map((g) => {
        const figures = Object.fromEntries(
          MEASURE_CODES.map((c) => [c, figureOf(c, g.totals, g.hist)]),
        ) as Figures;
        return {
          id: g.dimId,
          name: names.get(g.dimId) ?? g.dimId,
          nameEn: namesEn.get(g.dimId) ?? null,
          sample: figures.on_time_rate.sample,
          figures,
        };
      })
      .sort((a, b) => a.name.localeCompare(b.name, 'zh-CN') || a.id.localeCompare(b.id)),
  };
}
