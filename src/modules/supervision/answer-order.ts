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
import { enqueueNotifications } from './signals.js';
import { supervisionPolicy } from './policy.js';

async function load(db: Kysely<Database>, id: string) {
  const o = await findOrder(db, id);
  if (!o) throw notFound('supervision_order', id);
  return o;
}

/** The department head answers a supervision order; its answer clock stops. */
export async function answerOrder(
  db: Db,
  clock: Clock,
  cal: WorkingCalendar,
  actor: Actor,
  id: string,
  input: { version: number; answer: string },
) {
  const o = await load(db, id);
  authorize(actor, supervisionPolicy.answerOrder, o.department_id, 'supervision_order.answer');
  if (o.status !== 'open')
    throw new AppError('invalid_state', {
      state: o.status,
      action: 'answer',
      allowed: o.status === 'answered' ? 'close' : '—',
    });
  return audited(db, clock, actor, async (uow) => {
    const changed = await updateOrder(uow.db, id, input.version, {
      status: 'answered',
      answer: input.answer,
      answered_at: uow.nowIso,
      answered_by: actor.id,
      version: o.version + 1,
    });
    if (!changed) throw staleVersion(o.version, input.version);
    const answerClock = o.answer_clock_id ? await findClock(uow.db, o.answer_clock_id) : undefined;
    if (answerClock && answerClock.status !== 'stopped')
      await stopClock(uow, cal, answerClock.id, 'answered');
    await enqueueNotifications(
      uow.db,
      [
        {
          kind: 'supervision_order_answered',
          recipientType: 'supervisors',
          recipientId: null,
          subjectType: 'supervision_order',
          subjectId: id,
          payload: { answer: input.answer },
        },
      ],
      uow.nowIso,
    );
    await uow.audit({
      action: 'supervision.order_answered',
      entityType: 'supervision_order',
      entityId: id,
      data: { length: input.answer.length },
    });
    return load(uow.db, id);
  });
}
