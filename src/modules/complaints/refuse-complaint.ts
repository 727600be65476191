import type { Actor } from '../../shared/actor.js';
import { toJson } from '../../shared/json.js';
import { actOnComplaint } from './act-on-complaint.js';
import type { ComplaintDeps } from './complaint-deps.js';
import { reporterNotice } from './reporter-notice.js';
import { stopIfOpen } from './ticket-clocks.js';

/** 不予受理: the center does not accept the report, with reasons the reporter is told. */
export function refuseComplaint(
  deps: ComplaintDeps,
  actor: Actor,
  input: { id: string; version: number; reasons: string[] },
) {
  return actOnComplaint(deps, actor, input, 'refuse', async ({ uow, cal, t }) => {
    await stopIfOpen(uow, cal, t.acceptance_clock_id, 'not_accepted');
    return {
      state: 'not_accepted',
      changes: { refusal_reasons: toJson(input.reasons), closed_at: uow.nowIso },
      event: { reasons: input.reasons },
      notify: reporterNotice(t, 'complaint_not_accepted', { reasons: input.reasons }),
      result: { id: t.id, state: 'not_accepted' as const, version: t.version + 1 },
    };
  });
}
