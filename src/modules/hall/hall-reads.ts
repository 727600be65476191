import type { Db } from '../../db/database.js';
import { findGroup, findWindow } from './repository.js';
import { findTicket, latestServedAt, servedByNumber, type TicketRow } from './repository-tickets.js';

/** A ticket served at a window, as other modules read it (the on-site rating is keyed to it). */
export interface ServedTicket {
  ticketId: string;
  number: string;
  day: string;
  groupId: string;
  groupCode: string;
  windowId: string | null;
  windowName: string | null;
  staffId: string | null;
  itemId: string | null;
  caseId: string | null;
  servedAt: string;
  /** The department the visit was served for: the group's, else the item's, else the serving staff's. */
  departmentId: string | null;
}

async function served(db: Db, t: TicketRow | undefined): Promise<ServedTicket | undefined> {
  if (!t || t.state !== 'served') return undefined;
  const [g, w, item, staff] = await Promise.all([
    findGroup(db, t.group_id),
    t.window_id ? findWindow(db, t.window_id) : undefined,
    t.item_id
      ? db.selectFrom('items').select('department_id').where('id', '=', t.item_id).executeTakeFirst()
      : undefined,
    t.staff_id
      ? db.selectFrom('users').select('department_id').where('id', '=', t.staff_id).executeTakeFirst()
      : undefined,
  ]);
  return {
    ticketId: t.id,
    number: t.number,
    day: t.day,
    groupId: t.group_id,
    groupCode: g?.code ?? '',
    windowId: t.window_id,
    windowName: w?.name ?? null,
    staffId: t.staff_id,
    itemId: t.item_id,
    caseId: t.case_id,
    servedAt: t.finished_at!,
    departmentId: g?.department_id ?? item?.department_id ?? staff?.department_id ?? null,
  };
}

/** The served ticket with this id; undefined if there is none or it was not served. */
export const servedTicketById = async (db: Db, id: string) => served(db, await findTicket(db, id));

/** The served ticket with this number on the day (numbers start again each day). */
export const servedTicketByNumber = async (db: Db, number: string, day: string) =>
  served(db, await servedByNumber(db, number.trim().toUpperCase(), day));

/** The ticket last served at a window on the day: what the window's tablet asks to be rated. */
export const latestServedAtWindow = async (db: Db, windowId: string, day: string) =>
  served(db, await latestServedAt(db, windowId, day));

/**
 * Visits to the hall in a period for the cases a department leads (跑动次数): how many visits and
 * over how many cases. Other modules (commitments, assessment) read it here.
 */
export async function departmentVisits(
  db: Db,
  departmentId: string,
  period: { fromIso: string; toIso: string },
): Promise<{ visits: number; cases: number }> {
  const r = await db
    .selectFrom('hall_visits as v')
    .innerJoin('cases as c', 'c.id', 'v.case_id')
    .select((eb) => [
      eb.fn.countAll<number>().as('visits'),
      eb.fn.count<number>('v.case_id').distinct().as('cases'),
    ])
    .where('c.lead_department_id', '=', departmentId)
    .where('v.visited_at', '>=', period.fromIso)
    .where('v.visited_at', '<', period.toIso)
    .executeTakeFirstOrThrow();
  return { visits: Number(r.visits), cases: Number(r.cases) };
}

/**
 * Visits to the hall in a period for the cases that include an item (跑动次数), counted the way
 * departmentVisits counts them: how many visits and over how many cases. The item's public guide
 * shows it next to the item's promised maximum.
 */
export async function itemVisits(
  db: Db,
  itemId: string,
  period: { fromIso: string; toIso: string },
): Promise<{ visits: number; cases: number }> {
  const r = await db
    .selectFrom('hall_visits as v')
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('case_items as ci')
          .select('ci.case_id')
          .whereRef('ci.case_id', '=', 'v.case_id')
          .where('ci.item_id', '=', itemId),
      ),
    )
    .select((eb) => [
      eb.fn.countAll<number>().as('visits'),
      eb.fn.count<number>('v.case_id').distinct().as('cases'),
    ])
    .where('v.visited_at', '>=', period.fromIso)
    .where('v.visited_at', '<', period.toIso)
    .executeTakeFirstOrThrow();
  return { visits: Number(r.visits), cases: Number(r.cases) };
}
