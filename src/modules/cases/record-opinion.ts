import type { Actor } from '../../shared/actor.js';
import { newId } from '../../shared/ids.js';
import type { CaseDeps } from './case-deps.js';
import { actOnCase } from './act-on-case.js';
import { loadOwnTask, requireTaskOpen } from './task-access.js';
import { insertRecord } from './repository-records.js';

/** A reviewer's written opinion on their department's task. */
export async function recordOpinion(
  deps: CaseDeps,
  actor: Actor,
  caseId: string,
  version: number,
  input: { taskId: string; text: string },
) {
  return actOnCase(deps, actor, caseId, 'record_opinion', version, async ({ uow, c }) => {
    const task = await loadOwnTask(uow, actor, c.id, input.taskId);
    requireTaskOpen(task, 'record_opinion');
    const id = newId(uow.now.getTime());
    await insertRecord(uow.db, {
      id,
      case_id: c.id,
      task_id: task.id,
      kind: 'opinion',
      author_id: actor.id,
      text: input.text,
      data: '{}',
      status: 'final',
      created_at: uow.nowIso,
      version: 1,
    });
    return { event: { taskId: task.id, recordId: id }, result: { recordId: id } };
  });
}
