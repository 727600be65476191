import type { Actor } from '../../shared/actor.js';
import { AppError } from '../../server/errors.js';
import { stopClock } from '../clock/stop-clock.js';
import type { CaseDeps } from './case-deps.js';
import { actOnCase, applicantNotice } from './act-on-case.js';
import { findClock } from '../clock/clock-reads.js';

export const RECONSIDERATION_BODY = '清河市人民政府';
export const LITIGATION_COURT = '清河市人民法院';

/**
 * 不予受理 (Art. 32 (1)(2)): the reasons in writing, the competent agency when the matter belongs
 * elsewhere, and the rights of reconsideration and litigation.
 */
export async function refuseIntake(
  deps: CaseDeps,
  actor: Actor,
  caseId: string,
  version: number,
  input: { reasons: string[]; competentAgency?: string },
) {
  return actOnCase(deps, actor, caseId, 'refuse_intake', version, async ({ uow, cal, c }) => {
    const reasons = input.reasons.map((r) => r.trim()).filter(Boolean);
    if (!reasons.length)
      throw new AppError('validation_failed', { summary: '/body/reasons' }, [
        {
          path: '/body/reasons',
          code: 'reasons_required',
          zh: '不予受理必须说明理由',
          en: 'A refusal to accept must give reasons',
        },
      ]);
    if (c.acceptance_clock_id) {
      const ac = await findClock(uow.db, c.acceptance_clock_id);
      if (ac && ac.status !== 'stopped') await stopClock(uow, cal, ac.id, 'not_accepted');
    }
    const doc = await deps.documents.issue(uow, c, 'non_acceptance_notice', {
      reasons,
      ...(input.competentAgency ? { competentAgency: input.competentAgency } : {}),
      reconsiderationBody: RECONSIDERATION_BODY,
      litigationCourt: LITIGATION_COURT,
    });
    return {
      state: 'not_accepted',
      changes: { completed_at: uow.nowIso },
      event: { reasons, competentAgency: input.competentAgency ?? null, document: doc.number },
      notify: [applicantNotice(c, 'case_not_accepted', { reasons })],
      result: { document: doc },
    };
  });
}
