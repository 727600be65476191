import type { Actor } from '../../shared/actor.js';
import { authorize } from '../../shared/policy.js';
import { newId } from '../../shared/ids.js';
import { AppError } from '../../server/errors.js';
import { audited } from '../audit/audited-transaction.js';
import { findDepartment } from '../catalogue/catalogue-reads.js';
import type { InspectionDeps } from './inspection-deps.js';
import { inspectionPolicy } from './policy.js';
import { currentVersion, findItem, insertItem, setStatus } from './repository-published.js';

export interface PublishItemInput {
  departmentId?: string;
  code: string;
  name: string;
  basis: string;
  subjects: string;
  method: string;
  frequency: string;
  noticeAllowed: boolean;
}

/** The department of a publishing actor: their own, or the one an administrator names. */
export async function publishingDepartment(deps: InspectionDeps, actor: Actor, departmentId?: string) {
  const id = departmentId ?? actor.departmentId;
  authorize(actor, inspectionPolicy.publish, { departmentId: id ?? null }, 'inspection.publish');
  if (!id || !(await findDepartment(deps.db, id)))
    throw new AppError('validation_failed', { summary: '/body/departmentId' }, [
      {
        path: '/body/departmentId',
        code: 'unknown_department',
        zh: '没有这个部门',
        en: 'No such department',
      },
    ]);
  return id;
}

/**
 * Publishes an inspection item (检查事项) of a department: a new code at version 1, a known code at
 * its next version, which supersedes the one in force. Inspections keep the version they were
 * registered with.
 */
export async function publishInspectionItem(deps: InspectionDeps, actor: Actor, input: PublishItemInput) {
  const departmentId = await publishingDepartment(deps, actor, input.departmentId);
  return audited(deps.db, deps.clock, actor, async (uow) => {
    const code = input.code.trim().toUpperCase();
    const { latestNo, published } = await currentVersion(uow.db, 'insp_items', departmentId, code);
    if (published) await setStatus(uow.db, 'insp_items', published.id, 'superseded');
    const id = newId(uow.now.getTime());
    await insertItem(uow.db, {
      id,
      department_id: departmentId,
      code,
      version_no: latestNo + 1,
      name: input.name.trim(),
      basis: input.basis.trim(),
      subjects: input.subjects.trim(),
      method: input.method.trim(),
      frequency: input.frequency.trim(),
      notice_allowed: input.noticeAllowed ? 1 : 0,
      status: 'published',
      published_at: uow.nowIso,
      published_by: actor.id,
    });
    await uow.audit({
      action: 'inspection.item_published',
      entityType: 'inspection_item',
      entityId: id,
      data: { departmentId, code, versionNo: latestNo + 1 },
    });
    return (await findItem(uow.db, id))!;
  });
}
