import type { Db } from '../../db/database.js';
import type { Clock } from '../../shared/clock.js';
import type { Actor } from '../../shared/actor.js';
import { authorize } from '../../shared/policy.js';
import { audited } from '../audit/audited-transaction.js';
import { AppError, notFound, staleVersion } from '../../server/errors.js';
import { cataloguePolicy } from './policy.js';
import { findDepartment, findItem, findVersion } from './repository.js';
import type { ItemInputT } from './schemas.js';
import { publishVersion } from './item-writer.js';
import { assertItemValid } from './item-rules.js';

/** Publishes the latest draft; it is checked again, since fees or departments may have changed meanwhile. */
export async function publishItem(db: Db, clock: Clock, actor: Actor, key: string, expectedVersion: number) {
  authorize(actor, cataloguePolicy.publishItem, undefined, 'item.publish');
  const item = await findItem(db, key);
  if (!item) throw notFound('item', key);
  const draft = await findVersion(db, item.id, item.latest_version_no);
  if (!draft || draft.status !== 'draft') {
    throw new AppError('invalid_state', {
      state: item.status,
      action: 'publish',
      allowed: item.status === 'published' ? 'edit, withdraw' : 'edit',
    });
  }
  const departmentId = await assertItemValid(db, JSON.parse(draft.data) as ItemInputT);
  const dept = (await findDepartment(db, departmentId))!;
  return audited(db, clock, actor, async (uow) => {
    const res = await uow.db
      .updateTable('items')
      .set({ updated_at: uow.nowIso })
      .where('id', '=', item.id)
      .where('version', '=', expectedVersion)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) throw staleVersion(item.version, expectedVersion);
    await publishVersion(uow, item, draft, dept);
    await uow.audit({
      action: 'item.published',
      entityType: 'item',
      entityId: item.id,
      data: { versionNo: draft.version_no, previousVersionId: item.current_version_id },
    });
    return { itemId: item.id, versionNo: draft.version_no };
  });
}
