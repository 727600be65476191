import { anonymous } from '../../shared/actor.js';
import { localDate } from '../clock/local-time.js';
import { getItem } from '../catalogue/get-item.js';
import { itemVisits } from '../hall/hall-reads.js';
import { decidedCases, periodInstants } from '../commitments/measure-sources.js';
import { round1 } from '../commitments/measures.js';
import type { DashboardDeps } from './dashboard-deps.js';
import { median, percentile, rollingYear } from './periods.js';

/**
 * An item's service commitment against what happened (服务承诺): the committed and statutory limits
 * and the commitment text beside the last twelve months' decided cases — median and p90 working
 * days, the on-time share — and the visits to the hall, each with its sample and marked when the
 * sample is small. Public; kept a minute per instance.
 */
export async function getItemActuals(deps: DashboardDeps, key: string) {
  return deps.cache.get(`item:${key}`, async () => {
    const item = await getItem(deps.db, anonymous(), key);
    const asOf = deps.clock.now();
    const period = rollingYear(localDate(asOf));
    const cal = await deps.calendars.get();
    const { from, to } = periodInstants(period);
    const [cases, visits] = await Promise.all([
      decidedCases(deps.db, cal, { itemId: item.id, ...period }),
      itemVisits(deps.db, item.id, { fromIso: from, toIso: to }),
    ]);
    const days = cases.map((c) => c.days);
    const onTime = cases.filter((c) => c.onTime).length;
    return {
      itemId: item.id,
      itemCode: item.code,
      itemName: item.name,
      itemNameEn: item.nameEn,
      committedDays: item.committedDays,
      statutoryDays: item.statutoryDays,
      maxVisits: item.maxVisits,
      commitment: item.commitment,
      period,
      asOf: asOf.toISOString(),
      minSample: deps.minSample,
      cases: {
        sample: cases.length,
        smallSample: cases.length < deps.minSample,
        medianDays: median(days),
        p90Days: percentile(days, 90),
        onTimeRate: cases.length ? round1((onTime / cases.length) * 100) : null,
      },
      visits: {
        sample: visits.cases,
        smallSample: visits.cases < deps.minSample,
        visits: visits.visits,
        perCase: visits.cases ? round1(visits.visits / visits.cases) : null,
      },
    };
  });
}
