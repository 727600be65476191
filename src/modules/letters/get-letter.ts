import type { Actor } from '../../shared/actor.js';
import { authorize } from '../../shared/policy.js';
import { notFound } from '../../server/errors.js';
import { clockEvents, findClock } from '../clock/clock-reads.js';
import { localDate } from '../clock/local-time.js';
import { presentClock } from '../clock/presenter.js';
import type { LetterDeps } from './letter-deps.js';
import { allowedLetterActions } from './letter-machine.js';
import { letterPolicy } from './policy.js';
import { presentLetter } from './presenter.js';
import { findLetterView } from './repository.js';
import { findDocumentByNumber } from '../documents/document-reads.js';
import type { DocumentState } from '../documents/schemas.js';

/** A letter with its reply clock (and why the deadline falls where it does) and what the viewer may do now. */
export async function getLetter(deps: LetterDeps, actor: Actor, id: string) {
  const l = await findLetterView(deps.db, id);
  if (!l) throw notFound('letter', id);
  const parties = { departmentId: l.department_id };
  authorize(actor, letterPolicy.read, parties, 'letter.read');
  const now = deps.clock.now();
  const clockRow = l.clock_id ? await findClock(deps.db, l.clock_id) : undefined;
  const clock = clockRow
    ? presentClock(
        await deps.calendars.get(),
        clockRow,
        localDate(now),
        await clockEvents(deps.db, [clockRow.id]),
      )
    : null;
  const reply =
    l.reply_number && !l.reply_key ? await findDocumentByNumber(deps.db, l.reply_number) : undefined;
  return presentLetter(actor, l, now.toISOString(), {
    clock,
    replyDocument: reply && { state: reply.state as DocumentState, sha256: reply.sha256 },
    allowedActions: allowedLetterActions(actor, { ...parties, state: l.state }),
  });
}
