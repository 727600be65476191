import type { Db } from '../../db/database.js';
import type { Actor } from '../../shared/actor.js';
import { authorize } from '../../shared/policy.js';
import { notFound } from '../../server/errors.js';
import { clockEvents, findClock } from '../clock/clock-reads.js';
import { clockPolicy } from '../clock/policy.js';

/** One clock with its append-only history, for those who may read its department's clocks. */
export async function getClock(db: Db, actor: Actor, id: string) {
  const clock = await findClock(db, id);
  if (!clock) throw notFound('clock', id);
  authorize(actor, clockPolicy.readClock, clock.department_id, 'clock.read');
  return { clock, events: await clockEvents(db, [clock.id]) };
}
