import type { Actor } from '../../../shared/actor.js';
import { authorize } from '../../../shared/policy.js';
import { newId, randomToken, sha256 } from '../../../shared/ids.js';
import { audited } from '../../audit/audited-transaction.js';
import type { ComplaintDeps } from '../complaint-deps.js';
import { complaintPolicy } from '../policy.js';
import { insertKey } from './repository-open311.js';

/** An administrator issues an Open311 api_key to a client (an app, a city platform); shown once, stored hashed. */
export async function issueOpen311Key(deps: ComplaintDeps, actor: Actor, input: { name: string }) {
  authorize(actor, complaintPolicy.issueOpen311Key, undefined, 'open311_key.issue');
  const apiKey = randomToken(24);
  return audited(deps.db, deps.clock, actor, async (uow) => {
    const id = newId(uow.now.getTime());
    await insertKey(uow.db, {
      id,
      key_hash: sha256(apiKey),
      name: input.name,
      created_by: actor.id,
      created_at: uow.nowIso,
      revoked_at: null,
    });
    await uow.audit({
      action: 'open311_key.issued',
      entityType: 'open311_key',
      entityId: id,
      data: { name: input.name },
    });
    return { id, name: input.name, apiKey };
  });
}
