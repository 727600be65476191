import type { Actor } from '../../shared/actor.js';
import { actOnComplaint } from './act-on-complaint.js';
import type { ComplaintDeps } from './complaint-deps.js';
import { stopIfOpen } from './ticket-clocks.js';

/** 答复: the handler answers; the handling clock stops, on time or not. */
export function replyComplaint(
  deps: ComplaintDeps,
  actor: Actor,
  input: { id: string; version: number; reply: string },
) {
  return actOnComplaint(deps, actor, input, 'reply', async ({ uow, cal, t }) => {
    await stopIfOpen(uow, cal, t.handling_clock_id, 'replied');
    return {
      state: 'replied',
      changes: { reply: input.reply, replied_at: uow.nowIso },
      event: { reply: input.reply },
      result: { id: t.id, state: 'replied' as const, version: t.version + 1 },
    };
  });
}
