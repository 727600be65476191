import type { Actor } from '../../shared/actor.js';
import { authorize } from '../../shared/policy.js';
import { notFound, staleVersion } from '../../server/errors.js';
import { audited } from '../audit/audited-transaction.js';
import { localDate } from '../clock/local-time.js';
import type { DisclosureDeps } from './disclosure-deps.js';
import { disclosurePolicy } from './policy.js';
import { findVillage, updateVillage } from './repository-villages.js';
import { periodBounds, periodOf, type Cadence } from './periods.js';
import { getVillage } from './get-village.js';

/**
 * Changes a village's cadence (monthly where transactions are many) or its due days. Periods already
 * published keep their statements; from then on the new periods are the ones expected.
 */
export async function changeCadence(
  deps: DisclosureDeps,
  actor: Actor,
  id: string,
  input: { version: number; cadence: Cadence; dueDays: number },
) {
  authorize(actor, disclosurePolicy.manageVillages, undefined, 'disclosure.change_cadence');
  await audited(deps.db, deps.clock, actor, async (uow) => {
    const v = await findVillage(uow.db, id);
    if (!v) throw notFound('disclosure_village', id);
    // The new cadence counts from the period holding today; what was published before stays listed.
    const from = periodBounds(periodOf(input.cadence, localDate(uow.now))).start;
    const set = {
      cadence: input.cadence,
      due_days: input.dueDays,
      disclose_from: input.cadence === v.cadence || from < v.disclose_from ? v.disclose_from : from,
      updated_at: uow.nowIso,
    };
    if (!(await updateVillage(uow.db, v.id, input.version, set)))
      throw staleVersion(v.version, input.version);
    await uow.audit({
      action: 'disclosure.cadence_changed',
      entityType: 'disclosure_village',
      entityId: v.id,
      data: { cadence: input.cadence, dueDays: input.dueDays },
    });
  });
  return getVillage(deps, id);
}
