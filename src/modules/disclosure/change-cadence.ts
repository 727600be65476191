import type { Actor } from '../../shared/actor.js';
import { authorize } from '../../shared/policy.js';
import { AppError, notFound, staleVersion } from '../../server/errors.js';
import { audited } from '../audit/audited-transaction.js';
import { localDate } from '../clock/local-time.js';
import type { DisclosureDeps } from './disclosure-deps.js';
import { disclosurePolicy } from './policy.js';
import { findVillage, publishedPeriods, updateVillage } from './repository-villages.js';
import { putTerm, termsOf } from './repository-terms.js';
import { periodBounds } from './periods.js';
import { earliestStart, refuseStart, termOn, type StartRefusal } from './terms.js';
import type { CadenceInput } from './schemas.js';
import { getVillage } from './get-village.js';

/**
 * Changes a village's cadence (monthly where transactions are many) or its due days from a period
 * on: by default the first the change may apply to. Periods that have ended keep their due days and
 * their statements; a change scheduled later gives way to this one. The audit event keeps the terms
 * before and after.
 */
export async function changeCadence(deps: DisclosureDeps, actor: Actor, id: string, input: CadenceInput) {
  const found = await findVillage(deps.db, id);
  if (!found) throw notFound('disclosure_village', id);
  authorize(actor, disclosurePolicy.manageVillages, found.department_id, 'disclosure.change_cadence');
  await audited(deps.db, deps.clock, actor, async (uow) => {
    const v = (await findVillage(uow.db, found.id))!;
    if (v.version !== input.version) throw staleVersion(v.version, input.version);
    const today = localDate(uow.now);
    const terms = await termsOf(uow.db, v.id);
    const published = await publishedPeriods(uow.db, v.id);
    const lastEnd =
      published
        .map((p) => periodBounds(p.period).end)
        .sort()
        .at(-1) ?? '';
    const earliest = earliestStart(terms, input.cadence, today, lastEnd);
    const from = input.fromPeriod ?? earliest;
    const refusal = from === null ? 'ended' : refuseStart(terms, input.cadence, from, today);
    if (from === null || refusal) throw refused(refusal ?? 'ended', earliest);
    const startsOn = periodBounds(from).start;
    const taken = published.find((p) => periodBounds(p.period).start >= startsOn);
    if (taken) throw refused('published', earliest, taken.period);
    const before = termOn(terms, startsOn);
    const after = { startsOn, cadence: input.cadence, dueDays: input.dueDays };
    await putTerm(uow.db, v.id, after, uow.nowIso, actor.id);
    const set = { cadence: input.cadence, due_days: input.dueDays, updated_at: uow.nowIso };
    if (!(await updateVillage(uow.db, v.id, input.version, set)))
      throw staleVersion(v.version, input.version);
    await uow.audit({
      action: 'disclosure.cadence_changed',
      entityType: 'disclosure_village',
      entityId: v.id,
      data: {
        fromPeriod: from,
        before: { cadence: before.cadence, dueDays: before.dueDays },
        after: { cadence: input.cadence, dueDays: input.dueDays },
        superseded: terms.filter((t) => t.startsOn > startsOn).map((t) => ({ ...t })),
      },
    });
  });
  return getVillage(deps, found.id);
}

const WHY: Record<StartRefusal | 'published', { zh: string; en: string }> = {
  not_a_period: {
    zh: '起始期间应与新的公开周期一致（如 2027-Q1 或 2027-01）',
    en: 'Name a period of the new cadence (2027-Q1 or 2027-01)',
  },
  before_first: {
    zh: '起始期间早于该村开始公开的期间',
    en: 'The period is before the village began to disclose',
  },
  not_a_boundary: {
    zh: '起始期间须从原公开期间的第一天开始',
    en: 'The change must start where a period of the present cadence starts',
  },
  ended: {
    zh: '该期间已结束，其公开期限不能再改',
    en: 'That period has ended; its due date cannot be changed',
  },
  published: { zh: '该期间起已有公开记录', en: 'A statement is already published from that period on' },
};

function refused(why: StartRefusal | 'published', earliest: string | null, period?: string) {
  const hint = earliest
    ? { zh: `；最早可从 ${earliest} 起调整`, en: `; the earliest is ${earliest}` }
    : { zh: '', en: '' };
  const at = period ? { zh: `（${period}）`, en: ` (${period})` } : { zh: '', en: '' };
  return new AppError('validation_failed', { summary: 'fromPeriod' }, [
    {
      path: '/body/fromPeriod',
      code: why,
      zh: `${WHY[why].zh}${at.zh}${hint.zh}`,
      en: `${WHY[why].en}${at.en}${hint.en}`,
    },
  ]);
}
