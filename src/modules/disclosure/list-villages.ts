import { departmentsById } from '../catalogue/catalogue-reads.js';
import { localDate } from '../clock/local-time.js';
import type { DisclosureDeps } from './disclosure-deps.js';
import { listVillageRows, overdueRows, publishedPeriods } from './repository-villages.js';
import { termsByVillage } from './repository-terms.js';
import { periodsOf, summaryOf, type Overdue, type Published } from './village-periods.js';

const groupBy = <T extends { village_id: string }>(rows: T[]) => {
  const out = new Map<string, T[]>();
  for (const r of rows) out.set(r.village_id, [...(out.get(r.village_id) ?? []), r]);
  return out;
};

/** Every village with its count of overdue periods and its last disclosure. Public. */
export async function listVillages(deps: DisclosureDeps) {
  const today = localDate(deps.clock.now());
  const [villages, published, overdue, terms, depts] = await Promise.all([
    listVillageRows(deps.db),
    publishedPeriods(deps.db),
    overdueRows(deps.db),
    termsByVillage(deps.db),
    departmentsById(deps.db),
  ]);
  const pubBy = groupBy<Published & { village_id: string }>(published);
  const overBy = groupBy<Overdue & { village_id: string }>(overdue);
  return {
    today,
    items: villages.map((v) => {
      const ts = terms.get(v.id) ?? [];
      const periods = periodsOf(ts, pubBy.get(v.id) ?? [], today, overBy.get(v.id) ?? []);
      return summaryOf(v, ts, today, periods, depts.get(v.department_id)?.name ?? null);
    }),
  };
}
