import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { ConductDeps } from './commitment-deps.js';
import type { Measure } from './measures.js';
import { presentCommitment } from './presenter.js';
import { departmentNames, evidenceOf, milestonesOf, type CommitmentRow } from './repository.js';
import type { CommitmentViewT } from './schemas.js';

/** Commitments as views: milestones, evidence and, while a period runs, the live figure. */
export async function commitmentViews(
  deps: ConductDeps,
  rows: CommitmentRow[],
  db: Kysely<Database> = deps.db,
): Promise<CommitmentViewT[]> {
  const ids = rows.map((r) => r.id);
  const [ms, ev, names] = await Promise.all([
    milestonesOf(db, ids),
    evidenceOf(db, ids),
    departmentNames(
      db,
      rows.map((r) => r.department_id),
    ),
  ]);
  const cal = await deps.calendars.get();
  const views: CommitmentViewT[] = [];
  for (const r of rows) {
    const live =
      r.state === 'published' && r.measure
        ? await deps.sources[r.measure as Measure](db, cal, {
            departmentId: r.department_id,
            start: r.period_start,
            end: r.period_end,
          })
        : null;
    views.push(
      presentCommitment(
        r,
        names.get(r.department_id) ?? '',
        ms.filter((m) => m.commitment_id === r.id),
        ev.filter((e) => e.commitment_id === r.id),
        live,
      ),
    );
  }
  return views;
}
