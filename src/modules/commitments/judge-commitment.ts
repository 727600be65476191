import type { Actor } from '../../shared/actor.js';
import { authorize } from '../../shared/policy.js';
import { AppError, notFound, staleVersion } from '../../server/errors.js';
import { audited } from '../audit/audited-transaction.js';
import type { ConductDeps } from './commitment-deps.js';
import { getCommitment } from './list-commitments.js';
import { signalNotKept } from './not-kept.js';
import { commitmentPolicy } from './policy.js';
import { findCommitment, updateCommitment } from './repository.js';

/** Supervisors mark kept or not kept what no figure decides: stated commitments, measures without data. */
export async function judgeCommitment(
  deps: ConductDeps,
  actor: Actor,
  id: string,
  input: { version: number; kept: boolean; note: string },
) {
  authorize(actor, commitmentPolicy.judge, undefined, 'commitment.judge');
  await audited(deps.db, deps.clock, actor, async (uow) => {
    const c = await findCommitment(uow.db, id);
    if (!c) throw notFound('commitment', id);
    if (c.state !== 'awaiting_judgement')
      throw new AppError('invalid_state', {
        state: c.state,
        action: 'judge',
        allowed: c.state === 'published' ? '—（承诺期未结束 / the period has not ended）' : '—',
      });
    const state = input.kept ? 'kept' : 'not_kept';
    const basis = `${c.outcome_basis ?? ''}；监察意见 / supervisors: ${input.note.trim()}`;
    if (
      !(await updateCommitment(uow.db, id, input.version, {
        state,
        outcome_basis: basis,
        assessed_at: uow.nowIso,
        assessed_by: actor.id,
        updated_at: uow.nowIso,
      }))
    )
      throw staleVersion(c.version, input.version);
    await uow.audit({
      action: 'commitment.assessed',
      entityType: 'commitment',
      entityId: id,
      data: { state, value: c.outcome_value, basis },
    });
    if (!input.kept) await signalNotKept(uow, c, c.outcome_value);
  });
  return getCommitment(deps, id);
}
