import type { Actor } from '../../shared/actor.js';
import { authorize } from '../../shared/policy.js';
import { newId } from '../../shared/ids.js';
import { AppError, notFound } from '../../server/errors.js';
import { audited } from '../audit/audited-transaction.js';
import { storeCheckedUpload } from '../cases/file-check.js';
import type { ConductDeps } from './commitment-deps.js';
import { getCommitment } from './list-commitments.js';
import { commitmentPolicy } from './policy.js';
import { findCommitment, insertEvidence, milestonesOf } from './repository.js';

/** Evidence of a commitment (a PDF, JPEG or PNG, checked by content), optionally for one milestone. */
export async function addEvidence(
  deps: ConductDeps,
  actor: Actor,
  id: string,
  milestoneSeq: number | undefined,
  file: { name: string; data: Buffer },
) {
  const c = await findCommitment(deps.db, id);
  if (!c) throw notFound('commitment', id);
  authorize(actor, commitmentPolicy.record, c.department_id, 'commitment.evidence');
  if (c.state === 'kept' || c.state === 'not_kept')
    throw new AppError('invalid_state', { state: c.state, action: 'add_evidence', allowed: '—' });
  if (milestoneSeq !== undefined && !(await milestonesOf(deps.db, [id])).some((m) => m.seq === milestoneSeq))
    throw notFound('milestone', `${id}#${milestoneSeq}`);
  const f = await storeCheckedUpload(deps.storage, file);
  await audited(deps.db, deps.clock, actor, async (uow) => {
    await insertEvidence(uow.db, {
      id: newId(uow.now.getTime()),
      commitment_id: id,
      milestone_seq: milestoneSeq ?? null,
      name: f.name,
      mime: f.mime,
      size: f.size,
      sha256: f.sha256,
      storage_key: f.storageKey,
      uploaded_by: actor.id,
      uploaded_at: uow.nowIso,
    });
    await uow.audit({
      action: 'commitment.evidence_added',
      entityType: 'commitment',
      entityId: id,
      data: { sha256: f.sha256, size: f.size, milestoneSeq: milestoneSeq ?? null },
    });
  });
  return getCommitment(deps, id);
}
