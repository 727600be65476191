import type { Actor } from '../../shared/actor.js';
import { authorize } from '../../shared/policy.js';
import { AppError, notFound } from '../../server/errors.js';
import { audited } from '../audit/audited-transaction.js';
import type { InspectionDeps } from './inspection-deps.js';
import { inspectionPolicy } from './policy.js';
import { findItem, findViolation, setStatus } from './repository-published.js';

/** Withdraws an item or a violation in force: it can no longer be registered or cited. */
export async function withdrawPublished(
  deps: InspectionDeps,
  actor: Actor,
  kind: 'item' | 'violation',
  id: string,
) {
  return audited(deps.db, deps.clock, actor, async (uow) => {
    const row = kind === 'item' ? await findItem(uow.db, id) : await findViolation(uow.db, id);
    if (!row) throw notFound(kind === 'item' ? 'inspection_item' : 'inspection_violation', id);
    authorize(actor, inspectionPolicy.publish, { departmentId: row.department_id }, 'inspection.publish');
    if (row.status !== 'published')
      throw new AppError('invalid_state', { state: row.status, action: 'withdraw', allowed: '—' });
    await setStatus(uow.db, kind === 'item' ? 'insp_items' : 'insp_violations', id, 'withdrawn');
    await uow.audit({
      action: 'inspection.published_withdrawn',
      entityType: kind === 'item' ? 'inspection_item' : 'inspection_violation',
      entityId: id,
      data: { kind, code: row.code, versionNo: row.version_no },
    });
    return { ...row, status: 'withdrawn' };
  });
}
