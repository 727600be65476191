import type { Actor } from '../../shared/actor.js';
import { AppError } from '../../server/errors.js';
import { newId } from '../../shared/ids.js';
import { toJson } from '../../shared/json.js';
import type { CaseDeps } from './case-deps.js';
import { actOnCase } from './act-on-case.js';
import { loadOwnTask, requireTaskOpen } from './task-access.js';
import { insertRecord } from './repository-records.js';
import { findUsers } from '../identity/user-reads.js';

/**
 * On-site verification (现场核查): Art. 34 requires at least two staff, both of the task's
 * department, named in the record.
 */
export async function recordSiteVerification(
  deps: CaseDeps,
  actor: Actor,
  caseId: string,
  version: number,
  input: { taskId: string; staffIds: string[]; date: string; findings: string },
) {
  return actOnCase(deps, actor, caseId, 'record_site_verification', version, async ({ uow, c }) => {
    const task = await loadOwnTask(uow, actor, c.id, input.taskId);
    requireTaskOpen(task, 'record_site_verification');
    const ids = [...new Set(input.staffIds)];
    const staff = await findUsers(uow.db, ids);
    const valid = staff.filter(
      (s) =>
        (s.role === 'reviewer' || s.role === 'head') &&
        s.department_id === task.department_id &&
        s.status === 'active',
    );
    if (valid.length < 2 || valid.length !== ids.length) {
      throw new AppError('validation_failed', { summary: '/body/staffIds' }, [
        {
          path: '/body/staffIds',
          code: 'two_staff_required',
          zh: '实地核查须由本部门两名以上工作人员进行（行政许可法第三十四条）',
          en: 'On-site verification needs at least two staff of the department (Administrative Licensing Law Art. 34)',
        },
      ]);
    }
    const id = newId(uow.now.getTime());
    await insertRecord(uow.db, {
      id,
      case_id: c.id,
      task_id: task.id,
      kind: 'site_verification',
      author_id: actor.id,
      text: input.findings,
      data: toJson({ staff: valid.map((s) => ({ id: s.id, name: s.display_name })), date: input.date }),
      status: 'final',
      created_at: uow.nowIso,
      version: 1,
    });
    return {
      event: { taskId: task.id, recordId: id, staff: valid.map((s) => s.id), date: input.date },
      result: { recordId: id },
    };
  });
}
