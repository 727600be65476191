import type { Db } from '../../db/database.js';
import type { Clock } from '../../shared/clock.js';
import type { Actor } from '../../shared/actor.js';
import { newId, randomToken, sha256 } from '../../shared/ids.js';
import { authorize } from '../../shared/policy.js';
import { audited } from '../audit/audited-transaction.js';
import { notFound } from '../../server/errors.js';
import { identityPolicy } from './policy.js';
import { findUserById } from './repository.js';
import { DEVICE_ROLE } from './device-accounts.js';

/** The token is shown once; only its hash is kept. */
export async function createApiToken(
  db: Db,
  clock: Clock,
  actor: Actor,
  input: { userId: string; name: string; expiresInDays?: number },
) {
  authorize(actor, identityPolicy.createToken, input.userId, 'api_token.create');
  const owner = await findUserById(db, input.userId);
  // A device's token is issued only with its binding, when the device is registered.
  if (!owner || owner.role === DEVICE_ROLE) throw notFound('user', input.userId);
  const token = `ow_${randomToken(30)}`;
  return audited(db, clock, actor, async (uow) => {
    const id = newId(uow.now.getTime());
    const expiresAt = input.expiresInDays
      ? new Date(uow.now.getTime() + input.expiresInDays * 86_400_000).toISOString()
      : null;
    await uow.db
      .insertInto('api_tokens')
      .values({
        id,
        user_id: input.userId,
        name: input.name,
        token_hash: sha256(token),
        created_at: uow.nowIso,
        expires_at: expiresAt,
        revoked_at: null,
        last_used_at: null,
      })
      .execute();
    await uow.audit({
      action: 'api_token.created',
      entityType: 'user',
      entityId: input.userId,
      data: { tokenId: id, name: input.name },
    });
    return { id, token, name: input.name, expiresAt };
  });
}
