import type { Insertable, Kysely, Selectable, Updateable } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { HallEventTable, HallTicketTable, HallVisitTable } from '../../db/schema-hall.js';

type Q = Kysely<Database>;
export type TicketRow = Selectable<HallTicketTable>;
export type EventRow = Selectable<HallEventTable>;

export const insertTicket = (db: Q, row: Insertable<HallTicketTable>) =>
  db.insertInto('hall_tickets').values(row).execute();
export const findTicket = (db: Q, id: string) =>
  db.selectFrom('hall_tickets').selectAll().where('id', '=', id).executeTakeFirst();
export const findTicketByToken = (db: Q, token: string) =>
  db.selectFrom('hall_tickets').selectAll().where('token', '=', token).executeTakeFirst();
export const ticketsWithIds = (db: Q, ids: readonly string[]) =>
  ids.length
    ? db.selectFrom('hall_tickets').selectAll().where('id', 'in', ids).execute()
    : Promise.resolve([]);

/** Changes a ticket only at the version it was read at; false when someone changed it first. */
export async function updateTicket(
  db: Q,
  id: string,
  version: number,
  changes: Updateable<HallTicketTable>,
): Promise<boolean> {
  const r = await db
    .updateTable('hall_tickets')
    .set({ ...changes, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

const headOf = (db: Q, groupId: string, limit: number) =>
  db
    .selectFrom('hall_tickets')
    .selectAll()
    .where('group_id', '=', groupId)
    .where('state', '=', 'waiting')
    .orderBy('queue_key')
    .limit(limit)
    .execute();

/**
 * The next waiting tickets of the groups in calling order (queue.ts queueKey): the head of each
 * group's queue read through its index, then merged, so no queue is ever sorted whole.
 */
export async function nextWaiting(db: Q, groupIds: readonly string[], limit: number) {
  const heads: TicketRow[] = [];
  for (const g of groupIds) heads.push(...(await headOf(db, g, limit)));
  return heads.sort((a, b) => (a.queue_key < b.queue_key ? -1 : 1)).slice(0, limit);
}

/** Every waiting ticket of the groups, just what the queue order needs. */
export const waitingOf = (db: Q, groupIds: readonly string[]) =>
  groupIds.length
    ? db
        .selectFrom('hall_tickets')
        .select(['id', 'group_id', 'priority', 'queued_at', 'number', 'near_notified', 'phone', 'user_id'])
        .where('group_id', 'in', groupIds)
        .where('state', '=', 'waiting')
        .execute()
    : Promise.resolve([]);

/** The tickets of a day in one group by state (the panel's and the kiosk's lists). */
export const ticketsOfDay = (db: Q, day: string, states: readonly string[]) =>
  db
    .selectFrom('hall_tickets')
    .selectAll()
    .where('day', '=', day)
    .where('state', 'in', states)
    .orderBy('taken_at')
    .limit(500)
    .execute();

/** The served ticket with this number, the latest if the number came round again. */
export const servedByNumber = (db: Q, number: string, day: string) =>
  db
    .selectFrom('hall_tickets')
    .selectAll()
    .where('number', '=', number)
    .where('day', '=', day)
    .where('state', '=', 'served')
    .orderBy('finished_at', 'desc')
    .executeTakeFirst();

/** The ticket last served at a window on the day (the tablet's prompt). */
export const latestServedAt = (db: Q, windowId: string, day: string) =>
  db
    .selectFrom('hall_tickets')
    .selectAll()
    .where('window_id', '=', windowId)
    .where('day', '=', day)
    .where('state', '=', 'served')
    .orderBy('finished_at', 'desc')
    .limit(1)
    .executeTakeFirst();

export const markNearNotified = (db: Q, ids: readonly string[]) =>
  db.updateTable('hall_tickets').set({ near_notified: 1 }).where('id', 'in', ids).execute();

export const insertEvent = (db: Q, row: Insertable<HallEventTable>) =>
  db.insertInto('hall_events').values(row).execute();
/** Events from a sequence number on (a margin before the last seen: commits can land out of order). */
export const eventsFrom = (db: Q, seq: number, limit: number) =>
  db.selectFrom('hall_events').selectAll().where('seq', '>', seq).orderBy('seq').limit(limit).execute();
export const latestEvents = (db: Q, kinds: readonly string[], limit: number) =>
  db
    .selectFrom('hall_events')
    .selectAll()
    .where('kind', 'in', kinds)
    .orderBy('seq', 'desc')
    .limit(limit)
    .execute();
export async function lastSeq(db: Q): Promise<number> {
  const r = await db
    .selectFrom('hall_events')
    .select((eb) => eb.fn.max('seq').as('m'))
    .executeTakeFirst();
  return Number(r?.m ?? 0);
}

export const insertVisit = (db: Q, row: Insertable<HallVisitTable>) =>
  db.insertInto('hall_visits').values(row).execute();
export const visitsOfCase = (db: Q, caseId: string) =>
  db
    .selectFrom('hall_visits as v')
    .innerJoin('hall_tickets as t', 't.id', 'v.ticket_id')
    .select([
      'v.ticket_id',
      'v.visited_at',
      'v.group_id',
      'v.window_id',
      't.number',
      't.wait_seconds',
      't.service_seconds',
    ])
    .where('v.case_id', '=', caseId)
    .orderBy('v.visited_at')
    .execute();
