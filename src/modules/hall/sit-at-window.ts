import type { Actor } from '../../shared/actor.js';
import { authorize } from '../../shared/policy.js';
import { AppError } from '../../server/errors.js';
import { audited } from '../audit/audited-transaction.js';
import type { HallDeps } from './hall-deps.js';
import { windowOrThrow } from './hall-support.js';
import { hallPolicy } from './policy.js';
import { findWindowOfStaff, updateWindow } from './repository.js';

/**
 * A clerk sits down at a window (leaving any other) or leaves it. A window someone else sits at is
 * refused; a window with a number still being served cannot be left.
 */
export async function sitAtWindow(
  deps: HallDeps,
  actor: Actor,
  input: { windowId: string; leave?: boolean },
) {
  authorize(actor, hallPolicy.sit, undefined, 'hall.sit');
  const w = await windowOrThrow(deps.db, input.windowId);
  return audited(deps.db, deps.clock, actor, async (uow) => {
    if (input.leave) {
      if (w.staff_id !== actor.id) return uow.unchanged(w.id);
      if (w.current_ticket_id) throw new AppError('hall_window_busy', { number: '…' });
      await updateWindow(uow.db, w.id, { staff_id: null, updated_at: uow.nowIso });
    } else {
      if (w.staff_id && w.staff_id !== actor.id) throw new AppError('hall_window_taken', { window: w.name });
      const mine = await findWindowOfStaff(uow.db, actor.id!);
      if (mine && mine.id !== w.id) {
        if (mine.current_ticket_id) throw new AppError('hall_window_busy', { number: '…' });
        await updateWindow(uow.db, mine.id, { staff_id: null, updated_at: uow.nowIso });
      }
      await updateWindow(uow.db, w.id, { staff_id: actor.id, updated_at: uow.nowIso });
    }
    await uow.audit({
      action: 'hall.window_sat',
      entityType: 'hall_window',
      entityId: w.id,
      data: { window: w.code, left: !!input.leave },
    });
    return w.id;
  });
}
