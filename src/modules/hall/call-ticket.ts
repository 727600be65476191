import type { Actor } from '../../shared/actor.js';
import { authorize } from '../../shared/policy.js';
import { AppError } from '../../server/errors.js';
import { audited, type UnitOfWork } from '../audit/audited-transaction.js';
import { enqueueNotifications } from '../supervision/signals.js';
import type { HallDeps } from './hall-deps.js';
import { groupIdsOf, groupOrThrow, seconds, ticketOrThrow } from './hall-support.js';
import { hallPolicy } from './policy.js';
import { findWindowOfStaff, updateWindow, type WindowRow } from './repository.js';
import {
  insertEvent,
  markNearNotified,
  nextWaiting,
  updateTicket,
  type TicketRow,
} from './repository-tickets.js';

/** The window the clerk sits at, checked against the calling rule. */
export async function myWindow(deps: HallDeps, actor: Actor): Promise<WindowRow> {
  authorize(actor, hallPolicy.sit, undefined, 'hall.call');
  const w = actor.id ? await findWindowOfStaff(deps.db, actor.id) : undefined;
  if (!w) throw new AppError('hall_not_at_window');
  authorize(actor, hallPolicy.call, { staffId: w.staff_id }, 'hall.call');
  return w;
}

export async function logEvent(
  uow: UnitOfWork,
  kind: string,
  t: TicketRow,
  w: WindowRow | null,
  groupId = t.group_id,
) {
  await insertEvent(uow.db, {
    kind,
    group_id: groupId,
    ticket_id: t.id,
    number: t.number,
    window_name: w?.name ?? null,
    window_name_en: w?.name_en ?? null,
    at: uow.nowIso,
  });
}

/** Those now near the front of the group who have a phone or account are told, once. */
async function tellTheNear(deps: HallDeps, uow: UnitOfWork, groupId: string) {
  const near = (await nextWaiting(uow.db, [groupId], deps.config.nearPosition)).map((t, ahead) => ({
    t,
    ahead,
  }));
  const due = near.filter(({ t }) => !t.near_notified && (t.phone || t.user_id));
  if (!due.length) return;
  const g = await groupOrThrow(uow.db, groupId);
  await enqueueNotifications(
    uow.db,
    due.map(({ t, ahead }) => ({
      kind: 'hall_ticket_near',
      recipientType: 'hall_visitor' as const,
      recipientId: t.id,
      subjectType: 'hall_ticket',
      subjectId: t.id,
      payload: { ticketNo: t.number, ahead, group: g.name, groupEn: g.name_en },
    })),
    uow.nowIso,
  );
  await markNearNotified(
    uow.db,
    due.map(({ t }) => t.id),
  );
}

/**
 * Calls the next ticket of the window's groups: the highest priority, then the first queued. Two
 * windows calling at once each get a different ticket (the update is conditional on the version).
 * Returns null when nobody waits.
 */
export async function callNext(deps: HallDeps, actor: Actor): Promise<TicketRow | null> {
  const w = await myWindow(deps, actor);
  if (w.current_ticket_id) {
    const current = await ticketOrThrow(deps.db, w.current_ticket_id);
    throw new AppError('hall_window_busy', { number: current.number });
  }
  const called = await audited(deps.db, deps.clock, actor, async (uow) => {
    for (let round = 0; round < 5; round++) {
      for (const t of await nextWaiting(uow.db, groupIdsOf(w), 5)) {
        const changes = {
          state: 'called',
          window_id: w.id,
          staff_id: actor.id,
          called_at: uow.nowIso,
          call_count: 1,
          wait_seconds: seconds(t.queued_at, uow.nowIso),
        };
        if (!(await updateTicket(uow.db, t.id, t.version, changes))) continue;
        const row = { ...t, ...changes, version: t.version + 1 };
        await updateWindow(uow.db, w.id, { current_ticket_id: t.id, updated_at: uow.nowIso });
        await logEvent(uow, 'call', row, w);
        await tellTheNear(deps, uow, t.group_id);
        await uow.audit({
          action: 'hall.ticket_called',
          entityType: 'hall_ticket',
          entityId: t.id,
          data: { number: t.number, window: w.code },
        });
        return row;
      }
    }
    return uow.unchanged(null);
  });
  if (called) deps.feed.poke();
  return called;
}
