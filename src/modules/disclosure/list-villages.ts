import { departmentsById } from '../catalogue/catalogue-reads.js';
import { localDate } from '../clock/local-time.js';
import type { DisclosureDeps } from './disclosure-deps.js';
import { listVillageRows, publishedPeriods } from './repository-villages.js';
import { periodsOf, summaryOf, type Published } from './village-periods.js';

/** Every village with its count of overdue periods and its last disclosure. Public. */
export async function listVillages(deps: DisclosureDeps) {
  const today = localDate(deps.clock.now());
  const [villages, published, depts] = await Promise.all([
    listVillageRows(deps.db),
    publishedPeriods(deps.db),
    departmentsById(deps.db),
  ]);
  const byVillage = new Map<string, Published[]>();
  for (const p of published) byVillage.set(p.village_id, [...(byVillage.get(p.village_id) ?? []), p]);
  return {
    today,
    items: villages.map((v) =>
      summaryOf(v, periodsOf(v, byVillage.get(v.id) ?? [], today), depts.get(v.department_id)?.name ?? null),
    ),
  };
}
