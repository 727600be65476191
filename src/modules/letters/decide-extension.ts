import type { Actor } from '../../shared/actor.js';
import { AppError } from '../../server/errors.js';
import { extendClock } from '../clock/extend-clock.js';
import { findUser } from '../identity/user-reads.js';
import { actOnLetter, letterStep } from './act-on-letter.js';
import type { LetterDeps } from './letter-deps.js';

/** The department head grants or refuses the extension asked for; granted, the reply clock moves. */
export async function decideLetterExtension(
  deps: LetterDeps,
  actor: Actor,
  id: string,
  input: { version: number; approve: boolean; note?: string },
) {
  return actOnLetter(deps, actor, id, 'decide_extension', input.version, async ({ uow, cal, l }) => {
    if (l.extension_days === null)
      throw new AppError('invalid_state', {
        state: 'no extension requested / 无延期申请',
        action: 'decide_extension',
        allowed: 'request_extension, answer',
      });
    const days = l.extension_days;
    let dueDate: string | null = null;
    if (input.approve) {
      const head = await findUser(uow.db, actor.id!);
      const clock = await extendClock(uow, cal, l.clock_id!, {
        days,
        approvedBy: actor.id!,
        approvedByName: head?.display_name ?? actor.username ?? 'head',
        reason: l.extension_reason ?? '',
        basis: '来函办理延期，经承办部门负责人批准',
      });
      dueDate = clock.due_date;
    }
    await uow.audit({
      action: 'letter.decide_extension',
      entityType: 'letter',
      entityId: l.id,
      data: { ...letterStep(l), approved: input.approve, days, dueDate, note: input.note ?? null },
    });
    return {
      changes: { extension_days: null, extension_reason: null, extension_requested_by: null },
      result: { approved: input.approve, dueDate },
    };
  });
}
