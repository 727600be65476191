import type { Db } from '../../db/database.js';
import { countPublished } from './repository.js';

/** The totals the center publishes: departments, licensing items, fee and convenience items. */
export async function getCatalogueSummary(db: Db) {
  const c = await countPublished(db);
  const sum = (pred: (r: { type: string; handlingClass: string }) => boolean) =>
    c.byType.filter(pred).reduce((s, r) => s + r.n, 0);
  const byType: Record<string, number> = {};
  for (const r of c.byType) byType[r.type] = (byType[r.type] ?? 0) + r.n;
  const byHandlingClass: Record<string, number> = {};
  for (const r of c.byType) byHandlingClass[r.handlingClass] = (byHandlingClass[r.handlingClass] ?? 0) + r.n;
  return {
    departments: c.departments,
    licensingItems: sum((r) => r.type === 'licensing'),
    feeAndConvenienceItems: sum((r) => r.type !== 'licensing'),
    totalItems: sum(() => true),
    publishedFees: c.fees,
    byType,
    byHandlingClass,
  };
}
