import { systemActor } from '../../shared/actor.js';
import { audited } from '../audit/audited-transaction.js';
import { localDate } from '../clock/local-time.js';
import { signalRow } from '../supervision/signals.js';
import type { CaseDeps } from './case-deps.js';
import { deferredMaterials, lapsedPromiseKey, lapsedPromises } from './repository-materials.js';

export const PROMISE_WATCH = systemActor('shortfall-watch');

/**
 * A 容缺 promise whose deadline has passed with materials still out raises
 * `shortfall_promise_lapsed` for the lead department, once per case: the case cannot be approved
 * now, and its clock runs on until the department refuses it as the notice warned (or the applicant
 * withdraws, or the materials arrive late). Runs after each supervision pass in every instance; the
 * candidates are read outside a transaction, each is re-read in its own, and the signal's dedupe key
 * makes a second raise (another instance, a retried pass) a no-op, audited only when new.
 */
export async function signalLapsedPromises(deps: CaseDeps): Promise<number> {
  const due = await lapsedPromises(deps.db, localDate(deps.clock.now()), 200);
  let raised = 0;
  for (const c of due) {
    raised += await audited(deps.db, deps.clock, PROMISE_WATCH, async (uow) => {
      const out = await deferredMaterials(uow.db, c.id);
      const today = localDate(uow.now);
      if (!out.length || out.some((m) => !m.deferred_until || m.deferred_until >= today))
        return uow.unchanged(0);
      const deadline = out.map((m) => m.deferred_until!).reduce((a, b) => (a > b ? a : b));
      const materials = out.map((m) => m.name);
      // Inserted or not by its dedupe key: a concurrent pass waits on the key and then finds it taken.
      const inserted = await uow.db
        .insertInto('supervision_signals')
        .values(
          signalRow(
            {
              kind: 'shortfall_promise_lapsed',
              subjectType: 'case',
              subjectId: c.id,
              departmentId: c.lead_department_id,
              data: { receiptNo: c.receipt_no, deadline, materials },
              dedupeKey: lapsedPromiseKey(c.id),
            },
            uow.nowIso,
          ),
        )
        .onConflict((oc) => oc.column('dedupe_key').doNothing())
        .returning('id')
        .executeTakeFirst();
      if (!inserted) return uow.unchanged(0);
      await uow.audit({
        action: 'case.promise_lapsed',
        entityType: 'case',
        entityId: c.id,
        data: { receiptNo: c.receipt_no, deadline, materials },
      });
      return 1;
    });
  }
  return raised;
}
