import type { Db } from '../../db/database.js';
import type { Actor } from '../../shared/actor.js';
import { authorize } from '../../shared/policy.js';
import { notificationPolicy } from './policy.js';
import { findInbox } from './repository.js';

/** The actor's own messages; there is no way to name someone else's inbox. */
export async function listInbox(
  db: Db,
  actor: Actor,
  input: { unreadOnly: boolean; limit: number; offset: number },
) {
  authorize(actor, notificationPolicy.readInbox, undefined, 'inbox.read');
  return findInbox(db, actor.id!, input);
}
