import type { Kysely } from 'kysely';
import type { Db } from '../../db/database.js';
import type { Database } from '../../db/schema.js';
import { findClock } from '../clock/clock-reads.js';
import { findOrder, updateOrder } from './repository.js';
import type { Clock } from '../../shared/clock.js';
import type { Actor } from '../../shared/actor.js';
import { authorize } from '../../shared/policy.js';
import { audited } from '../audit/audited-transaction.js';
import { AppError, notFound, staleVersion } from '../../server/errors.js';
import type { WorkingCalendar } from '../clock/calendar/working-calendar.js';
import { stopClock } from '../clock/stop-clock.js';
import { supervisionPolicy } from './policy.js';

async function load(db: Kysely<Database>, id: string) {
  const o = await findOrder(db, id);
  if (!o) throw notFound('supervision_order', id);
  return o;
}

/** A supervisor closes an answered order, or an unanswered one whose matter has been finished otherwise. */
export async function closeOrder(
  db: Db,
  clock: Clock,
  cal: WorkingCalendar,
  actor: Actor,
  id: string,
  input: { version: number; note: string },
) {
  authorize(actor, supervisionPolicy.closeOrder, undefined, 'supervision_order.close');
  const o = await load(db, id);
  if (o.status === 'closed')
    throw new AppError('invalid_state', { state: o.status, action: 'close', allowed: '—' });
  // Nobody has answered and the matter is still running: closing now would bury the order.
  if (o.status === 'open' && (await findClock(db, o.clock_id))?.status !== 'stopped')
    throw new AppError('invalid_state', { state: o.status, action: 'close', allowed: 'answer' });
  return audited(db, clock, actor, async (uow) => {
    const changed = await updateOrder(uow.db, id, input.version, {
      status: 'closed',
      closed_at: uow.nowIso,
      closed_by: actor.id,
      close_note: input.note,
      version: o.version + 1,
    });
    if (!changed) throw staleVersion(o.version, input.version);
    const answerClock = o.answer_clock_id ? await findClock(uow.db, o.answer_clock_id) : undefined;
    if (answerClock && answerClock.status !== 'stopped') await stopClock(uow, cal, answerClock.id, 'closed');
    await uow.audit({
      action: 'supervision.order_closed',
      entityType: 'supervision_order',
      entityId: id,
      data: { note: input.note },
    });
    return load(uow.db, id);
  });
}
