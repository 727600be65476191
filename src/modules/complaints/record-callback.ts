import type { Actor } from '../../shared/actor.js';
import { actOnComplaint } from './act-on-complaint.js';
import type { ComplaintDeps } from './complaint-deps.js';
import { stopIfOpen } from './ticket-clocks.js';

/** 回访: the center calls the reporter back and records it; reaching them stops the result clock. */
export function recordCallback(
  deps: ComplaintDeps,
  actor: Actor,
  input: { id: string; version: number; note: string; reached: boolean },
) {
  return actOnComplaint(deps, actor, input, 'callback', async ({ uow, cal, t }) => {
    if (input.reached) await stopIfOpen(uow, cal, t.result_clock_id, 'called_back');
    return {
      changes: { callback_note: input.note },
      event: { note: input.note, reached: input.reached },
      result: { id: t.id, state: 'closed' as const, version: t.version + 1 },
    };
  });
}
