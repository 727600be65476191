import type { Db } from '../../db/database.js';
import type { Actor } from '../../shared/actor.js';
import { authorize } from '../../shared/policy.js';
import { fromJson } from '../../shared/json.js';
import { cataloguePolicy } from './policy.js';
import { listDepartmentRows, listFeeRows, listSynonymRows } from './repository.js';
import { departmentToInput, feeToInput } from './presenter.js';
import type { CatalogueFileT, ItemInputT } from './schemas.js';

/** The published catalogue as one file that `import` takes back unchanged. */
export async function exportCatalogue(db: Db, actor: Actor): Promise<CatalogueFileT> {
  authorize(actor, cataloguePolicy.exportCatalogue, undefined, 'catalogue.export');
  const depts = await listDepartmentRows(db);
  const codeById = new Map(depts.map((d) => [d.id, d.code]));
  const fees = await listFeeRows(db, {});
  const items = await db
    .selectFrom('items')
    .innerJoin('item_versions as v', 'v.id', 'items.current_version_id')
    .where('items.status', '=', 'published')
    .select(['v.data'])
    .orderBy('items.code')
    .execute();
  const synonyms = await listSynonymRows(db);
  return {
    format: 'onewindow-catalogue/1',
    departments: depts.map(departmentToInput),
    fees: fees.map((f) => feeToInput(f, codeById)),
    items: items.map((r) => fromJson<ItemInputT>(r.data, {} as ItemInputT)),
    synonyms: synonyms.map((s) => ({ term: s.term, synonyms: fromJson<string[]>(s.synonyms, []) })),
  };
}
