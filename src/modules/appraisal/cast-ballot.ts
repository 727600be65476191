import { randomUUID } from 'node:crypto';
import { systemActor, type Actor } from '../../shared/actor.js';
import { fromJson, toJson } from '../../shared/json.js';
import { AppError, notFound, type FieldError } from '../../server/errors.js';
import { audited } from '../audit/audited-transaction.js';
import type { AppraisalDeps } from './appraisal-deps.js';
import { codeHash } from './ballot-codes.js';
import { VERDICTS, type Verdict } from './dimensions.js';
import { findCampaign, insertBallot, insertUsedCode, isUsedCode, takeValidCode } from './repository.js';

/** Every department of the campaign, on every dimension: 满意 / 基本满意 / 不满意. */
function checkScores(
  departments: string[],
  dimensions: string[],
  scores: Record<string, Record<string, string>>,
) {
  const errors: FieldError[] = [];
  for (const d of departments)
    for (const dim of dimensions)
      if (!VERDICTS.includes(scores[d]?.[dim] as Verdict))
        errors.push({
          path: `/body/scores/${d}/${dim}`,
          code: 'required',
          zh: `请对“${dim}”作出评价`,
          en: `Give a verdict on "${dim}"`,
        });
  for (const d of Object.keys(scores))
    if (!departments.includes(d))
      errors.push({
        path: `/body/scores/${d}`,
        code: 'invalid',
        zh: '不在本次评议范围',
        en: 'Not appraised here',
      });
  return errors;
}

/**
 * A panel member votes with a one-time code. In one transaction the code's hash leaves the valid
 * list (only one of two votes with the same code can take it), joins the used list, and the ballot
 * is written with its category and verdicts only: no code, no time, no person, a random id. The
 * audit event is the system's and names the campaign, not the ballot or the voter's address.
 */
export async function castBallot(
  deps: AppraisalDeps,
  actor: Actor,
  input: { campaignId: string; code: string; scores: Record<string, Record<string, string>> },
) {
  const c = await findCampaign(deps.db, input.campaignId);
  if (!c) throw notFound('appraisal_campaign', input.campaignId);
  if (c.state !== 'open') throw new AppError('appraisal_invalid_state', { state: c.state, step: 'vote' });
  const departments = fromJson<string[]>(c.departments, []);
  const dimensions = fromJson<string[]>(c.dimensions, []);
  const errors = checkScores(departments, dimensions, input.scores);
  if (errors.length)
    throw new AppError('validation_failed', { summary: errors.map((e) => e.path).join(', ') }, errors);
  const hash = codeHash(c.id, input.code);
  const voted = await deps.codeGate.guard(actor.ip ?? 'unknown', deps.clock.now(), () =>
    audited(deps.db, deps.clock, systemActor('appraisal-ballot'), async (uow) => {
      const taken = await takeValidCode(uow.db, c.id, hash);
      if (!taken) {
        if (await isUsedCode(uow.db, hash)) throw new AppError('appraisal_code_used');
        return uow.unchanged(undefined);
      }
      await insertUsedCode(uow.db, c.id, hash);
      const scores: Record<string, Record<string, string>> = {};
      for (const d of departments)
        scores[d] = Object.fromEntries(dimensions.map((dim) => [dim, input.scores[d]![dim]!]));
      await insertBallot(uow.db, {
        id: randomUUID(),
        campaign_id: c.id,
        category: taken.category,
        scores: toJson(scores),
      });
      await uow.audit({ action: 'appraisal.ballot_cast', entityType: 'appraisal_campaign', entityId: c.id });
      return true as const;
    }),
  );
  if (!voted) throw new AppError('appraisal_code_invalid');
  return { accepted: true };
}
