import type { Actor } from '../../shared/actor.js';
import { audited, type UnitOfWork } from '../audit/audited-transaction.js';
import type { WorkingCalendar } from '../clock/calendar/working-calendar.js';
import { enqueueNotifications, type OutboxInput } from '../supervision/signals.js';
import { notFound, staleVersion } from '../../server/errors.js';
import { assertCanActOnComplaint, type ComplaintState } from './complaint-machine.js';
import type { ComplaintAction } from './policy.js';
import type { ComplaintDeps } from './complaint-deps.js';
import { findComplaint, updateComplaint, type ComplaintRow } from './repository.js';
import { appendHistory } from './repository-history.js';
import { partiesOf } from './parties.js';

export interface ComplaintStep {
  uow: UnitOfWork;
  cal: WorkingCalendar;
  t: ComplaintRow;
}

export interface ComplaintOutcome<T> {
  state?: ComplaintState;
  changes?: Partial<Omit<ComplaintRow, 'id' | 'version' | 'state'>>;
  /** What the ticket's chained history records. */
  event: Record<string, unknown>;
  notify?: OutboxInput[];
  result: T;
}

/**
 * Every step of a ticket goes through here: load, check the machine and the actor's relation, check
 * the version the actor read, do the work, then in the same transaction append to the chained
 * history, bump the version, write the audit event and queue notifications.
 */
export async function actOnComplaint<T>(
  deps: ComplaintDeps,
  actor: Actor,
  ref: { id: string; version?: number; codeProved?: boolean },
  action: ComplaintAction,
  work: (step: ComplaintStep) => Promise<ComplaintOutcome<T>>,
): Promise<T> {
  const cal = await deps.calendars.get();
  return audited(deps.db, deps.clock, actor, async (uow) => {
    const t = await findComplaint(uow.db, ref.id);
    if (!t) throw notFound('complaint', ref.id);
    assertCanActOnComplaint(actor, action, t.state, { ...partiesOf(t), codeProved: ref.codeProved });
    if (ref.version !== undefined && ref.version !== t.version) throw staleVersion(t.version, ref.version);
    const out = await work({ uow, cal, t });
    const to = out.state ?? t.state;
    const head = await appendHistory(uow.db, t, {
      at: uow.nowIso,
      actorId: actor.id,
      actorRole: actor.role === 'system' ? `system:${actor.username ?? ''}` : actor.role,
      kind: action,
      data: { from: t.state, to, ...out.event },
    });
    const ok = await updateComplaint(uow.db, t.id, t.version, {
      ...out.changes,
      ...head,
      state: to,
      updated_at: uow.nowIso,
    });
    if (!ok) throw staleVersion(t.version + 1, t.version);
    await uow.audit({
      action: `complaint.${action}`,
      entityType: 'complaint',
      entityId: t.id,
      data: { ticketNo: t.ticket_no, from: t.state, to },
    });
    await enqueueNotifications(uow.db, out.notify ?? [], uow.nowIso);
    return out.result;
  });
}
