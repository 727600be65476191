import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { frozenVersions } from '../catalogue/frozen-versions.js';
import type { ItemInputT } from '../catalogue/schemas.js';
import type { FeeRow } from '../catalogue/catalogue-reads.js';
import type { ItemFeeLine } from './fee-lines.js';

export interface ChargedItem {
  itemId: string;
  versionId: string;
  departmentId: string;
  name: string;
  paymentPoint: ItemInputT['paymentPoint'];
  fees: ItemFeeLine[];
}

/** The items of a case that carry fees, judged by the item version the case was filed under. */
export async function chargedItemsOf(db: Kysely<Database>, caseId: string): Promise<ChargedItem[]> {
  return chargedItemsFrom(
    db,
    await db
      .selectFrom('case_items')
      .select(['item_id', 'item_version_id'])
      .where('case_id', '=', caseId)
      .execute(),
  );
}

/** The same, for a case whose items are already at hand (its rows just written). */
export async function chargedItemsFrom(
  db: Kysely<Database>,
  rows: readonly { item_id: string; item_version_id: string }[],
): Promise<ChargedItem[]> {
  const versions = await frozenVersions(
    db,
    rows.map((r) => r.item_version_id),
  );
  return rows
    .map((r) => {
      const v = versions.get(r.item_version_id)!;
      return {
        itemId: r.item_id,
        versionId: r.item_version_id,
        departmentId: v.departmentId,
        name: v.name,
        paymentPoint: v.data.paymentPoint ?? 'none',
        fees: v.data.fees ?? [],
      };
    })
    .filter((i) => i.fees.length > 0 && i.paymentPoint !== 'none');
}

/** Catalogue entries by code (published or not: a withdrawn one must be refused by name). */
export async function catalogueFor(db: Kysely<Database>, codes: string[]): Promise<Map<string, FeeRow>> {
  if (!codes.length) return new Map();
  const rows = await db
    .selectFrom('fee_entries')
    .selectAll()
    .where('code', 'in', [...new Set(codes)])
    .execute();
  return new Map(rows.map((f) => [f.code, f]));
}
