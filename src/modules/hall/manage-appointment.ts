import type { Actor } from '../../shared/actor.js';
import { authorize } from '../../shared/policy.js';
import { AppError } from '../../server/errors.js';
import { audited } from '../audit/audited-transaction.js';
import { slotEnd, takePlace } from './book-appointment.js';
import type { HallDeps } from './hall-deps.js';
import { groupOrThrow, notFound } from './hall-support.js';
import { hallPolicy } from './policy.js';
import {
  appointmentsOfUser,
  findAppointment,
  findAppointmentByToken,
  releaseSlot,
  updateAppointment,
  type AppointmentRow,
} from './repository.js';

/** An appointment by the token in its link: whoever holds the link manages it, with or without an account. */
export async function getAppointment(deps: HallDeps, actor: Actor, token: string): Promise<AppointmentRow> {
  authorize(actor, hallPolicy.book, undefined, 'hall.book');
  const a = await findAppointmentByToken(deps.db, token);
  if (!a) throw notFound('hall_appointment', token.slice(0, 6) + '…');
  return a;
}

export async function listMyAppointments(deps: HallDeps, actor: Actor): Promise<AppointmentRow[]> {
  authorize(actor, hallPolicy.listOwn, undefined, 'hall.list_own');
  return appointmentsOfUser(deps.db, actor.id!);
}

const open = (a: AppointmentRow) => {
  if (a.state !== 'booked') throw new AppError('hall_appointment_closed', { state: a.state });
};

/** Cancels a booked appointment; its place goes back to the slot. */
export async function cancelAppointment(deps: HallDeps, actor: Actor, token: string) {
  const a = await getAppointment(deps, actor, token);
  open(a);
  return audited(deps.db, deps.clock, actor, async (uow) => {
    if (!(await updateAppointment(uow.db, a.id, a.version, { state: 'cancelled', updated_at: uow.nowIso })))
      throw new AppError('stale_version', { current: a.version + 1, given: a.version });
    await releaseSlot(uow.db, a.group_id, a.day, a.slot);
    await uow.audit({
      action: 'hall.appointment_cancelled',
      entityType: 'hall_appointment',
      entityId: a.id,
      data: { code: a.code, day: a.day, slot: a.slot },
    });
    return (await findAppointment(uow.db, a.id))!;
  });
}

/** Moves a booked appointment to another slot of its group: the new place is taken before the old is given back. */
export async function rescheduleAppointment(
  deps: HallDeps,
  actor: Actor,
  token: string,
  input: { day: string; slot: string },
) {
  const a = await getAppointment(deps, actor, token);
  open(a);
  const g = await groupOrThrow(deps.db, a.group_id);
  const calendar = await deps.calendars.get();
  return audited(deps.db, deps.clock, actor, async (uow) => {
    await takePlace(deps, uow, g, a.person_key, input.day, input.slot, calendar, a.id);
    await releaseSlot(uow.db, a.group_id, a.day, a.slot);
    const ok = await updateAppointment(uow.db, a.id, a.version, {
      day: input.day,
      slot: input.slot,
      ends_at: slotEnd(g, input.day, input.slot),
      updated_at: uow.nowIso,
    });
    if (!ok) throw new AppError('stale_version', { current: a.version + 1, given: a.version });
    await uow.audit({
      action: 'hall.appointment_rescheduled',
      entityType: 'hall_appointment',
      entityId: a.id,
      data: { code: a.code, from: `${a.day} ${a.slot}`, to: `${input.day} ${input.slot}` },
    });
    return (await findAppointment(uow.db, a.id))!;
  });
}
