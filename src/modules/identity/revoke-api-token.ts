import type { Db } from '../../db/database.js';
import type { Clock } from '../../shared/clock.js';
import type { Actor } from '../../shared/actor.js';
import { authorize } from '../../shared/policy.js';
import { audited } from '../audit/audited-transaction.js';
import { notFound } from '../../server/errors.js';
import { identityPolicy } from './policy.js';

export async function revokeApiToken(db: Db, clock: Clock, actor: Actor, tokenId: string): Promise<void> {
  const token = await db
    .selectFrom('api_tokens')
    .select(['id', 'user_id', 'revoked_at'])
    .where('id', '=', tokenId)
    .executeTakeFirst();
  if (!token) throw notFound('api_token', tokenId);
  authorize(actor, identityPolicy.revokeToken, token.user_id, 'api_token.revoke');
  await audited(db, clock, actor, async (uow) => {
    await uow.db
      .updateTable('api_tokens')
      .set({ revoked_at: uow.nowIso })
      .where('id', '=', tokenId)
      .where('revoked_at', 'is', null)
      .execute();
    await uow.audit({
      action: 'api_token.revoked',
      entityType: 'user',
      entityId: token.user_id,
      data: { tokenId },
    });
  });
}
