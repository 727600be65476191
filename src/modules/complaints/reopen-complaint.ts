import type { Actor } from '../../shared/actor.js';
import { AppError } from '../../server/errors.js';
import { localDate } from '../clock/local-time.js';
import { actOnComplaint } from './act-on-complaint.js';
import type { ComplaintDeps } from './complaint-deps.js';
import { assignedNotice } from './assigned-notice.js';
import { startHandlingClock, stopIfOpen } from './ticket-clocks.js';

/** The last day a closed ticket may be reopened: reopenDays working days after the day it closed. */
export const reopenUntil = (
  cal: { addWorkingDays(d: string, n: number): string },
  closedAt: string,
  days: number,
) => cal.addWorkingDays(localDate(new Date(closedAt)), days);

/**
 * The reporter reopens a closed ticket whose reply did not solve it, within the configured period.
 * It goes back to the same handler on a fresh clock from today; reopens are counted.
 */
export function reopenComplaint(
  deps: ComplaintDeps,
  actor: Actor,
  input: { id: string; codeProved: boolean; reason: string },
) {
  return actOnComplaint(deps, actor, input, 'reopen', async ({ uow, cal, t }) => {
    const until = reopenUntil(cal, t.closed_at ?? uow.nowIso, deps.settings.reopenDays);
    const today = localDate(uow.now);
    if (today > until)
      throw new AppError('complaint_reopen_expired', { days: deps.settings.reopenDays, until });
    await stopIfOpen(uow, cal, t.result_clock_id, 'reopened');
    const clock = await startHandlingClock(uow, cal, t, t.assigned_department_id, today);
    return {
      state: 'dispatched',
      changes: {
        reopen_count: t.reopen_count + 1,
        handling_clock_id: clock.id,
        closed_at: null,
        replied_at: null,
        rating: null,
        rating_note: null,
      },
      event: { reason: input.reason, dueDate: clock.due_date },
      notify: await assignedNotice(uow, t, t.assigned_department_id, clock.due_date),
      result: { id: t.id, state: 'dispatched' as const, version: t.version + 1 },
    };
  });
}
