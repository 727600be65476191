import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { fromJson } from '../../shared/json.js';
import type { ItemInputT } from '../catalogue/schemas.js';
import type { FeeRow } from '../catalogue/repository.js';
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
  const rows = await db.selectFrom('case_items').innerJoin('item_versions as v', 'v.id', 'case_items.item_version_id')
    .select(['case_items.item_id', 'case_items.item_version_id', 'v.department_id', 'v.name', 'v.data']).where('case_items.case_id', '=', caseId).execute();
  return rows.map((r) => {
    const data = fromJson<ItemInputT>(r.data, {} as ItemInputT);
    return { itemId: r.item_id, versionId: r.item_version_id, departmentId: r.department_id, name: r.name, paymentPoint: data.paymentPoint ?? 'none', fees: data.fees ?? [] };
  }).filter((i) => i.fees.length > 0 && i.paymentPoint !== 'none');
}

/** Catalogue entries by code (published or not: a withdrawn one must be refused by name). */
export async function catalogueFor(db: Kysely<Database>, codes: string[]): Promise<Map<string, FeeRow>> {
  if (!codes.length) return new Map();
  const rows = await db.selectFrom('fee_entries').selectAll().where('code', 'in', [...new Set(codes)]).execute();
  return new Map(rows.map((f) => [f.code, f]));
}
