import type { Actor } from '../../shared/actor.js';
import { authorize } from '../../shared/policy.js';
import { newId } from '../../shared/ids.js';
import { fromJson } from '../../shared/json.js';
import { AppError, notFound } from '../../server/errors.js';
import { audited } from '../audit/audited-transaction.js';
import type { AppraisalDeps } from './appraisal-deps.js';
import { codeHash, newBallotCode } from './ballot-codes.js';
import type { PanelCategory } from './dimensions.js';
import { appraisalPolicy } from './policy.js';
import { batchesOf, findCampaign, insertBatch, insertValidCodes } from './repository.js';

/**
 * Issues a batch of one-time ballot codes for one category of the panel, to be printed or sent.
 * The codes are answered once and never stored: only their hashes, as valid codes. The batch says
 * how many went to which category, not to whom, so no code (and no ballot) leads back to a member.
 */
export async function issueCodes(
  deps: AppraisalDeps,
  actor: Actor,
  input: { campaignId: string; category: PanelCategory; count: number; delivery: 'printed' | 'sent' },
) {
  authorize(actor, appraisalPolicy.manage, undefined, 'appraisal.issue_codes');
  return audited(deps.db, deps.clock, actor, async (uow) => {
    const c = await findCampaign(uow.db, input.campaignId);
    if (!c) throw notFound('appraisal_campaign', input.campaignId);
    if (c.state !== 'open')
      throw new AppError('appraisal_invalid_state', { state: c.state, step: 'issue codes' });
    const panel = fromJson<Record<string, number>>(c.panel, {})[input.category] ?? 0;
    const issued = (await batchesOf(uow.db, c.id))
      .filter((b) => b.category === input.category)
      .reduce((s, b) => s + b.count, 0);
    if (issued + input.count > panel)
      throw new AppError('appraisal_panel_full', {
        category: input.category,
        panel,
        issued,
        count: input.count,
      });
    const codes = new Set<string>();
    while (codes.size < input.count) codes.add(newBallotCode());
    const rows = [...codes].map((code) => ({
      code_hash: codeHash(c.id, code),
      campaign_id: c.id,
      category: input.category,
    }));
    for (let i = 0; i < rows.length; i += 500) await insertValidCodes(uow.db, rows.slice(i, i + 500));
    const batchId = newId(uow.now.getTime());
    await insertBatch(uow.db, {
      id: batchId,
      campaign_id: c.id,
      category: input.category,
      count: input.count,
      delivery: input.delivery,
      issued_by: actor.id,
      issued_at: uow.nowIso,
    });
    await uow.audit({
      action: 'appraisal.codes_issued',
      entityType: 'appraisal_campaign',
      entityId: c.id,
      data: { category: input.category, count: input.count, delivery: input.delivery },
    });
    // Sorted: the printout follows no order of issue.
    return { batchId, category: input.category, codes: [...codes].sort() };
  });
}
