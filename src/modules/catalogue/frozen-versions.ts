import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { ItemInputT } from './schemas.js';

/** What a case keeps of the item version it was filed under: fixed once the version left draft. */
export interface FrozenVersion {
  id: string;
  itemId: string;
  versionNo: number;
  departmentId: string;
  name: string;
  data: ItemInputT;
}

const MAX = 2000;
const cache = new Map<string, FrozenVersion>();

/**
 * Item versions by id, parsed once. A version's content never changes after it is published (only
 * its status moves on: superseded, withdrawn), so a published or retired version is kept in memory
 * and is the same on every instance; drafts, which are edited in place, are always read afresh.
 */
export async function frozenVersions(
  db: Kysely<Database>,
  ids: readonly string[],
): Promise<Map<string, FrozenVersion>> {
  const out = new Map<string, FrozenVersion>();
  const missing: string[] = [];
  for (const id of new Set(ids)) {
    const hit = cache.get(id);
    if (hit) out.set(id, hit);
    else missing.push(id);
  }
  if (!missing.length) return out;
  const rows = await db
    .selectFrom('item_versions')
    .select(['id', 'item_id', 'version_no', 'department_id', 'name', 'data', 'status'])
    .where('id', 'in', missing)
    .execute();
  for (const r of rows) {
    const v: FrozenVersion = {
      id: r.id,
      itemId: r.item_id,
      versionNo: r.version_no,
      departmentId: r.department_id,
      name: r.name,
      data: JSON.parse(r.data) as ItemInputT,
    };
    out.set(r.id, v);
    if (r.status === 'draft') continue;
    cache.set(r.id, v);
    if (cache.size > MAX) cache.delete(cache.keys().next().value!);
  }
  return out;
}

export async function frozenVersion(db: Kysely<Database>, id: string): Promise<FrozenVersion | undefined> {
  return (await frozenVersions(db, [id])).get(id);
}
