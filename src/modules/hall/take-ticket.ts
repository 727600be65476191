import type { Actor } from '../../shared/actor.js';
import { authorize } from '../../shared/policy.js';
import { newId, randomToken } from '../../shared/ids.js';
import { AppError } from '../../server/errors.js';
import type { HallConfig, PriorityReason } from '../../config/hall-config.js';
import { effectiveConfig } from './hall-settings.js';
import { audited, type UnitOfWork } from '../audit/audited-transaction.js';
import { nextNumber } from '../cases/counters.js';
import { localDate } from '../clock/local-time.js';
import { mobileNumber } from '../notifications/recipients.js';
import type { HallDeps } from './hall-deps.js';
import { groupOrThrow, itemIdsOf, notFound, ticketNumber } from './hall-support.js';
import { hallPolicy } from './policy.js';
import { priorityOf, provesElderly, queueKey } from './queue.js';
import { findAppointmentByCode, updateAppointment, type GroupRow } from './repository.js';
import { findTicket, insertEvent, insertTicket, type TicketRow } from './repository-tickets.js';

export interface TakeTicketInput {
  groupId: string;
  itemId?: string;
  /** The kiosk (the person serves themselves) or the front desk (staff vouch for a priority). */
  source: 'kiosk' | 'desk';
  priority?: 'elderly' | 'disabled';
  /** The elderly priority at the kiosk is proven by the resident ID. */
  idNumber?: string;
  /** To be told by SMS when the number is near. */
  phone?: string;
}

interface NewTicket {
  source: 'kiosk' | 'desk' | 'appointment';
  itemId: string | null;
  reasons: PriorityReason[];
  appointmentId: string | null;
  userId: string | null;
  phone: string | null;
}

/** Numbers, queues and logs a ticket inside the caller's unit of work. */
async function issue(
  priorities: HallConfig['priority'],
  uow: UnitOfWork,
  g: GroupRow,
  t: NewTicket,
): Promise<TicketRow> {
  const day = localDate(uow.now);
  const number = ticketNumber(g.code, await nextNumber(uow.db, `hall:${g.code}:${day}`));
  const { priority, reason } = priorityOf(t.reasons, priorities);
  const id = newId(uow.now.getTime());
  const row = {
    id,
    number,
    day,
    token: randomToken(18),
    group_id: g.id,
    item_id: t.itemId,
    source: t.source,
    priority,
    priority_reason: reason,
    appointment_id: t.appointmentId,
    user_id: t.userId,
    phone: t.phone,
    state: 'waiting',
    queued_at: uow.nowIso,
    queue_key: queueKey(priority, uow.nowIso, id),
    window_id: null,
    staff_id: null,
    call_count: 0,
    called_at: null,
    finished_at: null,
    wait_seconds: null,
    service_seconds: null,
    case_id: null,
    near_notified: 0,
    taken_by: uow.actor.id,
    taken_at: uow.nowIso,
    version: 1,
  };
  await insertTicket(uow.db, row);
  await insertEvent(uow.db, {
    kind: 'taken',
    group_id: g.id,
    ticket_id: id,
    number,
    window_name: null,
    window_name_en: null,
    at: uow.nowIso,
  });
  await uow.audit({
    action: 'hall.ticket_taken',
    entityType: 'hall_ticket',
    entityId: id,
    data: { number, groupId: g.id, source: t.source, priority },
  });
  return row;
}

/** A ticket at the kiosk or the front desk, for a window group. */
export async function takeTicket(deps: HallDeps, actor: Actor, input: TakeTicketInput): Promise<TicketRow> {
  authorize(actor, hallPolicy.issueTicket, undefined, 'hall.issue_ticket');
  const g = await groupOrThrow(deps.db, input.groupId);
  // A kiosk bound to one group issues that group's numbers only, and always as the kiosk.
  if (actor.device?.groupId && actor.device.groupId !== g.id)
    throw new AppError('validation_failed', { summary: '/body/groupId' }, [
      {
        path: '/body/groupId',
        code: 'other_group',
        zh: '这台取号机只为本分组取号',
        en: 'This kiosk issues numbers for its own group only',
      },
    ]);
  const source = actor.device ? 'kiosk' : input.source;
  const config = await effectiveConfig(deps.db, deps.config);
  const items = itemIdsOf(g);
  if (input.itemId && items.length && !items.includes(input.itemId))
    throw new AppError('validation_failed', { summary: '/body/itemId' }, [
      {
        path: '/body/itemId',
        code: 'not_served',
        zh: '该窗口分组不办理这个事项',
        en: 'This window group does not serve the item',
      },
    ]);
  const now = deps.clock.now();
  if (input.priority && source === 'kiosk') {
    const proven =
      input.priority === 'elderly' &&
      !!input.idNumber &&
      provesElderly(input.idNumber.trim(), localDate(now), now, config.elderlyAge);
    if (!proven) throw new AppError('hall_priority_unproven');
  }
  const phone = input.phone ? mobileNumber(input.phone) : null;
  if (input.phone && !phone)
    throw new AppError('validation_failed', { summary: '/body/phone' }, [
      {
        path: '/body/phone',
        code: 'invalid_phone',
        zh: '请填写能接收短信的手机号码',
        en: 'Give a mobile number that can receive text messages',
      },
    ]);
  const ticket = await audited(deps.db, deps.clock, actor, (uow) =>
    issue(config.priority, uow, g, {
      source,
      itemId: input.itemId ?? null,
      reasons: input.priority ? [input.priority] : [],
      appointmentId: null,
      userId: null,
      phone,
    }),
  );
  deps.feed.poke();
  return ticket;
}

/** Checks in an appointment (its code scanned or typed at the kiosk): a ticket with the appointment's priority. */
export async function checkInAppointment(deps: HallDeps, actor: Actor, code: string): Promise<TicketRow> {
  authorize(actor, hallPolicy.issueTicket, undefined, 'hall.issue_ticket');
  const a = await findAppointmentByCode(deps.db, code.trim().toUpperCase());
  if (!a) throw notFound('hall_appointment', code);
  if (a.state === 'checked_in' && a.ticket_id) return (await findTicket(deps.db, a.ticket_id))!;
  if (a.state !== 'booked') throw new AppError('hall_appointment_closed', { state: a.state });
  const today = localDate(deps.clock.now());
  if (a.day !== today) throw new AppError('hall_appointment_other_day', { day: a.day });
  const g = await groupOrThrow(deps.db, a.group_id);
  const config = await effectiveConfig(deps.db, deps.config);
  const ticket = await audited(deps.db, deps.clock, actor, async (uow) => {
    const t = await issue(config.priority, uow, g, {
      source: 'appointment',
      itemId: a.item_id,
      reasons: ['appointment'],
      appointmentId: a.id,
      userId: a.user_id,
      phone: a.phone,
    });
    const ok = await updateAppointment(uow.db, a.id, a.version, {
      state: 'checked_in',
      ticket_id: t.id,
      updated_at: uow.nowIso,
    });
    if (!ok) throw new AppError('stale_version', { current: a.version + 1, given: a.version });
    return t;
  });
  deps.feed.poke();
  return ticket;
}
