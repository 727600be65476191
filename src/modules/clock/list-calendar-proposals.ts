import type { Db } from '../../db/database.js';
import type { Actor } from '../../shared/actor.js';
import { authorize } from '../../shared/policy.js';
import { clockPolicy } from './policy.js';
import { listProposals } from './repository.js';

/** The latest calendar proposals, for the administrators who propose and confirm them. */
export async function listCalendarProposals(db: Db, actor: Actor, filter: { status?: string }) {
  authorize(actor, clockPolicy.readProposals, undefined, 'calendar.read_proposals');
  return listProposals(db, filter.status);
}
