import type { Actor } from '../../shared/actor.js';
import { actOnComplaint } from './act-on-complaint.js';
import type { ComplaintDeps } from './complaint-deps.js';
import { requireDepartment } from './department-check.js';
import { handOver } from './hand-over.js';

/** 改派: the center moves a dispatched ticket to another department, the limit still counted from acceptance. */
export function reassignComplaint(
  deps: ComplaintDeps,
  actor: Actor,
  input: { id: string; version: number; departmentId: string; note: string },
) {
  return actOnComplaint(deps, actor, input, 'reassign', async ({ uow, cal, t }) => {
    const dept = await requireDepartment(uow.db, input.departmentId, '/body/departmentId');
    const moved = await handOver(uow, cal, t, dept);
    return {
      changes: moved.changes,
      event: {
        fromDepartmentId: t.assigned_department_id,
        departmentId: moved.departmentId,
        note: input.note,
      },
      notify: moved.notify,
      result: { id: t.id, state: 'dispatched' as const, version: t.version + 1 },
    };
  });
}
