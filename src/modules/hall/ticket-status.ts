import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { groupIdsOf } from './hall-support.js';
import { estimatedWaitMinutes, positions } from './queue.js';
import { listGroupRows, listWindowRows, type GroupRow, type WindowRow } from './repository.js';
import { waitingOf, type TicketRow } from './repository-tickets.js';

export interface TicketStatus {
  ticketId: string;
  number: string;
  state: string;
  groupCode: string;
  groupName: string;
  groupNameEn: string;
  /** People ahead (waiting tickets only). */
  ahead: number | null;
  estimatedWaitMinutes: number | null;
  /** Where to go once called. */
  window: string | null;
  windowEn: string | null;
  callCount: number;
  takenAt: string;
  calledAt: string | null;
  finishedAt: string | null;
}

/**
 * The status of several tickets, reading the queues and windows once: what the ticket page and every
 * phone following a ticket are sent.
 */
export async function ticketStatuses(
  db: Kysely<Database>,
  tickets: readonly TicketRow[],
): Promise<TicketStatus[]> {
  if (!tickets.length) return [];
  const [groups, windows] = await Promise.all([listGroupRows(db), listWindowRows(db)]);
  const groupById = new Map<string, GroupRow>(groups.map((g) => [g.id, g]));
  const windowById = new Map<string, WindowRow>(windows.map((w) => [w.id, w]));
  const waitingGroups = [...new Set(tickets.filter((t) => t.state === 'waiting').map((t) => t.group_id))];
  const waiting = await waitingOf(db, waitingGroups);
  const order = new Map<string, Map<string, number>>();
  for (const gid of waitingGroups) order.set(gid, positions(waiting.filter((t) => t.group_id === gid)));
  const staffed = (gid: string) => windows.filter((w) => w.staff_id && groupIdsOf(w).includes(gid)).length;
  return tickets.map((t) => {
    const g = groupById.get(t.group_id);
    const ahead = t.state === 'waiting' ? (order.get(t.group_id)?.get(t.id) ?? 0) : null;
    const w = t.window_id ? windowById.get(t.window_id) : undefined;
    return {
      ticketId: t.id,
      number: t.number,
      state: t.state,
      groupCode: g?.code ?? '',
      groupName: g?.name ?? '',
      groupNameEn: g?.name_en ?? '',
      ahead,
      estimatedWaitMinutes:
        ahead === null || !g ? null : estimatedWaitMinutes(ahead, g.service_minutes, staffed(g.id)),
      window: t.state === 'called' ? (w?.name ?? null) : null,
      windowEn: t.state === 'called' ? (w?.name_en ?? null) : null,
      callCount: t.call_count,
      takenAt: t.taken_at,
      calledAt: t.called_at,
      finishedAt: t.finished_at,
    };
  });
}
