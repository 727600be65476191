import type { Db } from '../../db/database.js';
import { satisfactionRate } from './levels.js';
import { departmentLevelCounts } from './repository-stats.js';

/**
 * A department's satisfaction in a period as other modules read it (commitments, assessment): the
 * published definition (satisfactionRate), over its counted ratings; null when nobody rated.
 */
export async function departmentSatisfaction(
  db: Db,
  departmentId: string,
  period: { fromIso: string; toIso: string },
): Promise<{ rate: number; ratings: number } | null> {
  const counts = await departmentLevelCounts(db, departmentId, period);
  const rate = satisfactionRate(counts);
  if (rate === null) return null;
  return { rate, ratings: Object.values(counts).reduce((s, n) => s + n, 0) };
}
