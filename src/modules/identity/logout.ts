import type { Db } from '../../db/database.js';
import type { Clock } from '../../shared/clock.js';
import type { Actor } from '../../shared/actor.js';
import { audited } from '../audit/audited-transaction.js';

export async function logout(db: Db, clock: Clock, actor: Actor, sessionId: string): Promise<void> {
  await audited(db, clock, actor, async (uow) => {
    await uow.db
      .updateTable('sessions')
      .set({ revoked_at: uow.nowIso })
      .where('id', '=', sessionId)
      .where('revoked_at', 'is', null)
      .execute();
    await uow.audit({ action: 'session.revoked', entityType: 'user', entityId: actor.id ?? 'unknown' });
  });
}
