import type { Actor } from '../../shared/actor.js';
import { AppError } from '../../server/errors.js';
import { stopClock } from '../clock/stop-clock.js';
import type { CaseDeps } from './case-deps.js';
import { actOnCase, applicantNotice } from './act-on-case.js';
import { taskClockIds } from './repository-tasks.js';
import { openClockIds } from '../clock/clock-reads.js';

/** The applicant withdraws (终止) before the decision; every running clock of the case stops. */
export async function withdrawCase(
  deps: CaseDeps,
  actor: Actor,
  caseId: string,
  version: number,
  input: { reason: string },
) {
  return actOnCase(deps, actor, caseId, 'withdraw', version, async ({ uow, cal, c }) => {
    if (!input.reason.trim())
      throw new AppError('validation_failed', { summary: '/body/reason' }, [
        { path: '/body/reason', code: 'reason_required', zh: '请填写撤回原因', en: 'Give a reason' },
      ]);
    const ids = [c.acceptance_clock_id, c.case_clock_id, ...(await taskClockIds(uow.db, c.id))].filter(
      (x): x is string => !!x,
    );
    for (const id of await openClockIds(uow.db, ids)) await stopClock(uow, cal, id, 'withdrawn');
    return {
      state: 'withdrawn',
      changes: { completed_at: uow.nowIso },
      event: { reason: input.reason },
      notify: c.state === 'draft' ? [] : [applicantNotice(c, 'case_withdrawn')],
      result: { withdrawnAt: uow.nowIso },
    };
  });
}
