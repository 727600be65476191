import type { Actor } from '../../shared/actor.js';
import { authorize } from '../../shared/policy.js';
import { AppError, notFound, staleVersion } from '../../server/errors.js';
import { audited } from '../audit/audited-transaction.js';
import { localDate } from '../clock/local-time.js';
import type { ConductDeps } from '../commitments/commitment-deps.js';
import { getLine } from './list-rounds.js';
import { feeReviewPolicy } from './policy.js';
import { findLine, updateLine } from './repository.js';
import { estimateSaving } from './savings.js';
import type { DecideBodyT } from './schemas.js';

/**
 * The price and finance authority approves a proposal (a reduction or abolition with the date it
 * takes effect, today or later) or sends it back with a note. Approval estimates the yearly saving.
 */
export async function decideChange(deps: ConductDeps, actor: Actor, lineId: string, input: DecideBodyT) {
  authorize(actor, feeReviewPolicy.manage, undefined, 'feereview.decide');
  const note = input.note?.trim() || null;
  await audited(deps.db, deps.clock, actor, async (uow) => {
    const l = await findLine(uow.db, lineId);
    if (!l) throw notFound('fee review line', lineId);
    if (l.state !== 'proposed')
      throw new AppError('invalid_state', { state: l.state, action: input.decision, allowed: 'proposed' });
    if (input.decision === 'return') {
      if (!note)
        throw new AppError('validation_failed', { summary: '/body/note' }, [
          { path: '/body/note', code: 'required', zh: '退回须说明理由', en: 'Say why it is sent back' },
        ]);
      if (
        !(await updateLine(uow.db, lineId, input.version, {
          state: 'returned',
          decision_note: note,
          decided_by: actor.id,
          decided_at: uow.nowIso,
        }))
      )
        throw staleVersion(l.version, input.version);
      await uow.audit({
        action: 'feereview.returned',
        entityType: 'feereview_line',
        entityId: lineId,
        data: { feeCode: l.fee_code, note },
      });
      return;
    }
    const changes = l.proposal !== 'keep';
    const today = localDate(uow.now);
    if (changes && (!input.effectiveDate || input.effectiveDate < today))
      throw new AppError('validation_failed', { summary: '/body/effectiveDate' }, [
        {
          path: '/body/effectiveDate',
          code: input.effectiveDate ? 'in_past' : 'required',
          zh: '降低或取消收费须定明生效日期（不早于今天）',
          en: 'A reduction or abolition takes effect on a date, today or later',
        },
      ]);
    const saving = changes
      ? await estimateSaving(
          uow.db,
          l.fee_code,
          l.proposal as 'reduce' | 'abolish',
          l.new_rule,
          input.effectiveDate!,
        )
      : null;
    if (
      !(await updateLine(uow.db, lineId, input.version, {
        state: 'approved',
        decision_note: note,
        decided_by: actor.id,
        decided_at: uow.nowIso,
        effective_date: changes ? input.effectiveDate! : null,
        previous_year_fen: saving?.previousYearFen ?? null,
        yearly_saving_fen: saving?.yearlySavingFen ?? null,
      }))
    )
      throw staleVersion(l.version, input.version);
    await uow.audit({
      action: 'feereview.approved',
      entityType: 'feereview_line',
      entityId: lineId,
      data: { feeCode: l.fee_code, proposal: l.proposal!, effectiveDate: input.effectiveDate ?? today },
    });
  });
  return getLine(deps, actor, lineId);
}
