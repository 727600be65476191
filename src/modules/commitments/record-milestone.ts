import type { Actor } from '../../shared/actor.js';
import { authorize } from '../../shared/policy.js';
import { AppError, notFound } from '../../server/errors.js';
import { audited } from '../audit/audited-transaction.js';
import type { ConductDeps } from './commitment-deps.js';
import { commitmentPolicy } from './policy.js';
import { findCommitment, markMilestoneDone } from './repository.js';
import { getCommitment } from './list-commitments.js';

/** The department records a milestone of a stated commitment as reached (once). */
export async function recordMilestone(
  deps: ConductDeps,
  actor: Actor,
  id: string,
  seq: number,
  note: string | undefined,
) {
  const c = await findCommitment(deps.db, id);
  if (!c) throw notFound('commitment', id);
  authorize(actor, commitmentPolicy.record, c.department_id, 'commitment.milestone');
  if (c.state !== 'published')
    throw new AppError('invalid_state', { state: c.state, action: 'milestone_done', allowed: '—' });
  await audited(deps.db, deps.clock, actor, async (uow) => {
    const r = await markMilestoneDone(uow.db, id, seq, uow.nowIso, note?.trim() || null);
    if (Number(r.numUpdatedRows) !== 1) throw notFound('milestone', `${id}#${seq}`);
    await uow.audit({
      action: 'commitment.milestone_done',
      entityType: 'commitment',
      entityId: id,
      data: { seq },
    });
  });
  return getCommitment(deps, id);
}
