import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { fromJson } from '../../shared/json.js';
import { feeAmountFen } from '../catalogue/fee-amount.js';
import type { FeeRuleT } from '../catalogue/schemas.js';
import { endOfLocalDay } from '../clock/local-time.js';
import { collectedLines } from './repository.js';

/** "3 平方米" → 3: the quantity a form line was charged for. */
const quantityOf = (text: string) => {
  const n = Number.parseFloat(text);
  return Number.isFinite(n) && n >= 0 ? n : 1;
};

/** What a line would have charged under the new rule (a fixed fee counts its pieces). */
export const chargeUnder = (rule: FeeRuleT, quantity: number) =>
  rule.kind === 'fixed' ? rule.amountFen * quantity : feeAmountFen(rule, quantity);

/**
 * The yearly amount saved, estimated from the previous calendar year's collections: an abolished
 * fee saves all it collected (less refunds); a reduced one the difference at each line's quantity.
 */
export async function estimateSaving(
  db: Kysely<Database>,
  feeCode: string,
  proposal: 'reduce' | 'abolish',
  newRule: string | null,
  effectiveDate: string,
): Promise<{ previousYearFen: number; yearlySavingFen: number }> {
  const year = Number(effectiveDate.slice(0, 4)) - 1;
  const lines = await collectedLines(
    db,
    feeCode,
    endOfLocalDay(`${year - 1}-12-31`),
    endOfLocalDay(`${year}-12-31`),
  );
  const collected = lines.map((l) => Math.max(0, Number(l.paid_fen) - Number(l.refunded_fen)));
  const previousYearFen = collected.reduce((s, f) => s + f, 0);
  if (proposal === 'abolish') return { previousYearFen, yearlySavingFen: previousYearFen };
  const rule = fromJson<FeeRuleT | null>(newRule, null);
  if (!rule) return { previousYearFen, yearlySavingFen: 0 };
  const yearlySavingFen = lines.reduce(
    (s, l, i) => s + Math.max(0, collected[i]! - chargeUnder(rule, quantityOf(l.quantity))),
    0,
  );
  return { previousYearFen, yearlySavingFen };
}
