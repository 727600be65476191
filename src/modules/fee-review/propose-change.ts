import type { Actor } from '../../shared/actor.js';
import { authorize } from '../../shared/policy.js';
import { fromJson, toJson } from '../../shared/json.js';
import { AppError, notFound, staleVersion, type FieldError } from '../../server/errors.js';
import { audited } from '../audit/audited-transaction.js';
import { feeAmountFen, feeRuleProblems } from '../catalogue/fee-amount.js';
import type { FeeRuleT } from '../catalogue/schemas.js';
import type { ConductDeps } from '../commitments/commitment-deps.js';
import { feeReviewPolicy } from './policy.js';
import { findLine, updateLine } from './repository.js';
import type { ProposeBodyT } from './schemas.js';
import { getLine } from './list-rounds.js';

/** A reduction must charge less for every quantity: compared at one piece and at a spread of sizes. */
function isReduction(oldRule: FeeRuleT, newRule: FeeRuleT): boolean {
  if (oldRule.kind !== newRule.kind) return false;
  const qs = [1, 10, 100, 1000, 10000];
  const lower = qs.every((q) => feeAmountFen(newRule, q) <= feeAmountFen(oldRule, q));
  return lower && qs.some((q) => feeAmountFen(newRule, q) < feeAmountFen(oldRule, q));
}

/** The fee's department proposes keep, reduce (to a new standard) or abolish, with its reasons. */
export async function proposeChange(deps: ConductDeps, actor: Actor, lineId: string, input: ProposeBodyT) {
  const l = await findLine(deps.db, lineId);
  if (!l) throw notFound('fee review line', lineId);
  authorize(actor, feeReviewPolicy.propose, l.department_id, 'feereview.propose');
  const errors: FieldError[] = [];
  if (input.proposal === 'reduce') {
    if (!input.newStandard)
      errors.push({
        path: '/body/newStandard',
        code: 'required',
        zh: '降低标准须写明新标准',
        en: 'A reduction states the new standard',
      });
    if (!input.newRule)
      errors.push({
        path: '/body/newRule',
        code: 'required',
        zh: '降低标准须给出新的计费规则',
        en: 'A reduction gives the new charging rule',
      });
    else {
      for (const p of feeRuleProblems(input.newRule))
        errors.push({ path: `/body/newRule${p.path}`, code: 'invalid_rule', zh: p.zh, en: p.en });
      if (!isReduction(fromJson<FeeRuleT>(l.old_rule, { kind: 'fixed', amountFen: 0 }), input.newRule))
        errors.push({
          path: '/body/newRule',
          code: 'not_lower',
          zh: '新标准须低于现行标准（同一计费方式）',
          en: 'The new standard must be lower than the current one (same kind of rule)',
        });
    }
  } else if (input.newRule || input.newStandard)
    errors.push({
      path: '/body/newRule',
      code: 'not_allowed',
      zh: '只有降低标准才填写新标准',
      en: 'Only a reduction has a new standard',
    });
  if (errors.length)
    throw new AppError('validation_failed', { summary: errors.map((e) => e.path).join(', ') }, errors);
  await audited(deps.db, deps.clock, actor, async (uow) => {
    const cur = (await findLine(uow.db, lineId))!;
    if (cur.state !== 'pending' && cur.state !== 'returned')
      throw new AppError('invalid_state', {
        state: cur.state,
        action: 'propose',
        allowed: 'pending, returned',
      });
    if (
      !(await updateLine(uow.db, lineId, input.version, {
        state: 'proposed',
        proposal: input.proposal,
        new_standard: input.newStandard?.trim() ?? null,
        new_rule: input.newRule ? toJson(input.newRule) : null,
        reason: input.reason.trim(),
        proposed_by: actor.id,
        proposed_at: uow.nowIso,
      }))
    )
      throw staleVersion(cur.version, input.version);
    await uow.audit({
      action: 'feereview.proposed',
      entityType: 'feereview_line',
      entityId: lineId,
      data: { feeCode: cur.fee_code, proposal: input.proposal },
    });
  });
  return getLine(deps, actor, lineId);
}
