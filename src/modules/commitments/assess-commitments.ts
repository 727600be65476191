import { systemActor } from '../../shared/actor.js';
import { dialectOf } from '../../db/column-types.js';
import { audited } from '../audit/audited-transaction.js';
import { localDate } from '../clock/local-time.js';
import type { ConductDeps } from './commitment-deps.js';
import { meetsTarget, MEASURES, type Measure } from './measures.js';
import { signalNotKept } from './not-kept.js';
import { dueForAssessment, updateCommitment, type CommitmentRow } from './repository.js';

export const ASSESSOR = systemActor('commitments');

/**
 * At a period's end each commitment is assessed: a measurable one by its figure over the whole
 * period (kept or not kept, automatically), one with no figure and every stated one waits for the
 * supervisors' judgement. Runs after each supervision pass in every instance: each commitment is
 * claimed in its own transaction (FOR UPDATE SKIP LOCKED on PostgreSQL) and changed only from
 * 'published' at the version read, so two instances never assess one twice.
 */
export async function assessDueCommitments(deps: ConductDeps, batch = 100): Promise<number> {
  const today = localDate(deps.clock.now());
  const due = await dueForAssessment(deps.db, today, batch);
  const cal = await deps.calendars.get();
  const pg = dialectOf(deps.db) === 'postgres';
  let assessed = 0;
  for (const { id } of due) {
    const done = await audited(deps.db, deps.clock, ASSESSOR, async (uow) => {
      let q = uow.db
        .selectFrom('commitments')
        .selectAll()
        .where('id', '=', id)
        .where('state', '=', 'published');
      if (pg) q = q.forUpdate().skipLocked();
      const c: CommitmentRow | undefined = await q.executeTakeFirst();
      if (!c) return uow.unchanged(false);
      const figure = c.measure
        ? await deps.sources[c.measure as Measure](uow.db, cal, {
            departmentId: c.department_id,
            start: c.period_start,
            end: c.period_end,
          })
        : null;
      const state =
        figure && c.target !== null
          ? meetsTarget(c.measure as Measure, figure.value, c.target)
            ? 'kept'
            : 'not_kept'
          : 'awaiting_judgement';
      const basis = figure
        ? `${MEASURES[c.measure as Measure].zh} ${figure.value}${MEASURES[c.measure as Measure].unit}（${figure.sample} 件）/ target ${c.target}`
        : c.measure
          ? 'no data for the period: awaiting the supervisors'
          : 'stated commitment: awaiting the supervisors';
      if (
        !(await updateCommitment(uow.db, c.id, c.version, {
          state,
          outcome_value: figure?.value ?? null,
          outcome_basis: basis,
          assessed_at: state === 'awaiting_judgement' ? null : uow.nowIso,
          updated_at: uow.nowIso,
        }))
      )
        return uow.unchanged(false);
      await uow.audit({
        action: 'commitment.assessed',
        entityType: 'commitment',
        entityId: c.id,
        data: { state, value: figure?.value ?? null, basis },
      });
      if (state === 'not_kept') await signalNotKept(uow, c, figure?.value ?? null);
      return true;
    });
    if (done) assessed++;
  }
  return assessed;
}
