import type { Db } from '../../db/database.js';
import type { Clock } from '../../shared/clock.js';
import type { Actor } from '../../shared/actor.js';
import { authorize } from '../../shared/policy.js';
import { toJson } from '../../shared/json.js';
import { audited } from '../audit/audited-transaction.js';
import { AppError, notFound, staleVersion } from '../../server/errors.js';
import { cataloguePolicy } from './policy.js';
import { findItem, findVersion } from './repository.js';
import type { ItemInputT } from './schemas.js';
import { insertDraftVersion } from './item-writer.js';
import { assertItemValid } from './item-rules.js';

/**
 * Edits an item. Published versions are never changed: the first edit after publishing opens a new
 * draft version, later edits change that draft until it is published.
 */
export async function updateItemDraft(
  db: Db,
  clock: Clock,
  actor: Actor,
  key: string,
  expectedVersion: number,
  input: ItemInputT,
) {
  const item = await findItem(db, key);
  if (!item) throw notFound('item', key);
  authorize(actor, cataloguePolicy.draftItem, item.department_id, 'item.edit');
  if (input.code !== item.code) {
    throw new AppError('validation_failed', { summary: '/body/code' }, [
      {
        path: '/body/code',
        code: 'code_immutable',
        zh: '事项编码不可修改',
        en: 'The item code cannot change',
      },
    ]);
  }
  const departmentId = await assertItemValid(db, input);
  authorize(actor, cataloguePolicy.draftItem, departmentId, 'item.edit');
  const latest = await findVersion(db, item.id, item.latest_version_no);
  return audited(db, clock, actor, async (uow) => {
    const res = await uow.db
      .updateTable('items')
      .set({ updated_at: uow.nowIso, version: item.version + 1 })
      .where('id', '=', item.id)
      .where('version', '=', expectedVersion)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) throw staleVersion(item.version, expectedVersion);
    let versionNo = item.latest_version_no;
    if (latest?.status === 'draft') {
      await uow.db
        .updateTable('item_versions')
        .set({
          name: input.name,
          type: input.type,
          handling_class: input.handlingClass,
          department_id: departmentId,
          statutory_days: input.statutoryDays,
          committed_days: input.committedDays,
          channels: toJson(input.channels),
          life_events: toJson(input.lifeEvents),
          data: toJson(input),
          created_by: uow.actor.id,
        })
        .where('id', '=', latest.id)
        .execute();
    } else {
      versionNo += 1;
      await insertDraftVersion(uow, item.id, versionNo, input, departmentId);
      await uow.db
        .updateTable('items')
        .set({ latest_version_no: versionNo })
        .where('id', '=', item.id)
        .execute();
    }
    await uow.audit({
      action: 'item.draft_updated',
      entityType: 'item',
      entityId: item.id,
      data: { versionNo },
    });
    return { itemId: item.id, versionNo };
  });
}
