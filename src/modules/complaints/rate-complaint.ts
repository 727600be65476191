import type { Actor } from '../../shared/actor.js';
import { AppError } from '../../server/errors.js';
import { actOnComplaint } from './act-on-complaint.js';
import type { ComplaintDeps } from './complaint-deps.js';

/** 评价: the reporter rates the handling once (5 非常满意 … 1 非常不满意). */
export function rateComplaint(
  deps: ComplaintDeps,
  actor: Actor,
  input: { id: string; codeProved: boolean; rating: number; note?: string },
) {
  return actOnComplaint(deps, actor, input, 'rate', async ({ t }) => {
    if (t.rating !== null) throw new AppError('complaint_already_rated');
    return {
      changes: { rating: input.rating, rating_note: input.note ?? null },
      event: { rating: input.rating },
      result: { id: t.id, state: 'closed' as const, version: t.version + 1 },
    };
  });
}
