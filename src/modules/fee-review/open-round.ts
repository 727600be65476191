import type { Actor } from '../../shared/actor.js';
import { authorize } from '../../shared/policy.js';
import { newId } from '../../shared/ids.js';
import { AppError } from '../../server/errors.js';
import { audited } from '../audit/audited-transaction.js';
import type { ConductDeps } from '../commitments/commitment-deps.js';
import { feeReviewPolicy } from './policy.js';
import { findRound, insertLines, insertRound, openLinesFor, publishedFees } from './repository.js';
import { roundView } from './views.js';

/** The authority opens a review round: each fee line goes to its department with its legal basis. */
export async function openRound(
  deps: ConductDeps,
  actor: Actor,
  input: { title: string; feeCodes?: string[] },
) {
  authorize(actor, feeReviewPolicy.manage, undefined, 'feereview.open');
  const id = await audited(deps.db, deps.clock, actor, async (uow) => {
    const fees = await publishedFees(uow.db, input.feeCodes);
    const missing = (input.feeCodes ?? []).filter((c) => !fees.some((f) => f.code === c));
    const busy = (
      await openLinesFor(
        uow.db,
        fees.map((f) => f.code),
      )
    ).map((l) => l.fee_code);
    const problems = [
      ...missing.map((c) => ({
        path: `/body/feeCodes/${input.feeCodes!.indexOf(c)}`,
        code: 'not_published',
        zh: `${c} 不在现行收费目录中`,
        en: `${c} is not in the published fee catalogue`,
      })),
      ...busy.map((c) => ({
        path: `/body/feeCodes/${Math.max(0, (input.feeCodes ?? []).indexOf(c))}`,
        code: 'under_review',
        zh: `${c} 正在另一轮清理中`,
        en: `${c} is under review in another round`,
      })),
    ];
    if (problems.length || !fees.length)
      throw new AppError(
        'validation_failed',
        { summary: '/body/feeCodes' },
        problems.length
          ? problems
          : [{ path: '/body/feeCodes', code: 'empty', zh: '没有可清理的收费项目', en: 'No fee to review' }],
      );
    const id = newId(uow.now.getTime());
    await insertRound(uow.db, {
      id,
      title: input.title.trim(),
      state: 'open',
      created_by: actor.id,
      created_at: uow.nowIso,
      version: 1,
    });
    await insertLines(
      uow.db,
      fees.map((f) => ({
        id: newId(uow.now.getTime()),
        round_id: id,
        fee_code: f.code,
        fee_name: f.name,
        department_id: f.department_id,
        basis: f.basis,
        standard: f.standard,
        old_rule: f.rule,
        state: 'pending',
        proposal: null,
        new_standard: null,
        new_rule: null,
        reason: null,
        proposed_by: null,
        proposed_at: null,
        decided_by: null,
        decided_at: null,
        decision_note: null,
        effective_date: null,
        applied_at: null,
        previous_year_fen: null,
        yearly_saving_fen: null,
        version: 1,
      })),
    );
    await uow.audit({
      action: 'feereview.round_opened',
      entityType: 'feereview_round',
      entityId: id,
      data: { title: input.title.trim(), lines: fees.length },
    });
    return id;
  });
  return roundView(deps.db, (await findRound(deps.db, id))!);
}
