import type { Db } from '../../db/database.js';
import type { Actor } from '../../shared/actor.js';
import { authorize } from '../../shared/policy.js';
import { notFound } from '../../server/errors.js';
import { clockEvents, findClock } from '../clock/clock-reads.js';
import { clockPolicy } from '../clock/policy.js';
import { describeSubjects, subjectOf } from './subject-refs.js';

/** One clock with its append-only history, for those who may read its department's clocks. */
export async function getClock(db: Db, actor: Actor, id: string) {
  const clock = await findClock(db, id);
  if (!clock) throw notFound('clock', id);
  authorize(actor, clockPolicy.readClock, clock.department_id, 'clock.read');
  const [events, subjects] = await Promise.all([clockEvents(db, [clock.id]), describeSubjects(db, [clock])]);
  return { clock, events, subject: subjectOf(subjects, clock) };
}
