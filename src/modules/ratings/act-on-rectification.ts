import type { Actor } from '../../shared/actor.js';
import type { AuditInput } from '../audit/audit-event.js';
import { audited, type UnitOfWork } from '../audit/audited-transaction.js';
import type { WorkingCalendar } from '../clock/calendar/working-calendar.js';
import { findClock } from '../clock/clock-reads.js';
import { stopClock } from '../clock/stop-clock.js';
import { authorize, type Rule } from '../../shared/policy.js';
import { AppError } from '../../server/errors.js';
import { notFound, staleVersion } from '../../server/errors.js';
import type { RatingDeps } from './rating-deps.js';
import { findRectification, updateRectification, type RectificationRow } from './repository.js';

/** The steps of a rectification, each from the states it may start from. */
export const RECTIFICATION_STEPS = {
  acknowledge: { from: ['open'], to: 'acknowledged' },
  answer: { from: ['acknowledged'], to: 'answered' },
  rectify: { from: ['answered'], to: 'rectified' },
} as const;
export type RectificationStep = keyof typeof RECTIFICATION_STEPS | 'callback';

export interface StepOutcome {
  changes: Partial<Omit<RectificationRow, 'id' | 'version'>>;
  audit: AuditInput;
}

/** Stops a clock of the rectification if it still runs (an appeal may have stopped it already). */
export async function stopIfRunning(uow: UnitOfWork, cal: WorkingCalendar, clockId: string, outcome: string) {
  const c = await findClock(uow.db, clockId);
  if (c && (c.status === 'running' || c.status === 'paused')) await stopClock(uow, cal, clockId, outcome);
}

/**
 * One template for every step of a rectification: load, authorize against the rated department,
 * check the state and the version the actor read, do the work, write it and its audit event in one
 * transaction.
 */
export async function actOnRectification(
  deps: RatingDeps,
  actor: Actor,
  ref: { id: string; version: number },
  step: RectificationStep,
  rule: Rule<{ departmentId: string }>,
  work: (uow: UnitOfWork, cal: WorkingCalendar, r: RectificationRow) => Promise<StepOutcome>,
) {
  const cal = await deps.calendars.get();
  return audited(deps.db, deps.clock, actor, async (uow) => {
    const r = await findRectification(uow.db, ref.id);
    if (!r) throw notFound('rating_rectification', ref.id);
    authorize(actor, rule, { departmentId: r.department_id }, `rating_rectification.${step}`);
    if (step !== 'callback') {
      const allowed = RECTIFICATION_STEPS[step].from as readonly string[];
      if (!allowed.includes(r.state))
        throw new AppError('rectification_invalid_state', { state: r.state, step });
    }
    if (ref.version !== r.version) throw staleVersion(r.version, ref.version);
    const out = await work(uow, cal, r);
    const state = step === 'callback' ? r.state : RECTIFICATION_STEPS[step].to;
    if (
      !(await updateRectification(uow.db, r.id, r.version, { ...out.changes, state, updated_at: uow.nowIso }))
    )
      throw staleVersion(r.version + 1, r.version);
    await uow.audit(out.audit);
    return r.id;
  });
}
