import type { Actor } from '../../shared/actor.js';
import { AppError } from '../../server/errors.js';
import { findClock } from '../clock/clock-reads.js';
import { actOnLetter, letterStep } from './act-on-letter.js';
import type { LetterDeps } from './letter-deps.js';

/** The department asks its head for more time, saying why and how much; one request at a time. */
export async function requestLetterExtension(
  deps: LetterDeps,
  actor: Actor,
  id: string,
  input: { version: number; days: number; reason: string },
) {
  return actOnLetter(deps, actor, id, 'request_extension', input.version, async ({ uow, l }) => {
    if (l.extension_days !== null)
      throw new AppError('invalid_state', {
        state: 'extension pending / 延期申请待批',
        action: 'request_extension',
        allowed: 'decide_extension',
      });
    const clock = (await findClock(uow.db, l.clock_id!))!;
    if (clock.extensions_count >= clock.max_extensions)
      throw new AppError('extension_refused', {
        reason: `already extended ${clock.extensions_count} time(s) / 已延期 ${clock.extensions_count} 次`,
      });
    if (input.days > clock.max_extension_days - clock.extension_days)
      throw new AppError('extension_refused', {
        reason: `at most ${clock.max_extension_days} working days / 最多延长 ${clock.max_extension_days} 个工作日`,
      });
    await uow.audit({
      action: 'letter.request_extension',
      entityType: 'letter',
      entityId: l.id,
      data: { ...letterStep(l), days: input.days, reason: input.reason },
    });
    return {
      changes: {
        extension_days: input.days,
        extension_reason: input.reason,
        extension_requested_by: actor.id,
      },
      result: null,
    };
  });
}
