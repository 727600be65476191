import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { presentCampaign, presentReport } from './presenter.js';
import { clockDue, departmentsByIds, problemsOf, reportsOf, type CampaignRow } from './repository.js';

/** A campaign with its reports and problems (one department's only, when given). */
export async function campaignView(db: Kysely<Database>, c: CampaignRow, departmentId?: string) {
  const [reports, problems] = await Promise.all([
    reportsOf(db, c.id, departmentId),
    problemsOf(db, c.id, departmentId),
  ]);
  const [names, due] = await Promise.all([
    departmentsByIds(
      db,
      reports.map((r) => r.department_id),
    ),
    clockDue(db, [...reports.map((r) => r.clock_id), ...problems.map((p) => p.clock_id)]),
  ]);
  const name = new Map(names.map((d) => [d.id, d.name]));
  return presentCampaign(
    c,
    reports.map((r) =>
      presentReport(
        r,
        name.get(r.department_id) ?? '',
        problems.filter((p) => p.report_id === r.id),
        due,
      ),
    ),
  );
}
