import type { Actor } from '../../shared/actor.js';
import { authorize } from '../../shared/policy.js';
import { AppError, notFound, staleVersion } from '../../server/errors.js';
import { audited } from '../audit/audited-transaction.js';
import type { ConductDeps } from './commitment-deps.js';
import { getCommitment } from './list-commitments.js';
import { commitmentPolicy } from './policy.js';
import { findCommitment, updateCommitment } from './repository.js';

/** The department head publishes why a commitment was not kept; it is shown beside the commitment. */
export async function explainCommitment(
  deps: ConductDeps,
  actor: Actor,
  id: string,
  input: { version: number; explanation: string },
) {
  const found = await findCommitment(deps.db, id);
  if (!found) throw notFound('commitment', id);
  authorize(actor, commitmentPolicy.explain, found.department_id, 'commitment.explain');
  await audited(deps.db, deps.clock, actor, async (uow) => {
    const c = (await findCommitment(uow.db, id))!;
    if (c.state !== 'not_kept')
      throw new AppError('invalid_state', { state: c.state, action: 'explain', allowed: '—' });
    if (
      !(await updateCommitment(uow.db, id, input.version, {
        explanation: input.explanation.trim(),
        explained_at: uow.nowIso,
        updated_at: uow.nowIso,
      }))
    )
      throw staleVersion(c.version, input.version);
    await uow.audit({
      action: 'commitment.explained',
      entityType: 'commitment',
      entityId: id,
      data: { state: c.state },
    });
  });
  return getCommitment(deps, id);
}
