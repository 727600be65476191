import { notFound } from '../../server/errors.js';
import { departmentsById } from '../catalogue/catalogue-reads.js';
import { localDate } from '../clock/local-time.js';
import type { DisclosureDeps } from './disclosure-deps.js';
import { findVillage, overdueRows, publishedPeriods } from './repository-villages.js';
import { termsOf } from './repository-terms.js';
import { periodsOf, summaryOf, upcomingOf } from './village-periods.js';

/**
 * A village's page: its periods, disclosed (on time or late), overdue, awaiting or current; the
 * periods to come (a scheduled change of cadence shows there first) and its terms. Public.
 */
export async function getVillage(deps: DisclosureDeps, key: string) {
  const v = await findVillage(deps.db, key);
  if (!v) throw notFound('disclosure_village', key);
  const today = localDate(deps.clock.now());
  const [published, overdue, terms] = await Promise.all([
    publishedPeriods(deps.db, v.id),
    overdueRows(deps.db, v.id),
    termsOf(deps.db, v.id),
  ]);
  const periods = periodsOf(terms, published, today, overdue);
  const dept = (await departmentsById(deps.db)).get(v.department_id)?.name ?? null;
  return {
    ...summaryOf(v, terms, today, periods, dept),
    today,
    periods,
    upcoming: upcomingOf(terms, today),
    terms: terms.map((t) => ({ ...t })),
  };
}
