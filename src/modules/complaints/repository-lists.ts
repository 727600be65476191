import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';

export interface QueueFilter {
  states?: string[];
  state?: string;
  colour?: string;
  assignedDepartmentId?: string;
  route?: string;
  returned?: boolean;
  reopened?: boolean;
  /** Tickets whose deadline is before this date (overdue). */
  dueBefore?: string;
  /** Tickets due on this date. */
  dueOn?: string;
  /** Tickets due after this date. */
  dueAfter?: string;
  /** Tickets with no running clock. */
  noDeadline?: boolean;
  limit: number;
}

/**
 * Tickets with the clock that matters now (handling, else the acceptance notice), for the
 * center's workbench, a department's list and the supervisors' view. Rows carry the reporter's
 * name; the presenter masks it per viewer.
 */
export function queueRows(db: Kysely<Database>, f: QueueFilter) {
  let q = db
    .selectFrom('complaints as t')
    .leftJoin('clocks as h', (j) =>
      j.onRef('h.id', '=', 't.handling_clock_id').on('h.status', '!=', 'stopped'),
    )
    .leftJoin('clocks as a', (j) =>
      j.onRef('a.id', '=', 't.acceptance_clock_id').on('a.status', '!=', 'stopped'),
    )
    .select((eb) => [
      't.id',
      't.ticket_no',
      't.state',
      't.category_code',
      't.urgent',
      't.route',
      't.department_id',
      't.assigned_department_id',
      't.reporter_name',
      't.return_count',
      't.reopen_count',
      't.created_at',
      eb.fn.coalesce('h.due_date', 'a.due_date').as('due_date'),
      eb.fn.coalesce('h.colour', 'a.colour').as('colour'),
    ]);
  if (f.state) q = q.where('t.state', '=', f.state);
  else if (f.states) q = q.where('t.state', 'in', f.states);
  if (f.assignedDepartmentId) q = q.where('t.assigned_department_id', '=', f.assignedDepartmentId);
  if (f.route) q = q.where('t.route', '=', f.route);
  if (f.returned) q = q.where('t.return_count', '>', 0);
  if (f.reopened) q = q.where('t.reopen_count', '>', 0);
  if (f.colour) q = q.where((eb) => eb(eb.fn.coalesce('h.colour', 'a.colour'), '=', f.colour!));
  const due = (op: '<' | '=' | '>', date: string) =>
    q.where((eb) => eb(eb.fn.coalesce('h.due_date', 'a.due_date'), op, date));
  if (f.dueBefore) q = due('<', f.dueBefore);
  if (f.dueOn) q = due('=', f.dueOn);
  if (f.dueAfter) q = due('>', f.dueAfter);
  if (f.noDeadline) q = q.where((eb) => eb(eb.fn.coalesce('h.due_date', 'a.due_date'), 'is', null));
  // Soonest deadline first (no deadline last), then the oldest: one page is the most urgent one.
  return q
    .orderBy((eb) => eb.fn.coalesce('h.due_date', 'a.due_date', eb.val('9999-12-31')))
    .orderBy('t.created_at')
    .limit(f.limit)
    .execute();
}
export type QueueRowData = Awaited<ReturnType<typeof queueRows>>[number];

/**
 * How many open tickets there are per step, running-clock colour and deadline date (the groups are
 * few: a handful of steps and colours times the dates a clock can fall due on). Counted by the
 * database over every ticket, not over one page of them.
 */
export function queueCounts(db: Kysely<Database>, states: readonly string[]) {
  return (
    db
      .selectFrom('complaints as t')
      .leftJoin('clocks as h', (j) =>
        j.onRef('h.id', '=', 't.handling_clock_id').on('h.status', '!=', 'stopped'),
      )
      .leftJoin('clocks as a', (j) =>
        j.onRef('a.id', '=', 't.acceptance_clock_id').on('a.status', '!=', 'stopped'),
      )
      .where('t.state', 'in', states)
      .select((eb) => [
        't.state',
        eb.fn.coalesce('h.colour', 'a.colour').as('colour'),
        eb.fn.coalesce('h.due_date', 'a.due_date').as('due_date'),
        eb.fn.countAll<number | string>().as('n'),
      ])
      // (by the expressions, not their names: colour and due_date are columns of both clocks too)
      .groupBy((eb) => [
        eb.ref('t.state'),
        eb.fn.coalesce('h.colour', 'a.colour'),
        eb.fn.coalesce('h.due_date', 'a.due_date'),
      ])
      .execute()
  );
}
