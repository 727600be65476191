import type { Actor } from '../../shared/actor.js';
import { authorize } from '../../shared/policy.js';
import { newId } from '../../shared/ids.js';
import { AppError, notFound } from '../../server/errors.js';
import { findDepartment } from '../catalogue/catalogue-reads.js';
import { audited } from '../audit/audited-transaction.js';
import type { DisclosureDeps } from './disclosure-deps.js';
import { disclosurePolicy } from './policy.js';
import { findVillage, insertVillage } from './repository-villages.js';
import { DEFAULT_CADENCE, DEFAULT_DUE_DAYS, periodBounds, periodOf } from './periods.js';
import { putTerm } from './repository-terms.js';
import type { VillageInput } from './schemas.js';
import { getVillage } from './get-village.js';

/**
 * Registers a village whose affairs and finances are disclosed: the township it belongs to, the
 * department whose staff publish for it, its cadence (quarterly unless set) and the days after a
 * period's end by which it is due.
 */
export async function registerVillage(deps: DisclosureDeps, actor: Actor, input: VillageInput) {
  authorize(actor, disclosurePolicy.manageVillages, input.departmentId, 'disclosure.register_village');
  const dept = await findDepartment(deps.db, input.departmentId);
  if (!dept) throw notFound('department', input.departmentId);
  const id = await audited(deps.db, deps.clock, actor, async (uow) => {
    if (await findVillage(uow.db, input.code))
      throw new AppError('disclosure_village_code_taken', { code: input.code }, [
        {
          path: '/body/code',
          code: 'taken',
          zh: `村编码“${input.code}”已被使用，请换一个`,
          en: `Village code "${input.code}" is already used; choose another`,
        },
      ]);
    const id = newId(uow.now.getTime());
    const cadence = input.cadence ?? DEFAULT_CADENCE;
    const dueDays = input.dueDays ?? DEFAULT_DUE_DAYS;
    await insertVillage(uow.db, {
      id,
      code: input.code,
      name: input.name,
      township: input.township,
      department_id: dept.id,
      cadence,
      due_days: dueDays,
      disclose_from: input.discloseFrom,
      created_at: uow.nowIso,
      updated_at: uow.nowIso,
      version: 1,
    });
    // The first term starts with the first period, the one holding the day disclosure begins.
    const startsOn = periodBounds(periodOf(cadence, input.discloseFrom)).start;
    await putTerm(uow.db, id, { startsOn, cadence, dueDays }, uow.nowIso, actor.id);
    await uow.audit({
      action: 'disclosure.village_registered',
      entityType: 'disclosure_village',
      entityId: id,
      data: { code: input.code, departmentId: dept.id, cadence, dueDays, discloseFrom: input.discloseFrom },
    });
    return id;
  });
  return getVillage(deps, id);
}
