import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { fromJson } from '../../shared/json.js';

export interface ChangeInForce {
  feeCode: string;
  proposal: 'reduce' | 'abolish';
  effectiveDate: string;
  /** the standard in force from the date (a reduction's new rule) */
  newRule: unknown;
}

/**
 * Approved reductions and abolitions of these fees in force on a day: the fee module refuses a
 * payment form issued from that day at the old standard, whether or not the catalogue has been
 * updated yet.
 */
export async function changesInForce(
  db: Kysely<Database>,
  codes: string[],
  day: string,
): Promise<Map<string, ChangeInForce>> {
  if (!codes.length) return new Map();
  const rows = await db
    .selectFrom('feereview_lines')
    .select(['fee_code', 'proposal', 'effective_date', 'new_rule'])
    .where('fee_code', 'in', [...new Set(codes)])
    .where('state', '=', 'approved')
    .where('proposal', 'in', ['reduce', 'abolish'])
    .where('effective_date', '<=', day)
    .orderBy('effective_date')
    .execute();
  // The latest change of each fee is the one in force.
  return new Map(
    rows.map((r) => [
      r.fee_code,
      {
        feeCode: r.fee_code,
        proposal: r.proposal as 'reduce' | 'abolish',
        effectiveDate: r.effective_date!,
        newRule: fromJson<unknown>(r.new_rule, null),
      },
    ]),
  );
}
