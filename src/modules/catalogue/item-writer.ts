import type { UnitOfWork } from '../audit/audited-transaction.js';
import { newId } from '../../shared/ids.js';
import { toJson } from '../../shared/json.js';
import type { DepartmentRow, ItemRow, VersionRow } from './repository.js';
import { replaceSearchTerms } from './repository.js';
import type { ItemInputT } from './schemas.js';
import { indexTerms } from './search/index-terms.js';

/** Writes one new draft version of an item (shared by create, edit and import). */
export async function insertDraftVersion(
  uow: UnitOfWork,
  itemId: string,
  versionNo: number,
  input: ItemInputT,
  departmentId: string,
): Promise<string> {
  const id = newId(uow.now.getTime());
  await uow.db
    .insertInto('item_versions')
    .values({
      id,
      item_id: itemId,
      version_no: versionNo,
      status: 'draft',
      name: input.name,
      name_en: input.nameEn ?? null,
      type: input.type,
      handling_class: input.handlingClass,
      department_id: departmentId,
      statutory_days: input.statutoryDays,
      committed_days: input.committedDays,
      channels: toJson(input.channels),
      life_events: toJson(input.lifeEvents),
      data: toJson(input),
      created_at: uow.nowIso,
      created_by: uow.actor.id,
      published_at: null,
      published_by: null,
    })
    .execute();
  return id;
}

/** Makes a draft the current version: the old one is superseded, the search index follows. */
export async function publishVersion(
  uow: UnitOfWork,
  item: ItemRow,
  draft: VersionRow,
  dept: DepartmentRow,
): Promise<void> {
  if (item.current_version_id && item.current_version_id !== draft.id) {
    await uow.db
      .updateTable('item_versions')
      .set({ status: 'superseded' })
      .where('id', '=', item.current_version_id)
      .execute();
  }
  await uow.db
    .updateTable('item_versions')
    .set({ status: 'published', published_at: uow.nowIso, published_by: uow.actor.id })
    .where('id', '=', draft.id)
    .execute();
  await uow.db
    .updateTable('items')
    .set({
      status: 'published',
      current_version_id: draft.id,
      department_id: draft.department_id,
      updated_at: uow.nowIso,
      version: item.version + 1,
    })
    .where('id', '=', item.id)
    .execute();
  await indexItem(uow, item.id, JSON.parse(draft.data) as ItemInputT, dept);
}

/** The item's search terms from its published text and its department's names (replaced whole). */
async function indexItem(
  uow: UnitOfWork,
  itemId: string,
  data: ItemInputT,
  dept: DepartmentRow,
): Promise<void> {
  await replaceSearchTerms(
    uow.db,
    itemId,
    indexTerms({
      name: data.name,
      keywords: data.keywords,
      lifeEvents: data.lifeEvents,
      resultName: data.resultName,
      departmentName: dept.name,
      departmentShortName: dept.short_name,
      nameEn: data.nameEn ?? null,
      departmentNameEn: dept.name_en,
      departmentShortNameEn: dept.short_name_en,
    }),
  );
}

/**
 * A department's names are search terms of each of its published items: after a rename the items
 * are indexed again, in the same transaction, so a search finds them by the new name and not the old.
 */
export async function reindexDepartmentItems(uow: UnitOfWork, dept: DepartmentRow): Promise<number> {
  const rows = await uow.db
    .selectFrom('items')
    .innerJoin('item_versions', 'item_versions.id', 'items.current_version_id')
    .select(['items.id', 'item_versions.data'])
    .where('items.department_id', '=', dept.id)
    .where('items.status', '=', 'published')
    .execute();
  for (const r of rows) await indexItem(uow, r.id, JSON.parse(r.data) as ItemInputT, dept);
  return rows.length;
}
