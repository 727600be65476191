import type { Actor } from '../../shared/actor.js';
import { findClock } from '../clock/clock-reads.js';
import { stopClock } from '../clock/stop-clock.js';
import { actOnLetter, letterStep } from './act-on-letter.js';
import { issueReply } from './issue-reply.js';
import type { LetterDeps } from './letter-deps.js';
import { departmentOf } from './repository.js';

/**
 * The assigned department answers: the reply is recorded, the reply letter issued (its PDF follows), and
 * the reply clock stopped, keeping whether the answer came in time.
 */
export async function answerLetter(
  deps: LetterDeps,
  actor: Actor,
  id: string,
  input: { version: number; replyText: string },
) {
  return actOnLetter(deps, actor, id, 'answer', input.version, async ({ uow, cal, l }) => {
    const clock = (await findClock(uow.db, l.clock_id!))!;
    const department = (await departmentOf(uow.db, l.department_id!))!;
    const reply = await issueReply(deps, uow, l, department, {
      replyText: input.replyText,
      dueDate: clock.due_date,
    });
    const stopped = await stopClock(uow, cal, clock.id, 'answered');
    const onTime = uow.nowIso < stopped.overdue_at;
    await uow.audit({
      action: 'letter.answer',
      entityType: 'letter',
      entityId: l.id,
      data: {
        ...letterStep(l, 'answered'),
        replyNumber: reply.number,
        contentSha256: reply.contentSha256,
        onTime,
      },
    });
    return {
      state: 'answered',
      changes: {
        reply_text: input.replyText.trim(),
        replied_at: uow.nowIso,
        replied_by: actor.id,
        reply_number: reply.number,
        // (the PDF's hash and key are the document's, found by its number, once rendered)
        reply_sha256: null,
        reply_key: null,
        extension_days: null,
        extension_reason: null,
        extension_requested_by: null,
      },
      result: { replyNumber: reply.number, contentSha256: reply.contentSha256, onTime },
    };
  });
}
