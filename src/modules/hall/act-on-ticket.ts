import type { Actor } from '../../shared/actor.js';
import { AppError } from '../../server/errors.js';
import { audited, type UnitOfWork } from '../audit/audited-transaction.js';
import type { HallDeps } from './hall-deps.js';
import { myWindow, logEvent } from './call-ticket.js';
import { groupOrThrow, ticketOrThrow } from './hall-support.js';
import { updateWindow, type WindowRow } from './repository.js';
import { findTicket, updateTicket, type TicketRow } from './repository-tickets.js';

/** The ticket being served at the clerk's window, and the window. */
export async function currentTicket(deps: HallDeps, actor: Actor): Promise<{ w: WindowRow; t: TicketRow }> {
  const w = await myWindow(deps, actor);
  if (!w.current_ticket_id) throw new AppError('hall_no_current_ticket');
  return { w, t: await ticketOrThrow(deps.db, w.current_ticket_id) };
}

/** Changes the current ticket at its version, or fails as a conflict. */
export async function changeTicket(
  uow: UnitOfWork,
  t: TicketRow,
  changes: Partial<TicketRow>,
): Promise<TicketRow> {
  if (!(await updateTicket(uow.db, t.id, t.version, changes)))
    throw new AppError('stale_version', { current: t.version + 1, given: t.version });
  return (await findTicket(uow.db, t.id))!;
}

/** Calls the current number again (the person did not come up yet). */
export async function recallTicket(deps: HallDeps, actor: Actor): Promise<TicketRow> {
  const { w, t } = await currentTicket(deps, actor);
  const r = await audited(deps.db, deps.clock, actor, async (uow) => {
    const row = await changeTicket(uow, t, { call_count: t.call_count + 1 });
    await logEvent(uow, 'recall', row, w);
    await uow.audit({
      action: 'hall.ticket_recalled',
      entityType: 'hall_ticket',
      entityId: t.id,
      data: { number: t.number, window: w.code, calls: row.call_count },
    });
    return row;
  });
  deps.feed.poke();
  return r;
}

/** The person never came up: the ticket ends as absent and the window is free. */
export async function markAbsent(deps: HallDeps, actor: Actor): Promise<TicketRow> {
  const { w, t } = await currentTicket(deps, actor);
  const r = await audited(deps.db, deps.clock, actor, async (uow) => {
    const row = await changeTicket(uow, t, { state: 'absent', finished_at: uow.nowIso });
    await updateWindow(uow.db, w.id, { current_ticket_id: null, updated_at: uow.nowIso });
    await logEvent(uow, 'absent', row, w);
    await uow.audit({
      action: 'hall.ticket_absent',
      entityType: 'hall_ticket',
      entityId: t.id,
      data: { number: t.number, window: w.code },
    });
    return row;
  });
  deps.feed.poke();
  return r;
}

/**
 * Sends the person to another group: the ticket keeps its number and its place in time (it queued
 * when it was taken), so it is not sent to the back of the other queue.
 */
export async function transferTicket(
  deps: HallDeps,
  actor: Actor,
  input: { groupId: string },
): Promise<TicketRow> {
  const { w, t } = await currentTicket(deps, actor);
  const to = await groupOrThrow(deps.db, input.groupId);
  if (to.id === t.group_id) throw new AppError('hall_transfer_same_group');
  const r = await audited(deps.db, deps.clock, actor, async (uow) => {
    const row = await changeTicket(uow, t, {
      state: 'waiting',
      group_id: to.id,
      window_id: null,
      staff_id: null,
      called_at: null,
      call_count: 0,
      near_notified: 0,
    });
    await updateWindow(uow.db, w.id, { current_ticket_id: null, updated_at: uow.nowIso });
    await logEvent(uow, 'transfer', row, w, t.group_id);
    await logEvent(uow, 'transfer', row, null, to.id);
    await uow.audit({
      action: 'hall.ticket_transferred',
      entityType: 'hall_ticket',
      entityId: t.id,
      data: { number: t.number, from: t.group_id, to: to.id },
    });
    return row;
  });
  deps.feed.poke();
  return r;
}
