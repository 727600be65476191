import type { Actor } from '../../shared/actor.js';
import { localDate } from '../clock/local-time.js';
import { actOnComplaint } from './act-on-complaint.js';
import type { ComplaintDeps } from './complaint-deps.js';
import { reporterNotice } from './reporter-notice.js';
import { limitOf, stopIfOpen } from './ticket-clocks.js';

/** 受理: the center accepts the report; a real-name reporter is told, with the day the answer is due. */
export function acceptComplaint(
  deps: ComplaintDeps,
  actor: Actor,
  input: { id: string; version: number; note?: string },
) {
  return actOnComplaint(deps, actor, input, 'accept', async ({ uow, cal, t }) => {
    await stopIfOpen(uow, cal, t.acceptance_clock_id, 'accepted');
    const today = localDate(uow.now);
    const due = cal.addWorkingDays(today, await limitOf(uow, t));
    return {
      state: 'accepted',
      changes: { accepted_date: today },
      event: { note: input.note ?? null },
      notify: reporterNotice(t, 'complaint_accepted', { dueDate: due }),
      result: { id: t.id, state: 'accepted' as const, version: t.version + 1 },
    };
  });
}
