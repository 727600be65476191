import type { Actor } from '../../shared/actor.js';
import { AppError } from '../../server/errors.js';
import { recordRating } from '../ratings/record-rating.js';
import { actOnComplaint } from './act-on-complaint.js';
import type { ComplaintDeps } from './complaint-deps.js';

/**
 * 评价: the reporter rates the handling once (5 非常满意 … 1 非常不满意). The rating itself is written
 * by the ratings module's one write path, in the ticket's transaction (a bad one opens a
 * rectification there); the ticket keeps only its level, as the mark of its last step.
 */
export function rateComplaint(
  deps: ComplaintDeps,
  actor: Actor,
  input: { id: string; codeProved: boolean; rating: number; note?: string },
) {
  return actOnComplaint(deps, actor, input, 'rate', async ({ uow, cal, t }) => {
    if (t.rating !== null) throw new AppError('complaint_already_rated');
    await recordRating(uow, cal, deps.ratings, {
      channel: 'complaint',
      subject: { type: 'complaint', id: t.id, ref: t.ticket_no },
      departmentId: t.assigned_department_id ?? t.department_id,
      level: input.rating,
      comment: input.note ?? null,
      rater: t.anonymous
        ? null
        : { userId: t.reporter_user_id, name: t.reporter_name, phone: t.reporter_phone },
    });
    return {
      changes: { rating: input.rating, rating_note: input.note ?? null },
      event: { rating: input.rating },
      result: { id: t.id, state: 'closed' as const, version: t.version + 1 },
    };
  });
}
