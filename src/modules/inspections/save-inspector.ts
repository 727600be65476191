import type { Actor } from '../../shared/actor.js';
import { newId } from '../../shared/ids.js';
import { AppError } from '../../server/errors.js';
import { audited } from '../audit/audited-transaction.js';
import { findUser } from '../identity/user-reads.js';
import type { InspectionDeps } from './inspection-deps.js';
import { publishingDepartment } from './publish-item.js';
import {
  findInspectorByCertificate,
  findInspectorOfUser,
  insertInspector,
  updateInspector,
} from './repository-published.js';

export interface SaveInspectorInput {
  departmentId?: string;
  name: string;
  certificateNo: string;
  validFrom: string;
  validTo: string;
  /** the inspector's account, when they scan and record with it */
  userId?: string;
  active?: boolean;
}

const invalid = (path: string, zh: string, en: string) =>
  new AppError('validation_failed', { summary: path }, [{ path, code: 'invalid', zh, en }]);

/**
 * Lists an inspector (执法人员) of a department publicly, with the enforcement certificate number and
 * its validity; the certificate number is the key, so a renewed certificate updates the entry.
 */
export async function saveInspector(deps: InspectionDeps, actor: Actor, input: SaveInspectorInput) {
  const departmentId = await publishingDepartment(deps, actor, input.departmentId);
  if (input.validTo < input.validFrom)
    throw invalid('/body/validTo', '有效期截止日不得早于起始日', 'The validity cannot end before it starts');
  if (input.userId) {
    const u = await findUser(deps.db, input.userId);
    if (!u || u.role !== 'inspector' || u.department_id !== departmentId)
      throw invalid(
        '/body/userId',
        '该账户不是本部门的执法人员',
        'That account is not an inspector of the department',
      );
  }
  return audited(deps.db, deps.clock, actor, async (uow) => {
    const certificateNo = input.certificateNo.trim().toUpperCase();
    const existing = await findInspectorByCertificate(uow.db, certificateNo);
    if (existing && existing.department_id !== departmentId)
      throw invalid(
        '/body/certificateNo',
        '该证号已登记在其他部门',
        'That certificate is listed by another department',
      );
    if (input.userId) {
      const other = await findInspectorOfUser(uow.db, input.userId);
      if (other && other.id !== existing?.id)
        throw invalid(
          '/body/userId',
          '该账户已对应其他执法证',
          'That account already holds another certificate',
        );
    }
    const row = {
      department_id: departmentId,
      user_id: input.userId ?? existing?.user_id ?? null,
      name: input.name.trim(),
      certificate_no: certificateNo,
      valid_from: input.validFrom,
      valid_to: input.validTo,
      active: input.active === false ? 0 : 1,
      updated_at: uow.nowIso,
    };
    const id = existing?.id ?? newId(uow.now.getTime());
    if (existing) await updateInspector(uow.db, id, row);
    else await insertInspector(uow.db, { id, ...row });
    await uow.audit({
      action: 'inspection.inspector_saved',
      entityType: 'inspection_inspector',
      entityId: id,
      data: { departmentId, certificateNo, validTo: input.validTo },
    });
    return { id, ...row };
  });
}
