import type { Db } from '../../db/database.js';
import type { Actor } from '../../shared/actor.js';
import { fromJson } from '../../shared/json.js';
import { authorize } from '../../shared/policy.js';
import { notFound } from '../../server/errors.js';
import { cataloguePolicy } from './policy.js';

/** The states a bundle takes: published (in the guide) or withdrawn (in none of the public lists). */
export type BundleStatus = 'published' | 'withdrawn';

function allBundleRows(db: Db) {
  return db
    .selectFrom('bundles as b')
    .innerJoin('departments as d', 'd.id', 'b.lead_department_id')
    .select([
      'b.id',
      'b.code',
      'b.name',
      'b.name_en',
      'b.description',
      'b.item_codes',
      'b.committed_days',
      'b.keywords',
      'b.status',
      'b.version',
      'b.updated_at',
      'd.id as dept_id',
      'd.code as dept_code',
      'd.name as dept_name',
      'd.name_en as dept_name_en',
    ]);
}
type Row = Awaited<ReturnType<ReturnType<typeof allBundleRows>['executeTakeFirstOrThrow']>>;

const present = (r: Row) => ({
  id: r.id,
  code: r.code,
  name: r.name,
  nameEn: r.name_en,
  description: r.description,
  leadDepartment: { id: r.dept_id, code: r.dept_code, name: r.dept_name, nameEn: r.dept_name_en },
  itemCodes: fromJson<string[]>(r.item_codes, []),
  committedDays: r.committed_days,
  keywords: fromJson<string[]>(r.keywords, []),
  status: r.status as BundleStatus,
  version: r.version,
  updatedAt: r.updated_at,
});

/** Every bundle, withdrawn ones too, as administrators edit them. */
export async function listAllBundles(db: Db, actor: Actor) {
  authorize(actor, cataloguePolicy.writeBundle, undefined, 'bundle.list');
  const rows = await allBundleRows(db).orderBy('b.code').execute();
  return { items: rows.map(present), total: rows.length };
}

/** One bundle in any state, as administrators edit it (the answer to a create or change). */
export async function getAdminBundle(db: Db, id: string) {
  const row = await allBundleRows(db).where('b.id', '=', id).executeTakeFirst();
  if (!row) throw notFound('bundle', id);
  return present(row);
}
