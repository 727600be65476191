import type { Db } from '../../db/database.js';
import { notFound } from '../../server/errors.js';
import { fromJson } from '../../shared/json.js';
import { findItem, findVersionById } from '../catalogue/catalogue-reads.js';
import type { ItemInputT } from '../catalogue/schemas.js';
import { catalogueFor } from './case-items.js';
import { planLines, unitOf } from './fee-lines.js';

/**
 * A published item's fees as its guide shows them, with what given quantities would cost
 * (`FEE-CODE:quantity` pairs). The total is null while a line cannot be priced.
 */
export async function estimateItemFees(db: Db, itemKey: string, quantityText: string | undefined) {
  const item = await findItem(db, itemKey);
  if (!item || item.status !== 'published' || !item.current_version_id) throw notFound('item', itemKey);
  const data = fromJson<ItemInputT>(
    (await findVersionById(db, item.current_version_id))!.data,
    {} as ItemInputT,
  );
  const quantities = Object.fromEntries(
    (quantityText ?? '')
      .split(',')
      .filter(Boolean)
      .map((p) => p.split(':').map((s) => s.trim()) as [string, string]),
  );
  const catalogue = await catalogueFor(
    db,
    data.fees.map((f) => f.feeCode),
  );
  const plan = planLines(data.fees, catalogue, quantities);
  const lines = data.fees.map((l) => {
    const f = catalogue.get(l.feeCode);
    const planned = plan.lines.find((p) => p.fee.code === l.feeCode);
    return {
      feeCode: l.feeCode,
      name: f?.name ?? null,
      basis: f?.basis ?? null,
      standard: f?.standard ?? null,
      unit: f ? unitOf(JSON.parse(f.rule)) : null,
      note: l.note ?? null,
      published: f?.status === 'published',
      amountFen: planned?.amountFen ?? (plan.missing.some((x) => x.feeCode === l.feeCode) ? null : 0),
    };
  });
  return {
    itemId: item.id,
    paymentPoint: data.paymentPoint,
    lines,
    totalFen:
      plan.missing.length || plan.invalid.length ? null : plan.lines.reduce((s, l) => s + l.amountFen, 0),
    formsAreFree: true as const,
  };
}
