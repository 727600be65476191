import type { Actor } from '../../shared/actor.js';
import { AppError } from '../../server/errors.js';
import { actOnComplaint } from './act-on-complaint.js';
import type { ComplaintDeps } from './complaint-deps.js';
import { requireDepartment } from './department-check.js';
import { handOver } from './hand-over.js';
import { decideReturnRow, openReturnOf } from './repository-returns.js';

/**
 * The dispatcher decides a 退单: upheld, the ticket goes where the dispatcher says (by default where
 * the returning department pointed); rejected, it goes back to the returning department. The
 * decision says who decided and where the ticket went.
 */
export function decideReturn(
  deps: ComplaintDeps,
  actor: Actor,
  input: {
    id: string;
    version: number;
    decision: 'upheld' | 'rejected';
    departmentId?: string;
    note: string;
  },
) {
  return actOnComplaint(deps, actor, input, 'decide_return', async ({ uow, cal, t }) => {
    const ret = await openReturnOf(uow.db, t.id);
    let changes = {};
    let notify = undefined;
    let to = t.assigned_department_id;
    if (input.decision === 'upheld') {
      const target = input.departmentId ?? ret?.suggested_department_id;
      if (!target)
        throw new AppError('validation_failed', { summary: '/body/departmentId' }, [
          {
            path: '/body/departmentId',
            code: 'required',
            zh: '退单成立时请指定改派的部门',
            en: 'An upheld return needs the department the ticket goes to',
          },
        ]);
      const moved = await handOver(
        uow,
        cal,
        t,
        await requireDepartment(uow.db, target, '/body/departmentId'),
      );
      changes = moved.changes;
      notify = moved.notify;
      to = moved.departmentId;
    }
    if (ret)
      await decideReturnRow(uow.db, ret.id, {
        decision: input.decision,
        decided_to: to,
        decided_by: actor.id,
        decided_at: uow.nowIso,
      });
    return {
      state: 'dispatched',
      changes,
      event: { decision: input.decision, departmentId: to, note: input.note },
      notify,
      result: { id: t.id, state: 'dispatched' as const, version: t.version + 1 },
    };
  });
}
