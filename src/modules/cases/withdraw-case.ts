import type { Actor } from '../../shared/actor.js';
import { AppError } from '../../server/errors.js';
import { stopClock } from '../clock/stop-clock.js';
import type { CaseDeps } from './case-deps.js';
import { actOnCase, applicantNotice } from './act-on-case.js';

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
    const tasks = await uow.db
      .selectFrom('case_tasks')
      .select(['clock_id'])
      .where('case_id', '=', c.id)
      .execute();
    const ids = [c.acceptance_clock_id, c.case_clock_id, ...tasks.map((t) => t.clock_id)].filter(
      (x): x is string => !!x,
    );
    const running = ids.length
      ? await uow.db
          .selectFrom('clocks')
          .select('id')
          .where('id', 'in', ids)
          .where('status', '!=', 'stopped')
          .execute()
      : [];
    for (const r of running) await stopClock(uow, cal, r.id, 'withdrawn');
    return {
      state: 'withdrawn',
      changes: { completed_at: uow.nowIso },
      event: { reason: input.reason },
      notify: c.state === 'draft' ? [] : [applicantNotice(c, 'case_withdrawn')],
      result: { withdrawnAt: uow.nowIso },
    };
  });
}
