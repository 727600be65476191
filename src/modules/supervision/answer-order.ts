import type { Kysely } from 'kysely';
import type { Db } from '../../db/database.js';
import type { Database } from '../../db/schema.js';
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
  const o = await db.selectFrom('supervision_orders').selectAll().where('id', '=', id).executeTakeFirst();
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
    const res = await uow.db
      .updateTable('supervision_orders')
      .set({
        status: 'answered',
        answer: input.answer,
        answered_at: uow.nowIso,
        answered_by: actor.id,
        version: o.version + 1,
      })
      .where('id', '=', id)
      .where('version', '=', input.version)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) throw staleVersion(o.version, input.version);
    const answerClock = o.answer_clock_id
      ? await uow.db
          .selectFrom('clocks')
          .select(['id', 'status'])
          .where('id', '=', o.answer_clock_id)
          .executeTakeFirst()
      : undefined;
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

/** A supervisor closes an answered order (or one whose matter has been finished otherwise). */
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
  return audited(db, clock, actor, async (uow) => {
    const res = await uow.db
      .updateTable('supervision_orders')
      .set({
        status: 'closed',
        closed_at: uow.nowIso,
        closed_by: actor.id,
        close_note: input.note,
        version: o.version + 1,
      })
      .where('id', '=', id)
      .where('version', '=', input.version)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) throw staleVersion(o.version, input.version);
    const answerClock = o.answer_clock_id
      ? await uow.db
          .selectFrom('clocks')
          .select(['id', 'status'])
          .where('id', '=', o.answer_clock_id)
          .executeTakeFirst()
      : undefined;
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
