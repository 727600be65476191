import { systemActor } from '../../shared/actor.js';
import { dialectOf } from '../../db/column-types.js';
import { audited } from '../audit/audited-transaction.js';
import { localDate } from '../clock/local-time.js';
import { decidedCases, periodInstants } from '../commitments/measure-sources.js';
import { round1 } from '../commitments/measures.js';
import { raiseSignals, type SignalInput } from '../supervision/signals.js';
import type { DashboardDeps } from './dashboard-deps.js';
import { lastEndedQuarter } from './periods.js';
import { claimReview, ensureReview, findReview, finishReview, itemsDecidedBetween } from './repository.js';

export const REVIEWER = systemActor('dashboard');

/**
 * Once a quarter has ended, each item's committed time limit is reviewed over it: an item with a
 * case decided past its limit in the quarter has not kept its commitment, and a supervision signal
 * says so (item_commitment_not_kept), once per item and quarter. The quarter is a row claimed in a
 * transaction (FOR UPDATE SKIP LOCKED on PostgreSQL) and marked done in the same one, so however
 * many instances run this after their supervision pass, one reviews it. Returns the signals raised.
 */
export async function reviewItemCommitments(deps: DashboardDeps): Promise<number> {
  const q = lastEndedQuarter(localDate(deps.clock.now()));
  const seen = await findReview(deps.db, q.quarter);
  if (seen?.state === 'done') return 0;
  if (!seen) await ensureReview(deps.db, q.quarter, deps.clock.now().toISOString());
  const pg = dialectOf(deps.db) === 'postgres';
  const cal = await deps.calendars.get();
  return audited(deps.db, deps.clock, REVIEWER, async (uow) => {
    if (!(await claimReview(uow.db, q.quarter, pg))) return uow.unchanged(0);
    const { from, to } = periodInstants(q);
    const items = await itemsDecidedBetween(uow.db, from, to);
    const signals: SignalInput[] = [];
    for (const { item_id, department_id } of items) {
      const cases = await decidedCases(uow.db, cal, { itemId: item_id!, start: q.start, end: q.end });
      const late = cases.filter((c) => !c.onTime).length;
      if (!late) continue;
      signals.push({
        kind: 'item_commitment_not_kept',
        subjectType: 'item',
        subjectId: item_id!,
        departmentId: department_id,
        data: {
          quarter: q.quarter,
          cases: cases.length,
          late,
          onTimeRate: round1(((cases.length - late) / cases.length) * 100),
        },
        dedupeKey: `item_commitment_not_kept:${item_id}:${q.quarter}`,
      });
    }
    await raiseSignals(uow.db, signals, uow.nowIso);
    await finishReview(uow.db, q.quarter, items.length, signals.length, uow.nowIso);
    await uow.audit({
      action: 'dashboard.item_commitments_reviewed',
      entityType: 'item_commitment_review',
      entityId: q.quarter,
      data: { quarter: q.quarter, items: items.length, notKept: signals.length },
    });
    return signals.length;
  });
}
