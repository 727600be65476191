import type { Db } from '../../db/database.js';
import type { Clock } from '../../shared/clock.js';
import type { Actor } from '../../shared/actor.js';
import { authorize } from '../../shared/policy.js';
import { audited } from '../audit/audited-transaction.js';
import { AppError, notFound, staleVersion } from '../../server/errors.js';
import { cataloguePolicy } from './policy.js';
import { findFee } from './repository.js';

/**
 * Takes a fee out of the published catalogue. Refused while a published item still charges it:
 * that item would then charge something unpublished.
 */
export async function withdrawFee(db: Db, clock: Clock, actor: Actor, key: string, expectedVersion: number) {
  authorize(actor, cataloguePolicy.writeFee, undefined, 'fee.withdraw');
  const fee = await findFee(db, key);
  if (!fee) throw notFound('fee', key);
  if (fee.status !== 'published')
    throw new AppError('invalid_state', { state: fee.status, action: 'withdraw', allowed: 'update' });
  const users = await db
    .selectFrom('items')
    .innerJoin('item_versions as v', 'v.id', 'items.current_version_id')
    .where('items.status', '=', 'published')
    .where('v.data', 'like', `%"feeCode":${JSON.stringify(fee.code)}%`)
    .select('items.code')
    .execute();
  if (users.length) {
    throw new AppError('invalid_state', {
      state: `charged by ${users.length} published item(s): ${users
        .slice(0, 5)
        .map((u) => u.code)
        .join(', ')}`,
      action: 'withdraw',
      allowed: 'update; first withdraw or edit those items',
    });
  }
  await audited(db, clock, actor, async (uow) => {
    const res = await uow.db
      .updateTable('fee_entries')
      .set({ status: 'withdrawn', updated_at: uow.nowIso, version: fee.version + 1 })
      .where('id', '=', fee.id)
      .where('version', '=', expectedVersion)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) throw staleVersion(fee.version, expectedVersion);
    await uow.audit({
      action: 'fee.withdrawn',
      entityType: 'fee',
      entityId: fee.id,
      data: { code: fee.code },
    });
  });
}
