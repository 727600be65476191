import type { Actor } from '../../shared/actor.js';
import { AppError, type FieldError } from '../../server/errors.js';
import type { CaseDeps } from './case-deps.js';
import { actOnCase } from './act-on-case.js';
import { beginReview } from './begin-review.js';
import { localDate } from '../clock/local-time.js';
import { awaitedRequiredMaterials, deferMaterials } from './repository-materials.js';

/**
 * 容缺受理: allowed only when every key material is present and each missing one is marked
 * deferrable by the item; the applicant's written commitment is recorded, the supply deadline may
 * not pass the committed limit, and no decision is made while a promised material is outstanding.
 */
export async function acceptWithShortfall(
  deps: CaseDeps,
  actor: Actor,
  caseId: string,
  version: number,
  input: { deadline: string; commitment: string },
) {
  return actOnCase(deps, actor, caseId, 'accept_with_shortfall', version, async ({ uow, cal, c }) => {
    const missing = await awaitedRequiredMaterials(uow.db, c.id);
    const errors: FieldError[] = [];
    if (!missing.length)
      errors.push({
        path: '/materials',
        code: 'nothing_missing',
        zh: '材料已齐全，应直接受理',
        en: 'Nothing is missing: accept normally',
      });
    for (const m of missing.filter((x) => !x.deferrable)) {
      errors.push({
        path: '/materials',
        code: 'not_deferrable',
        zh: `“${m.name}”是关键材料，不可容缺`,
        en: `"${m.name}" is a key material and cannot be deferred`,
      });
    }
    if (input.commitment.trim().length < 10)
      errors.push({
        path: '/body/commitment',
        code: 'commitment_required',
        zh: '须记录申请人的书面承诺',
        en: "The applicant's written commitment is required",
      });
    const today = localDate(uow.now); // the center's day, not UTC's
    const finalDue = cal.addWorkingDays(today, c.committed_days);
    if (input.deadline <= today || input.deadline > finalDue) {
      errors.push({
        path: '/body/deadline',
        code: 'deadline_out_of_range',
        zh: `补齐期限须在今天之后、承诺办结日（${finalDue}）之前`,
        en: `The deadline must be after today and no later than the committed completion date (${finalDue})`,
      });
    }
    if (errors.length)
      throw new AppError('validation_failed', { summary: errors.map((e) => e.path).join(', ') }, errors);
    await deferMaterials(
      uow.db,
      missing.map((m) => m.id),
      input.deadline,
      uow.nowIso,
    );
    const r = await beginReview(uow, deps, cal, c, {
      document: 'shortfall_acceptance_notice',
      specific: {
        missing: missing.map((m) => ({ name: m.name, form: '原件或复印件', deadline: input.deadline })),
        commitmentText: input.commitment,
        consequence: '逾期未补齐的，本机关将依法终止审查，已受理的申请不予许可。',
      },
    });
    return {
      state: 'under_review',
      changes: { ...r.changes, shortfall: 1 },
      event: {
        deferred: missing.map((m) => m.name),
        deadline: input.deadline,
        commitment: input.commitment,
        document: r.document.number,
      },
      notify: r.notify,
      result: { dueDate: r.dueDate, document: r.document, deferred: missing.map((m) => m.name) },
    };
  });
}
