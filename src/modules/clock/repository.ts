import type { Kysely, Selectable } from 'kysely';
import type { CalendarProposalTable, ClockTable, Database } from '../../db/schema.js';
import { newId } from '../../shared/ids.js';
import { toJson } from '../../shared/json.js';
import { insertRows } from '../../db/insert-rows.js';

type Q = Kysely<Database>;
export type ClockRow = Selectable<ClockTable>;
export type ProposalRow = Selectable<CalendarProposalTable>;

/** A year's named days (holidays and make-up working days), in date order, and its confirmation. */
export const calendarDaysOf = (db: Q, year: number) =>
  db.selectFrom('calendar_days').selectAll().where('year', '=', year).orderBy('date').execute();
export const calendarYearOf = (db: Q, year: number) =>
  db.selectFrom('calendar_years').selectAll().where('year', '=', year).executeTakeFirst();

export const findProposal = (db: Q, id: string) =>
  db.selectFrom('calendar_proposals').selectAll().where('id', '=', id).executeTakeFirst();

/** The latest hundred proposals, newest first. */
export function listProposals(db: Q, status?: string) {
  let q = db.selectFrom('calendar_proposals').selectAll();
  if (status) q = q.where('status', '=', status);
  return q.orderBy('proposed_at', 'desc').limit(100).execute();
}

export const CLOCK_EVENT_KINDS = [
  'started',
  'paused',
  'resumed',
  'extended',
  'stopped',
  'reprojected',
  'colour_changed',
] as const;
export type ClockEventKind = (typeof CLOCK_EVENT_KINDS)[number];

export const findClock = (db: Q, id: string) =>
  db.selectFrom('clocks').selectAll().where('id', '=', id).executeTakeFirst();

export const openClocksAmong = (db: Q, ids: string[]) =>
  db.selectFrom('clocks').select('id').where('id', 'in', ids).where('status', '!=', 'stopped').execute();

export const clocksOfSubject = (db: Q, subjectType: string, subjectId: string) =>
  db
    .selectFrom('clocks')
    .selectAll()
    .where('subject_type', '=', subjectType)
    .where('subject_id', '=', subjectId)
    .orderBy('started_at')
    .execute();

export const eventsOf = (db: Q, clockIds: string[]) =>
  clockIds.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('clock_events')
        .selectAll()
        .where('clock_id', 'in', clockIds)
        .orderBy('clock_id')
        .orderBy('seq')
        .execute();

/**
 * Appends to a clock's history. seq is the clock's version after the change, so the unique
 * (clock_id, seq) constraint also rejects a second writer working from the same version.
 */
export async function appendEvent(
  db: Q,
  at: string,
  clockId: string,
  seq: number,
  kind: ClockEventKind,
  actorId: string | null,
  data: Record<string, unknown>,
) {
  await insertRows(db, 'clock_events', clockEventRow(at, clockId, seq, kind, actorId, data));
}

export const clockEventRow = (
  at: string,
  clockId: string,
  seq: number,
  kind: ClockEventKind,
  actorId: string | null,
  data: Record<string, unknown>,
) => ({ id: newId(Date.parse(at)), clock_id: clockId, seq, at, kind, actor_id: actorId, data: toJson(data) });
