import type { Actor } from '../../shared/actor.js';
import { newId } from '../../shared/ids.js';
import { actOnComplaint } from './act-on-complaint.js';
import type { ComplaintDeps } from './complaint-deps.js';
import { requireDepartment } from './department-check.js';
import { insertReturn } from './repository-returns.js';

/**
 * 退单: the handling department gives the ticket back, saying why and whom it thinks responsible.
 * The dispatcher decides; the return is counted against the returning department either way. The
 * handling clock keeps running meanwhile.
 */
export function returnComplaint(
  deps: ComplaintDeps,
  actor: Actor,
  input: {
    id: string;
    version: number;
    reason: string;
    suggestedDepartmentId?: string;
    suggestedResponsible?: string;
  },
) {
  return actOnComplaint(deps, actor, input, 'return', async ({ uow, t }) => {
    const suggested = input.suggestedDepartmentId
      ? await requireDepartment(uow.db, input.suggestedDepartmentId, '/body/suggestedDepartmentId')
      : null;
    const returnedBy = t.assigned_department_id ?? 'supervisors';
    await insertReturn(uow.db, {
      id: newId(uow.now.getTime()),
      complaint_id: t.id,
      department_id: returnedBy,
      reason: input.reason,
      suggested_department_id: suggested,
      suggested_responsible: input.suggestedResponsible ?? null,
      returned_by: actor.id,
      returned_at: uow.nowIso,
      decision: null,
      decided_to: null,
      decided_by: null,
      decided_at: null,
    });
    return {
      state: 'returned',
      changes: { return_count: t.return_count + 1 },
      event: {
        departmentId: returnedBy,
        reason: input.reason,
        suggestedDepartmentId: suggested,
        suggestedResponsible: input.suggestedResponsible ?? null,
      },
      result: { id: t.id, state: 'returned' as const, version: t.version + 1 },
    };
  });
}
