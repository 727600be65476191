import type { Actor } from '../../shared/actor.js';
import { authorize } from '../../shared/policy.js';
import { audited } from '../audit/audited-transaction.js';
import { notFound } from '../../server/errors.js';
import { findItem } from '../catalogue/catalogue-reads.js';
import { feePolicy } from './policy.js';
import type { FeeRuntime } from './runtime.js';

/**
 * Whether an item's certificate may be delivered while a fee is unpaid (e.g. fees a law lets the
 * payer settle later). Off by default: the certificate waits for the fee.
 */
export async function saveItemSettings(
  rt: FeeRuntime,
  actor: Actor,
  itemKey: string,
  input: { deliverBeforePaid: boolean; note?: string },
) {
  authorize(actor, feePolicy.itemSettings, undefined, 'fee.item_settings');
  const item = await findItem(rt.db, itemKey);
  if (!item) throw notFound('item', itemKey);
  return audited(rt.db, rt.clock, actor, async (uow) => {
    const row = {
      item_id: item.id,
      deliver_before_paid: input.deliverBeforePaid ? 1 : 0,
      note: input.note ?? null,
      updated_at: uow.nowIso,
      updated_by: actor.id,
    };
    await uow.db
      .insertInto('fee_item_settings')
      .values(row)
      .onConflict((oc) =>
        oc.column('item_id').doUpdateSet({
          deliver_before_paid: row.deliver_before_paid,
          note: row.note,
          updated_at: row.updated_at,
          updated_by: row.updated_by,
        }),
      )
      .execute();
    await uow.audit({
      action: 'fee.item_settings_saved',
      entityType: 'item',
      entityId: item.id,
      data: { code: item.code, deliverBeforePaid: input.deliverBeforePaid, note: input.note ?? null },
    });
    return { itemId: item.id, deliverBeforePaid: input.deliverBeforePaid, note: input.note ?? null };
  });
}
