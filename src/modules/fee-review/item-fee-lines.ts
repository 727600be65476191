import type { Selectable } from 'kysely';
import type { DepartmentTable, ItemTable, ItemVersionTable } from '../../db/schema.js';
import { fromJson } from '../../shared/json.js';
import type { UnitOfWork } from '../audit/audited-transaction.js';
import { insertDraftVersion, publishVersion } from '../catalogue/item-writer.js';
import type { ItemInputT } from '../catalogue/schemas.js';

/**
 * An abolished fee leaves every published item that charged it: each gets a new published version
 * without the fee line (an item left with no fee collects nothing). Cases keep the version they
 * were filed under, so what they were told stays what they are judged by.
 */
export async function dropFeeFromItems(uow: UnitOfWork, feeCode: string): Promise<number> {
  const rows = await uow.db
    .selectFrom('items')
    .innerJoin('item_versions', 'item_versions.id', 'items.current_version_id')
    .innerJoin('departments', 'departments.id', 'items.department_id')
    .selectAll('items')
    .select(['item_versions.data as vdata', 'departments.name as dname', 'departments.short_name as dshort'])
    .where('items.status', '=', 'published')
    .where('item_versions.data', 'like', `%"${feeCode}"%`)
    .execute();
  let updated = 0;
  for (const row of rows) {
    const data = fromJson<ItemInputT | null>(row.vdata, null);
    if (!data?.fees?.some((f) => f.feeCode === feeCode)) continue;
    const fees = data.fees.filter((f) => f.feeCode !== feeCode);
    const next: ItemInputT = { ...data, fees, ...(fees.length ? {} : { paymentPoint: 'none' }) };
    const versionNo = row.latest_version_no + 1;
    const versionId = await insertDraftVersion(uow, row.id, versionNo, next, row.department_id);
    await uow.db
      .updateTable('items')
      .set({ latest_version_no: versionNo })
      .where('id', '=', row.id)
      .execute();
    const draft = (await uow.db
      .selectFrom('item_versions')
      .selectAll()
      .where('id', '=', versionId)
      .executeTakeFirstOrThrow()) as Selectable<ItemVersionTable>;
    const item: Selectable<ItemTable> = {
      id: row.id,
      code: row.code,
      department_id: row.department_id,
      status: row.status,
      current_version_id: row.current_version_id,
      latest_version_no: versionNo,
      created_at: row.created_at,
      updated_at: row.updated_at,
      version: row.version,
    };
    const dept = { name: row.dname, short_name: row.dshort } as Selectable<DepartmentTable>;
    await publishVersion(uow, item, draft, dept);
    await uow.audit({
      action: 'item.published',
      entityType: 'item',
      entityId: row.id,
      data: { versionNo, previousVersionId: row.current_version_id },
    });
    updated++;
  }
  return updated;
}
