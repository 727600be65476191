import type { UnitOfWork } from '../audit/audited-transaction.js';
import type { Actor } from '../../shared/actor.js';
import { AppError, notFound } from '../../server/errors.js';
import { findTaskOfCase } from './repository-tasks.js';
import { authorize } from '../../shared/policy.js';
import { casePolicy } from './policy.js';

/** A reviewer or head acts only on a task of their own department (not merely on the same case). */
export async function loadOwnTask(uow: UnitOfWork, actor: Actor, caseId: string, taskId: string) {
  const task = await findTaskOfCase(uow.db, caseId, taskId);
  if (!task) throw notFound('task', taskId);
  authorize(actor, casePolicy.actOnTask, task.department_id, 'task of another department');
  return task;
}

export function requireTaskOpen(task: { state: string }, action: string) {
  if (task.state === 'decided')
    throw new AppError('invalid_state', { state: 'task decided', action, allowed: '—' });
}
