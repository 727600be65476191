import type { Db } from '../../db/database.js';
import type { Actor } from '../../shared/actor.js';
import { authorize } from '../../shared/policy.js';
import { clockEvents, clocksOfSubject } from '../clock/clock-reads.js';
import { clockPolicy } from '../clock/policy.js';
import { supervisionPolicy } from './policy.js';

/**
 * Every clock of a subject (a case, an inquiry, an order) with its history. The actor must be allowed to read
 * each one's department; a subject with no clocks is shown only to those who may read every one.
 */
export async function listSubjectClocks(db: Db, actor: Actor, subjectType: string, subjectId: string) {
  const clocks = await clocksOfSubject(db, subjectType, subjectId);
  for (const c of clocks) authorize(actor, clockPolicy.readClock, c.department_id, 'clock.read');
  if (clocks.length === 0) authorize(actor, supervisionPolicy.readAll, undefined, 'clock.read');
  const events = await clockEvents(
    db,
    clocks.map((c) => c.id),
  );
  return { clocks, events };
}
