import { systemActor } from '../../shared/actor.js';
import { AppError } from '../../server/errors.js';
import { localDate } from '../clock/local-time.js';
import type { CaseDeps } from './case-deps.js';
import { actOnCase } from './act-on-case.js';
import { beginReview } from './begin-review.js';
import { receivedPastAcceptance } from './repository.js';

/**
 * Art. 32: an agency that does not tell the applicant what to supplement within five working days
 * has accepted the application, from the day it was received. Run after every supervision pass;
 * it reads the state it acts on (received cases whose acceptance clock is red), so a crash between
 * the two loses nothing — the next pass finds the same cases.
 */
export async function deemAcceptOverdue(deps: CaseDeps): Promise<number> {
  const due = await receivedPastAcceptance(deps.db, 200);
  const actor = systemActor('deemed-acceptance');
  let n = 0;
  let failure: unknown;
  const deem = (id: string) =>
    actOnCase(deps, actor, id, 'accept', undefined, async ({ uow, cal, c }) => {
      const acceptanceDate = localDate(new Date(c.received_at ?? c.submitted_at ?? uow.nowIso));
      const r = await beginReview(uow, deps, cal, c, { document: 'acceptance_notice', acceptanceDate });
      return {
        state: 'under_review',
        changes: r.changes,
        event: { deemed: true, acceptanceDate, dueDate: r.dueDate, document: r.document.number },
        notify: r.notify,
        result: null,
      };
    });
  for (const { id } of due) {
    for (let attempt = 1; ; attempt++) {
      try {
        await deem(id);
        n++;
      } catch (e) {
        const code = e instanceof AppError ? e.code : undefined;
        // Someone acted first (a clerk's notice or acceptance, another instance's pass). Changed
        // under us: read it again, once. Left 'received': the law has nothing more to deem.
        if (code === 'stale_version' && attempt === 1) continue;
        if (code === 'invalid_state') break;
        failure ??= e; // reported after the other cases have had their turn
      }
      break;
    }
  }
  if (failure !== undefined) throw failure;
  return n;
}
