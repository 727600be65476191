import { departmentsById } from '../catalogue/catalogue-reads.js';
import { localDate } from '../clock/local-time.js';
import type { DisclosureDeps } from './disclosure-deps.js';
import { listVillageRows, overdueRows, publishedPeriods } from './repository-villages.js';
import { periodsOf, summaryOf, type Published } from './village-periods.js';

/** Every village with its count of overdue periods and its last disclosure. Public. */
export async function listVillages(deps: DisclosureDeps) {
  const today = localDate(deps.clock.now());
  const [villages, published, overdue, depts] = await Promise.all([
    listVillageRows(deps.db),
    publishedPeriods(deps.db),
    overdueRows(deps.db),
    departmentsById(deps.db),
  ]);
  const byVillage = new Map<string, Published[]>();
  for (const p of published) {
    const list = byVillage.get(p.village_id) ?? [];
    list.push(p);
    byVillage.set(p.village_id, list);
  }
  return {
    today,
    items: villages.map((v) =>
      summaryOf(
        v,
        periodsOf(
          v,
          byVillage.get(v.id) ?? [],
          today,
          overdue.filter((o) => o.village_id === v.id).map((o) => o.period),
        ),
        depts.get(v.department_id)?.name ?? null,
      ),
    ),
  };
}
