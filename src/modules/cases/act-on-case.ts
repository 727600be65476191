import type { Actor } from '../../shared/actor.js';
import { audited, type UnitOfWork } from '../audit/audited-transaction.js';
import type { WorkingCalendar } from '../clock/calendar/working-calendar.js';
import { enqueueNotifications, type OutboxInput } from '../supervision/signals.js';
import { notFound, staleVersion } from '../../server/errors.js';
import { assertCanAct, type CaseAccess, type CaseAction, type CaseState } from './case-machine.js';
import { caseAuditAction } from './case-machine.js';
import type { CaseDeps, CaseEnding } from './case-deps.js';
import { appendCaseEvent } from './event-chain.js';
import { departmentIdsOf, findCase, type CaseRow } from './repository.js';
import { refreshTracking } from './tracking.js';

export interface CaseStep<_T = unknown> {
  uow: UnitOfWork;
  cal: WorkingCalendar;
  c: CaseRow;
  access: CaseAccess;
}

export interface CaseOutcome<T> {
  state?: CaseState;
  changes?: Partial<Omit<CaseRow, 'id' | 'version' | 'state'>>;
  /** What the case history records (the hash chain covers it). */
  event: Record<string, unknown>;
  notify?: OutboxInput[];
  result: T;
}

/**
 * Every case action goes through here: load, check the state machine and the actor's relation to
 * the case, check the version the actor read, do the work, then — in the same transaction — bump
 * the version, append to the hash-chained history, write the audit event, rebuild the tracking
 * snapshot and queue notifications. Two clerks acting on one case at once: one wins, one gets 409.
 */
export async function actOnCase<T>(
  deps: CaseDeps,
  actor: Actor,
  caseId: string,
  action: CaseAction,
  expectedVersion: number | undefined,
  work: (step: CaseStep<T>) => Promise<CaseOutcome<T>>,
): Promise<T> {
  const cal = await deps.calendars.get();
  return audited(deps.db, deps.clock, actor, async (uow) => {
    const c = await findCase(uow.db, caseId);
    if (!c) throw notFound('case', caseId);
    const access: CaseAccess = {
      state: c.state,
      applicantUserId: c.applicant_user_id,
      departmentIds: await departmentIdsOf(uow.db, c),
    };
    assertCanAct(actor, action, access);
    if (expectedVersion !== undefined && expectedVersion !== c.version)
      throw staleVersion(c.version, expectedVersion);
    const out = await work({ uow, cal, c, access });
    const res = await uow.db
      .updateTable('cases')
      .set({ ...out.changes, state: out.state ?? c.state, updated_at: uow.nowIso, version: c.version + 1 })
      .where('id', '=', c.id)
      .where('version', '=', c.version)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) throw staleVersion(c.version + 1, c.version);
    const fresh = (await findCase(uow.db, c.id))!;
    const ending = endingOf(c, fresh);
    if (ending) await deps.fees.ended(uow, fresh, ending);
    await appendCaseEvent(
      uow.db,
      deps.dialect,
      fresh,
      uow.nowIso,
      { id: actor.id, role: actor.role === 'system' ? `system:${actor.username ?? ''}` : actor.role },
      action,
      { from: c.state, to: out.state ?? c.state, ...out.event },
    );
    await uow.audit({
      action: caseAuditAction(action),
      entityType: 'case',
      entityId: c.id,
      data: { receiptNo: c.receipt_no, from: c.state, to: out.state ?? c.state },
    });
    await refreshTracking(uow.db, cal, c.id, uow.now);
    await enqueueNotifications(uow.db, out.notify ?? [], uow.nowIso);
    return out.result;
  });
}

/** A case that has just ended without the service it asked for. */
function endingOf(before: CaseRow, after: CaseRow): CaseEnding | null {
  if (before.state === after.state) return null;
  if (after.state === 'withdrawn') return 'withdrawn';
  if (after.state === 'not_accepted') return 'not_accepted';
  if (after.state === 'decided' && after.decision === 'refused') return 'refused';
  return null;
}

export const applicantNotice = (
  c: CaseRow,
  kind: string,
  payload: Record<string, unknown> = {},
): OutboxInput => ({
  kind,
  recipientType: 'applicant',
  recipientId: c.id,
  subjectType: 'case',
  subjectId: c.id,
  payload: { receiptNo: c.receipt_no, title: c.title, ...payload },
});
