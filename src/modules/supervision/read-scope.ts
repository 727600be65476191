import type { Actor } from '../../shared/actor.js';
import { AppError } from '../../server/errors.js';
import { departmentScope } from './policy.js';

/**
 * The department a supervision list is limited to (undefined: every department), or a refusal for
 * an actor who may read none.
 */
export function readScope(actor: Actor, requested?: string): string | undefined {
  const s = departmentScope(actor, requested);
  if (s === null)
    throw new AppError(actor.role === 'anonymous' ? 'unauthenticated' : 'forbidden', {
      action: 'supervision.read',
    });
  return s;
}
