import type { Actor } from '../../shared/actor.js';
import { authorize } from '../../shared/policy.js';
import { newId } from '../../shared/ids.js';
import { toJson } from '../../shared/json.js';
import { AppError, notFound } from '../../server/errors.js';
import { audited } from '../audit/audited-transaction.js';
import { localDate } from '../clock/local-time.js';
import type { DisclosureDeps } from './disclosure-deps.js';
import { disclosurePolicy } from './policy.js';
import { findStatementOf, findVillage, insertStatement } from './repository-villages.js';
import { dueOn, isPeriod, periodBounds } from './periods.js';
import { termOn } from './terms.js';
import { termsOf } from './repository-terms.js';
import type { StatementInput } from './schemas.js';
import { getStatement } from './get-statement.js';

/**
 * Publishes a village's statement for a period (income, expenditure, assets, major matters), once
 * per period; attachments follow by upload. A period of another cadence than the village's, or one
 * not yet begun, is refused; a late one is published and shown as late.
 */
export async function publishStatement(
  deps: DisclosureDeps,
  actor: Actor,
  villageKey: string,
  input: StatementInput,
) {
  const v = await findVillage(deps.db, villageKey);
  if (!v) throw notFound('disclosure_village', villageKey);
  authorize(actor, disclosurePolicy.publishStatement, v.department_id, 'disclosure.publish_statement');
  // The period must be one of the term it falls in (a village may change its cadence from a period on).
  const term = termOn(await termsOf(deps.db, v.id), periodBounds(input.period).start);
  if (!isPeriod(term.cadence, input.period)) {
    const monthly = term.cadence === 'monthly';
    throw new AppError('validation_failed', { summary: 'period' }, [
      {
        path: '/body/period',
        code: 'cadence',
        zh: `该村在该期间按${monthly ? '月' : '季度'}公开，期间应写作 ${monthly ? '2026-09' : '2026-Q3'}`,
        en: `This village discloses ${term.cadence} for that time; write the period as ${monthly ? '2026-09' : '2026-Q3'}`,
      },
    ]);
  }
  const { start, end } = periodBounds(input.period);
  const id = await audited(deps.db, deps.clock, actor, async (uow) => {
    if (localDate(uow.now) < start)
      throw new AppError('disclosure_period_not_started', { period: input.period });
    if (await findStatementOf(uow.db, v.id, input.period))
      throw new AppError('disclosure_period_published', { village: v.name, period: input.period });
    const id = newId(uow.now.getTime());
    const due = dueOn(input.period, term.dueDays);
    await insertStatement(uow.db, {
      id,
      village_id: v.id,
      period: input.period,
      period_start: start,
      period_end: end,
      due_on: due,
      income: toJson(input.income),
      expenditure: toJson(input.expenditure),
      assets: toJson(input.assets),
      major_matters: toJson(input.majorMatters),
      note: input.note?.trim() || null,
      published_at: uow.nowIso,
      published_by: actor.id,
    });
    await uow.audit({
      action: 'disclosure.statement_published',
      entityType: 'disclosure_statement',
      entityId: id,
      data: { villageId: v.id, period: input.period, onTime: localDate(uow.now) <= due },
    });
    return id;
  });
  return getStatement(deps, id);
}
