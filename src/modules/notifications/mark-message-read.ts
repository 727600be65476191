import type { Db } from '../../db/database.js';
import type { Clock } from '../../shared/clock.js';
import type { Actor } from '../../shared/actor.js';
import { authorize } from '../../shared/policy.js';
import { notFound } from '../../server/errors.js';
import { audited } from '../audit/audited-transaction.js';
import { notificationPolicy } from './policy.js';
import { findMessage, unreadCount } from './repository.js';

/** Marks one of the actor's own messages read; reading it again changes nothing. */
export async function markMessageRead(db: Db, clock: Clock, actor: Actor, id: string) {
  authorize(actor, notificationPolicy.readInbox, undefined, 'inbox.read');
  const m = await findMessage(db, id);
  if (!m) throw notFound('inbox_message', id);
  authorize(actor, notificationPolicy.markRead, m.user_id, 'inbox.mark_read');
  if (!m.read_at) {
    await audited(db, clock, actor, async (uow) => {
      await uow.db
        .updateTable('inbox_messages')
        .set({ read_at: uow.nowIso })
        .where('id', '=', id)
        .where('read_at', 'is', null)
        .execute();
      await uow.audit({ action: 'notification.read', entityType: 'inbox_message', entityId: id });
    });
  }
  return { message: (await findMessage(db, id))!, unread: await unreadCount(db, m.user_id) };
}
