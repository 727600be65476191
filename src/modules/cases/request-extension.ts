import type { Actor } from '../../shared/actor.js';
import { AppError } from '../../server/errors.js';
import { newId } from '../../shared/ids.js';
import { toJson } from '../../shared/json.js';
import type { CaseDeps } from './case-deps.js';
import { actOnCase } from './act-on-case.js';
import { loadOwnTask, requireTaskOpen } from './task-access.js';
import { hasPendingExtension, insertRecord } from './repository-records.js';

/** A reviewer asks the head to extend the limit (Art. 42), saying why and by how much. */
export async function requestExtension(
  deps: CaseDeps,
  actor: Actor,
  caseId: string,
  version: number,
  input: { taskId: string; days: number; reason: string },
) {
  return actOnCase(deps, actor, caseId, 'request_extension', version, async ({ uow, c }) => {
    const task = await loadOwnTask(uow, actor, c.id, input.taskId);
    requireTaskOpen(task, 'request_extension');
    if (await hasPendingExtension(uow.db, c.id))
      throw new AppError('invalid_state', {
        state: 'extension pending',
        action: 'request_extension',
        allowed: 'approve_extension',
      });
    const id = newId(uow.now.getTime());
    await insertRecord(uow.db, {
      id,
      case_id: c.id,
      task_id: task.id,
      kind: 'extension_request',
      author_id: actor.id,
      text: input.reason,
      data: toJson({ days: input.days }),
      status: 'pending',
      created_at: uow.nowIso,
      version: 1,
    });
    return {
      event: { taskId: task.id, recordId: id, days: input.days, reason: input.reason },
      result: { recordId: id },
    };
  });
}
