import type { Actor } from '../../shared/actor.js';
import { AppError } from '../../server/errors.js';
import { actOnComplaint } from './act-on-complaint.js';
import { OPEN_STATES, type ComplaintState } from './complaint-machine.js';
import type { ComplaintDeps } from './complaint-deps.js';
import { findComplaint } from './repository.js';
import { stopIfOpen } from './ticket-clocks.js';

/**
 * 并单: a duplicate is merged into another open ticket. Its clocks stop; its reporter is told the
 * result of the ticket it joined when that one closes (close-complaint.ts).
 */
export function mergeComplaints(
  deps: ComplaintDeps,
  actor: Actor,
  input: { id: string; version: number; intoId: string },
) {
  return actOnComplaint(deps, actor, input, 'merge', async ({ uow, cal, t }) => {
    const target = await findComplaint(uow.db, input.intoId);
    const refuse = (zh: string, en: string) =>
      new AppError('complaint_merge_target', {
        target: target?.ticket_no ?? input.intoId,
        reason: `${zh} / ${en}`,
      });
    if (!target) throw refuse('工单不存在', 'no such ticket');
    if (target.id === t.id) throw refuse('不能并入自身', 'a ticket cannot be merged into itself');
    if (!OPEN_STATES.includes(target.state as ComplaintState))
      throw refuse('目标工单已结束或已被合并', 'the target is no longer open');
    await stopIfOpen(uow, cal, t.acceptance_clock_id, 'merged');
    await stopIfOpen(uow, cal, t.handling_clock_id, 'merged');
    return {
      state: 'merged',
      changes: { merged_into_id: target.id },
      event: { intoId: target.id, intoTicketNo: target.ticket_no },
      result: { id: t.id, state: 'merged' as const, version: t.version + 1 },
    };
  });
}
