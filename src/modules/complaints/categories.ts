import type { Actor } from '../../shared/actor.js';
import { authorize } from '../../shared/policy.js';
import { notFound } from '../../server/errors.js';
import { audited } from '../audit/audited-transaction.js';
import type { ComplaintDeps } from './complaint-deps.js';
import { complaintPolicy } from './policy.js';
import { findCategory, listCategoryRows, updateCategoryLimits, type CategoryRow } from './repository.js';

const present = (c: CategoryRow) => ({
  code: c.code,
  zh: c.name_zh,
  en: c.name_en,
  kind: c.kind,
  limitDays: c.limit_days,
  urgentLimitDays: c.urgent_limit_days,
  active: c.active === 1,
});

/** The categories a report may take, with their working-day limits (public). */
export async function listCategories(deps: ComplaintDeps) {
  return (await listCategoryRows(deps.db)).map(present);
}

/** An administrator sets a category's limits or retires it; tickets already running keep their clocks. */
export async function updateCategory(
  deps: ComplaintDeps,
  actor: Actor,
  input: { code: string; limitDays: number; urgentLimitDays: number; active: boolean },
) {
  authorize(actor, complaintPolicy.manageCategories, undefined, 'complaint_category.update');
  return audited(deps.db, deps.clock, actor, async (uow) => {
    if (!(await findCategory(uow.db, input.code))) throw notFound('complaint_category', input.code);
    await updateCategoryLimits(uow.db, input.code, {
      limit_days: input.limitDays,
      urgent_limit_days: input.urgentLimitDays,
      active: input.active ? 1 : 0,
    });
    await uow.audit({
      action: 'complaint_category.updated',
      entityType: 'complaint_category',
      entityId: input.code,
      data: { limitDays: input.limitDays, urgentLimitDays: input.urgentLimitDays, active: input.active },
    });
    return present((await findCategory(uow.db, input.code))!);
  });
}
