import type { Insertable, Kysely, Selectable, Updateable } from 'kysely';
import type { Database } from '../../db/schema.js';
import type {
  HallAppointmentTable,
  HallBookerTable,
  HallCodeTable,
  HallGroupTable,
  HallWindowTable,
} from '../../db/schema-hall.js';

type Q = Kysely<Database>;
export type GroupRow = Selectable<HallGroupTable>;
export type WindowRow = Selectable<HallWindowTable>;
export type AppointmentRow = Selectable<HallAppointmentTable>;
export type CodeRow = Selectable<HallCodeTable>;
export type BookerRow = Selectable<HallBookerTable>;

export const listGroupRows = (db: Q) => db.selectFrom('hall_groups').selectAll().orderBy('code').execute();
export const findGroup = (db: Q, id: string) =>
  db.selectFrom('hall_groups').selectAll().where('id', '=', id).executeTakeFirst();
export const findGroupByCode = (db: Q, code: string) =>
  db.selectFrom('hall_groups').selectAll().where('code', '=', code).executeTakeFirst();
export const insertGroup = (db: Q, row: Insertable<HallGroupTable>) =>
  db.insertInto('hall_groups').values(row).execute();
export const updateGroup = (db: Q, id: string, changes: Updateable<HallGroupTable>) =>
  db.updateTable('hall_groups').set(changes).where('id', '=', id).execute();

export const listWindowRows = (db: Q) => db.selectFrom('hall_windows').selectAll().orderBy('code').execute();
export const findWindow = (db: Q, id: string) =>
  db.selectFrom('hall_windows').selectAll().where('id', '=', id).executeTakeFirst();
export const findWindowByCode = (db: Q, code: string) =>
  db.selectFrom('hall_windows').selectAll().where('code', '=', code).executeTakeFirst();
export const findWindowOfStaff = (db: Q, staffId: string) =>
  db.selectFrom('hall_windows').selectAll().where('staff_id', '=', staffId).executeTakeFirst();
export const insertWindow = (db: Q, row: Insertable<HallWindowTable>) =>
  db.insertInto('hall_windows').values(row).execute();
export const updateWindow = (db: Q, id: string, changes: Updateable<HallWindowTable>) =>
  db.updateTable('hall_windows').set(changes).where('id', '=', id).execute();

/** Takes one place in a slot if one is left; false when the slot is full. Safe under concurrency. */
export async function reserveSlot(db: Q, groupId: string, day: string, slot: string, capacity: number) {
  await db
    .insertInto('hall_slot_counts')
    .values({ group_id: groupId, day, slot, booked: 0 })
    .onConflict((oc) => oc.columns(['group_id', 'day', 'slot']).doNothing())
    .execute();
  const r = await db
    .updateTable('hall_slot_counts')
    .set((eb) => ({ booked: eb('booked', '+', 1) }))
    .where('group_id', '=', groupId)
    .where('day', '=', day)
    .where('slot', '=', slot)
    .where('booked', '<', capacity)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export const releaseSlot = (db: Q, groupId: string, day: string, slot: string) =>
  db
    .updateTable('hall_slot_counts')
    .set((eb) => ({ booked: eb('booked', '-', 1) }))
    .where('group_id', '=', groupId)
    .where('day', '=', day)
    .where('slot', '=', slot)
    .where('booked', '>', 0)
    .execute();

export const slotCounts = (db: Q, groupId: string, from: string, to: string) =>
  db
    .selectFrom('hall_slot_counts')
    .select(['day', 'slot', 'booked'])
    .where('group_id', '=', groupId)
    .where('day', '>=', from)
    .where('day', '<=', to)
    .execute();

export const insertCode = (db: Q, row: Insertable<HallCodeTable>) =>
  db.insertInto('hall_codes').values(row).execute();
export const findCode = (db: Q, id: string) =>
  db.selectFrom('hall_codes').selectAll().where('id', '=', id).executeTakeFirst();
export const updateCode = (db: Q, id: string, changes: Updateable<HallCodeTable>) =>
  db.updateTable('hall_codes').set(changes).where('id', '=', id).execute();
export async function codesSentSince(db: Q, phone: string, sinceIso: string): Promise<number> {
  const r = await db
    .selectFrom('hall_codes')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('phone', '=', phone)
    .where('created_at', '>=', sinceIso)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

export const findBooker = (db: Q, key: string) =>
  db.selectFrom('hall_bookers').selectAll().where('person_key', '=', key).executeTakeFirst();
export const saveBooker = (db: Q, row: Insertable<HallBookerTable>) =>
  db
    .insertInto('hall_bookers')
    .values(row)
    .onConflict((oc) =>
      oc.column('person_key').doUpdateSet({
        no_shows: row.no_shows,
        total_no_shows: row.total_no_shows,
        suspended_until: row.suspended_until ?? null,
        updated_at: row.updated_at,
      }),
    )
    .execute();

export const insertAppointment = (db: Q, row: Insertable<HallAppointmentTable>) =>
  db.insertInto('hall_appointments').values(row).execute();
export const findAppointment = (db: Q, id: string) =>
  db.selectFrom('hall_appointments').selectAll().where('id', '=', id).executeTakeFirst();
export const findAppointmentByToken = (db: Q, token: string) =>
  db.selectFrom('hall_appointments').selectAll().where('token', '=', token).executeTakeFirst();
export const findAppointmentByCode = (db: Q, code: string) =>
  db.selectFrom('hall_appointments').selectAll().where('code', '=', code).executeTakeFirst();
export const appointmentsOfUser = (db: Q, userId: string) =>
  db
    .selectFrom('hall_appointments')
    .selectAll()
    .where('user_id', '=', userId)
    .orderBy('day', 'desc')
    .orderBy('slot', 'desc')
    .limit(100)
    .execute();
/** Booked appointments of a person on a day (one booking per group and day). */
export const bookedOfPerson = (db: Q, key: string, day: string) =>
  db
    .selectFrom('hall_appointments')
    .selectAll()
    .where('person_key', '=', key)
    .where('day', '=', day)
    .where('state', '=', 'booked')
    .execute();
/** Appointments whose slot has ended with nobody coming: the no-show pass reads these. */
export const missedAppointments = (db: Q, nowIso: string, limit: number) =>
  db
    .selectFrom('hall_appointments')
    .selectAll()
    .where('state', '=', 'booked')
    .where('ends_at', '<=', nowIso)
    .orderBy('ends_at')
    .limit(limit)
    .execute();

/** Changes an appointment only at the version it was read at; false when someone changed it first. */
export async function updateAppointment(
  db: Q,
  id: string,
  version: number,
  changes: Updateable<HallAppointmentTable>,
): Promise<boolean> {
  const r = await db
    .updateTable('hall_appointments')
    .set({ ...changes, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}
