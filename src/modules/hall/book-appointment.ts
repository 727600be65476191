import type { Actor } from '../../shared/actor.js';
import { authorize } from '../../shared/policy.js';
import { newId, randomToken } from '../../shared/ids.js';
import { AppError } from '../../server/errors.js';
import { audited, type UnitOfWork } from '../audit/audited-transaction.js';
import { localDate } from '../clock/local-time.js';
import { findUser } from '../identity/user-reads.js';
import { enqueueNotifications } from '../supervision/signals.js';
import type { HallDeps } from './hall-deps.js';
import type { WorkingCalendar } from '../clock/calendar/working-calendar.js';
import { appointmentCode, codeHash, groupOrThrow, itemIdsOf, personKey } from './hall-support.js';
import { slotProblem } from './list-slots.js';
import { hallPolicy } from './policy.js';
import { checkPerson } from './request-booking-code.js';
import {
  bookedOfPerson,
  findAppointment,
  findBooker,
  findCode,
  insertAppointment,
  reserveSlot,
  updateCode,
  type GroupRow,
} from './repository.js';
import { daySlots, localInstant } from './slots.js';
import { sessionsOf } from './hall-support.js';

export interface BookInput {
  groupId: string;
  itemId?: string;
  day: string;
  slot: string;
  /** Without an account: the person, and the one-time code sent to their phone. */
  name?: string;
  phone?: string;
  idNumber?: string;
  codeId?: string;
  code?: string;
}

interface Person {
  key: string;
  userId: string | null;
  name: string;
  phone: string | null;
  idNumber: string | null;
  via: 'account' | 'code';
}

const MAX_CODE_ATTEMPTS = 5;

/** Who books: the applicant's account, else the holder of a valid one-time code for phone and ID. */
async function bookingPerson(deps: HallDeps, actor: Actor, input: BookInput): Promise<Person> {
  if (actor.role === 'applicant' && actor.id) {
    const u = (await findUser(deps.db, actor.id))!;
    const id = u.id_number ?? u.credit_code;
    return {
      key: personKey(id, u.id),
      userId: u.id,
      name: u.display_name,
      phone: u.phone,
      idNumber: id,
      via: 'account',
    };
  }
  const name = input.name?.trim();
  if (!name || !input.phone || !input.idNumber || !input.codeId || !input.code)
    throw new AppError('validation_failed', { summary: '/body/code' }, [
      {
        path: '/body/code',
        code: 'required',
        zh: '不登录预约须填写姓名、手机号、证件号码和短信验证码',
        en: 'Booking without an account needs a name, phone, ID number and the code sent by SMS',
      },
    ]);
  const person = checkPerson(input.phone, input.idNumber, deps.clock.now());
  const row = await findCode(deps.db, input.codeId);
  const nowIso = deps.clock.now().toISOString();
  if (
    !row ||
    row.used_at ||
    row.expires_at <= nowIso ||
    row.attempts >= MAX_CODE_ATTEMPTS ||
    row.phone !== person.phone ||
    row.id_number !== person.idNumber
  )
    throw new AppError('hall_code_invalid');
  if (row.code_hash !== codeHash(row.id, input.code.trim())) {
    // Counted outside the booking's transaction, which the refusal rolls back: a guess always costs one.
    await updateCode(deps.db, row.id, { attempts: row.attempts + 1 });
    throw new AppError('hall_code_invalid');
  }
  return {
    key: personKey(person.idNumber, null),
    userId: null,
    name,
    phone: person.phone,
    idNumber: person.idNumber,
    via: 'code',
  };
}

/** Checks (inside the booking's unit of work) the day and slot, the person's suspension and their other booking that day; takes a place. */
export async function takePlace(
  deps: HallDeps,
  uow: UnitOfWork,
  g: GroupRow,
  personKeyOf: string,
  day: string,
  slot: string,
  calendar: WorkingCalendar,
  ignoreId?: string,
): Promise<void> {
  const problem = slotProblem(g, day, slot, uow.now, deps.config.bookAheadDays, (d) =>
    calendar.isWorkingDay(d),
  );
  if (problem)
    throw new AppError('hall_slot_unavailable', { day, slot }, [
      { path: '/body/slot', code: 'unavailable', ...problem },
    ]);
  const booker = await findBooker(uow.db, personKeyOf);
  if (booker?.suspended_until && booker.suspended_until >= localDate(uow.now))
    throw new AppError('hall_booking_suspended', { until: booker.suspended_until });
  const other = (await bookedOfPerson(uow.db, personKeyOf, day)).find(
    (a) => a.group_id === g.id && a.id !== ignoreId,
  );
  if (other) throw new AppError('hall_already_booked', { day, code: other.code });
  if (!(await reserveSlot(uow.db, g.id, day, slot, g.slot_capacity)))
    throw new AppError('hall_slot_full', { day, slot });
}

export const slotEnd = (g: GroupRow, day: string, slot: string): string =>
  localInstant(day, daySlots(sessionsOf(g), g.slot_minutes).find((s) => s.slot === slot)!.end);

/** Books a place in a slot of a window group; the person gets the appointment code to check in with. */
export async function bookAppointment(deps: HallDeps, actor: Actor, input: BookInput) {
  authorize(actor, hallPolicy.book, undefined, 'hall.book');
  const g = await groupOrThrow(deps.db, input.groupId);
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
  const person = await bookingPerson(deps, actor, input);
  // Read before the transaction: on SQLite a read through the root connection inside one waits forever.
  const calendar = await deps.calendars.get();
  return audited(deps.db, deps.clock, actor, async (uow) => {
    await takePlace(deps, uow, g, person.key, input.day, input.slot, calendar);
    const id = newId(uow.now.getTime());
    const code = appointmentCode();
    await insertAppointment(uow.db, {
      id,
      code,
      token: randomToken(18),
      group_id: g.id,
      item_id: input.itemId ?? null,
      day: input.day,
      slot: input.slot,
      ends_at: slotEnd(g, input.day, input.slot),
      person_key: person.key,
      user_id: person.userId,
      name: person.name,
      phone: person.phone,
      id_number: person.idNumber,
      state: 'booked',
      ticket_id: null,
      created_at: uow.nowIso,
      updated_at: uow.nowIso,
      version: 1,
    });
    if (input.codeId) await updateCode(uow.db, input.codeId, { used_at: uow.nowIso });
    await enqueueNotifications(
      uow.db,
      [
        {
          kind: 'hall_appointment_booked',
          recipientType: 'hall_visitor',
          recipientId: id,
          subjectType: 'hall_appointment',
          subjectId: id,
          payload: {
            appointmentCode: code,
            group: g.name,
            groupEn: g.name_en,
            day: input.day,
            slot: input.slot,
          },
        },
      ],
      uow.nowIso,
    );
    await uow.audit({
      action: 'hall.appointment_booked',
      entityType: 'hall_appointment',
      entityId: id,
      data: { code, groupId: g.id, day: input.day, slot: input.slot, via: person.via },
    });
    return (await findAppointment(uow.db, id))!;
  });
}
