import { systemActor } from '../../shared/actor.js';
import { dialectOf } from '../../db/column-types.js';
import { audited } from '../audit/audited-transaction.js';
import { localDate } from '../clock/local-time.js';
import { raiseSignals } from '../supervision/signals.js';
import type { DisclosureDeps } from './disclosure-deps.js';
import { overdueUnder } from './terms.js';
import { termsByVillage, termsOf } from './repository-terms.js';
import {
  claimVillage,
  insertOverdue,
  listVillageRows,
  overdueRows,
  publishedPeriods,
} from './repository-villages.js';

export const DISCLOSURE_WATCH = systemActor('disclosure');

/**
 * A village period not disclosed by its due day raises `village_disclosure_overdue`, once. Runs
 * after each supervision pass in every instance: the candidates are read without a transaction
 * (nothing to do is the usual answer), then each village is claimed in its own transaction
 * (FOR UPDATE SKIP LOCKED on PostgreSQL; SQLite's write lock serialises) and its periods are
 * decided afresh; a period is recorded in disc_overdue_periods (its key makes a second record a
 * no-op) and signalled only when that record is new, so any number of passes signal each once.
 */
export async function signalOverdueDisclosures(deps: DisclosureDeps): Promise<number> {
  const today = localDate(deps.clock.now());
  const [villages, published, known, terms] = await Promise.all([
    listVillageRows(deps.db),
    publishedPeriods(deps.db),
    overdueRows(deps.db),
    termsByVillage(deps.db),
  ]);
  const done = new Set([...published, ...known].map((p) => `${p.village_id}|${p.period}`));
  const candidates = villages.filter((v) =>
    overdueUnder(terms.get(v.id) ?? [], today, new Set()).some((p) => !done.has(`${v.id}|${p.period}`)),
  );
  const pg = dialectOf(deps.db) === 'postgres';
  let raised = 0;
  for (const { id } of candidates) {
    raised += await audited(deps.db, deps.clock, DISCLOSURE_WATCH, async (uow) => {
      const v = await claimVillage(uow.db, id, pg);
      if (!v) return uow.unchanged(0);
      const have = new Set((await publishedPeriods(uow.db, v.id)).map((p) => p.period));
      const due = overdueUnder(await termsOf(uow.db, v.id), localDate(uow.now), have);
      const fresh: typeof due = [];
      for (const p of due)
        if (
          await insertOverdue(uow.db, {
            village_id: v.id,
            period: p.period,
            due_on: p.dueOn,
            raised_at: uow.nowIso,
          })
        )
          fresh.push(p);
      if (fresh.length === 0) return uow.unchanged(0);
      await raiseSignals(
        uow.db,
        fresh.map((p) => ({
          kind: 'village_disclosure_overdue' as const,
          subjectType: 'disclosure_village',
          subjectId: v.id,
          departmentId: v.department_id,
          data: { village: v.name, township: v.township, code: v.code, period: p.period, dueOn: p.dueOn },
          dedupeKey: `village_disclosure_overdue:${v.id}:${p.period}`,
        })),
        uow.nowIso,
      );
      await uow.audit({
        action: 'disclosure.overdue_signalled',
        entityType: 'disclosure_village',
        entityId: v.id,
        data: { periods: fresh.map((p) => p.period) },
      });
      return fresh.length;
    });
  }
  return raised;
}
