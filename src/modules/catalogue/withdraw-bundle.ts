import type { Db } from '../../db/database.js';
import type { Clock } from '../../shared/clock.js';
import type { Actor } from '../../shared/actor.js';
import { authorize } from '../../shared/policy.js';
import { audited } from '../audit/audited-transaction.js';
import { AppError, notFound, staleVersion } from '../../server/errors.js';
import { cataloguePolicy } from './policy.js';
import { findAnyBundle } from './bundles.js';

/**
 * Takes a bundle out of the public guide, its list and the search: no new application names it.
 * The row stays, since cases filed under it keep its id (they carry their own title, lead
 * department and limit, copied at filing).
 */
export async function withdrawBundle(
  db: Db,
  clock: Clock,
  actor: Actor,
  key: string,
  expectedVersion: number,
  reason: string,
) {
  authorize(actor, cataloguePolicy.writeBundle, undefined, 'bundle.withdraw');
  const b = await findAnyBundle(db, key);
  if (!b) throw notFound('bundle', key);
  if (b.status !== 'published')
    throw new AppError('invalid_state', { state: b.status, action: 'withdraw', allowed: 'none' });
  await audited(db, clock, actor, async (uow) => {
    const res = await uow.db
      .updateTable('bundles')
      .set({ status: 'withdrawn', updated_at: uow.nowIso, version: b.version + 1 })
      .where('id', '=', b.id)
      .where('version', '=', expectedVersion)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) throw staleVersion(b.version, expectedVersion);
    await uow.audit({
      action: 'bundle.withdrawn',
      entityType: 'bundle',
      entityId: b.id,
      data: { code: b.code, reason: reason.trim() },
    });
  });
  return b.id;
}
