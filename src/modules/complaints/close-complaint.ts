import type { Actor } from '../../shared/actor.js';
import { startClock } from '../clock/start-clock.js';
import { actOnComplaint } from './act-on-complaint.js';
import type { ComplaintDeps } from './complaint-deps.js';
import { mergedInto } from './repository.js';
import { reporterNotice } from './reporter-notice.js';

/**
 * 办结: the center closes an answered ticket. Its reporter, and the reporter of every ticket merged
 * into it, is told the one result; a real-name report starts a 15-working-day clock for the result
 * to reach the reporter, which the call-back (回访) stops.
 */
export function closeComplaint(
  deps: ComplaintDeps,
  actor: Actor,
  input: { id: string; version: number; note?: string },
) {
  return actOnComplaint(deps, actor, input, 'close', async ({ uow, cal, t }) => {
    const reply = t.reply ?? '';
    const merged = await mergedInto(uow.db, t.id);
    const notify = [t, ...merged].flatMap((m) => reporterNotice(m, 'complaint_result', { reply }));
    const result = t.anonymous
      ? null
      : await startClock(uow, cal, {
          subjectType: 'complaint_result',
          subjectId: t.id,
          label: `举报结果告知 ${t.ticket_no}`,
          limitDays: deps.settings.noticeDays,
          basis: 'real-name reporters get the result within 15 working days of closing',
        });
    return {
      state: 'closed',
      changes: { closed_at: uow.nowIso, result_clock_id: result?.id ?? null },
      event: {
        note: input.note ?? null,
        toldReporters: notify.length,
        merged: merged.map((m) => m.ticket_no),
      },
      notify,
      result: { id: t.id, state: 'closed' as const, version: t.version + 1 },
    };
  });
}
