import type { Db } from '../../db/database.js';
import type { Clock } from '../../shared/clock.js';
import type { Actor } from '../../shared/actor.js';
import { authorize } from '../../shared/policy.js';
import { audited } from '../audit/audited-transaction.js';
import { AppError, notFound, staleVersion } from '../../server/errors.js';
import { cataloguePolicy } from './policy.js';
import { findItem } from './repository.js';

/** Hides an item from the public guide. Its versions stay, since cases filed under them point there. */
export async function withdrawItem(
  db: Db,
  clock: Clock,
  actor: Actor,
  key: string,
  expectedVersion: number,
  reason: string,
) {
  authorize(actor, cataloguePolicy.withdrawItem, undefined, 'item.withdraw');
  const item = await findItem(db, key);
  if (!item) throw notFound('item', key);
  if (item.status !== 'published')
    throw new AppError('invalid_state', { state: item.status, action: 'withdraw', allowed: 'edit, publish' });
  await audited(db, clock, actor, async (uow) => {
    const res = await uow.db
      .updateTable('items')
      .set({ status: 'withdrawn', updated_at: uow.nowIso, version: item.version + 1 })
      .where('id', '=', item.id)
      .where('version', '=', expectedVersion)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) throw staleVersion(item.version, expectedVersion);
    if (item.current_version_id)
      await uow.db
        .updateTable('item_versions')
        .set({ status: 'withdrawn' })
        .where('id', '=', item.current_version_id)
        .execute();
    await uow.db.deleteFrom('item_search_terms').where('item_id', '=', item.id).execute();
    await uow.audit({ action: 'item.withdrawn', entityType: 'item', entityId: item.id, data: { reason } });
  });
}
