import { notFound } from '../../server/errors.js';
import { departmentsById } from '../catalogue/catalogue-reads.js';
import { localDate } from '../clock/local-time.js';
import type { DisclosureDeps } from './disclosure-deps.js';
import { findVillage, overdueRows, publishedPeriods } from './repository-villages.js';
import { periodsOf, summaryOf } from './village-periods.js';

/** A village's page: its periods, disclosed (on time or late), overdue, awaiting or current. Public. */
export async function getVillage(deps: DisclosureDeps, key: string) {
  const v = await findVillage(deps.db, key);
  if (!v) throw notFound('disclosure_village', key);
  const today = localDate(deps.clock.now());
  const [published, overdue] = await Promise.all([
    publishedPeriods(deps.db, v.id),
    overdueRows(deps.db, v.id),
  ]);
  const periods = periodsOf(
    v,
    published,
    today,
    overdue.map((o) => o.period),
  );
  const dept = (await departmentsById(deps.db)).get(v.department_id)?.name ?? null;
  return { ...summaryOf(v, periods, dept), today, periods };
}
