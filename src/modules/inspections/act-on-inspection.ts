import type { Updateable } from 'kysely';
import type { Actor } from '../../shared/actor.js';
import { authorize } from '../../shared/policy.js';
import type { InspInspectionTable } from '../../db/schema-inspections.js';
import { AppError, notFound, staleVersion } from '../../server/errors.js';
import { audited, type UnitOfWork } from '../audit/audited-transaction.js';
import type { WorkingCalendar } from '../clock/calendar/working-calendar.js';
import type { InspectionDeps } from './inspection-deps.js';
import { inspectionPolicy } from './policy.js';
import { findInspection, updateInspection, type InspectionRow } from './repository.js';

/** Which states each step may start from. */
export const INSPECTION_STEPS = {
  join: ['registered'],
  end: ['started'],
  result: ['started', 'ended'],
} as const;
export type InspectionStepName = keyof typeof INSPECTION_STEPS;

/**
 * Every staff step on a registered inspection: load it, check the department and the state, check
 * the version the actor read, do the work (which records its audit event), and write the inspection
 * at the next version in the same transaction.
 */
export async function actOnInspection<T>(
  deps: InspectionDeps,
  actor: Actor,
  id: string,
  step: InspectionStepName,
  version: number,
  work: (s: {
    uow: UnitOfWork;
    cal: WorkingCalendar;
    i: InspectionRow;
  }) => Promise<{ changes: Updateable<InspInspectionTable>; result: T }>,
): Promise<T> {
  const cal = await deps.calendars.get();
  return audited(deps.db, deps.clock, actor, async (uow) => {
    const i = await findInspection(uow.db, id);
    if (!i) throw notFound('inspection', id);
    authorize(actor, inspectionPolicy.act, { departmentId: i.department_id }, `inspection.${step}`);
    const allowed = INSPECTION_STEPS[step] as readonly string[];
    if (!allowed.includes(i.state))
      throw new AppError('invalid_state', { state: i.state, action: step, allowed: allowed.join(', ') });
    if (version !== i.version) throw staleVersion(i.version, version);
    const out = await work({ uow, cal, i });
    const fresh = (await findInspection(uow.db, id))!;
    if (!(await updateInspection(uow.db, id, fresh.version, { ...out.changes, updated_at: uow.nowIso })))
      throw staleVersion(fresh.version + 1, fresh.version);
    return out.result;
  });
}

export const inspectionStep = (i: InspectionRow, to: string = i.state) => ({
  number: i.number,
  from: i.state,
  to,
});
