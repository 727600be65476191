import type { Actor } from '../../shared/actor.js';
import { fromJson } from '../../shared/json.js';
import { notFound } from '../../server/errors.js';
import { findClock } from '../clock/clock-reads.js';
import { departmentsById } from '../catalogue/catalogue-reads.js';
import type { AppraisalDeps } from './appraisal-deps.js';
import { appraisalPolicy } from './policy.js';
import type { PublishedResults } from './publish-results.js';
import {
  batchesOf,
  codeCounts,
  findCampaign,
  listCampaignRows,
  rectificationsOf,
  type CampaignRow,
} from './repository.js';
import type { CampaignViewT } from './schemas.js';

async function present(deps: AppraisalDeps, actor: Actor, c: CampaignRow): Promise<CampaignViewT> {
  const depts = await departmentsById(deps.db);
  const named = (id: string) => ({ id, name: depts.get(id)?.name ?? id });
  const results = fromJson<PublishedResults | null>(c.results, null);
  const rects = await rectificationsOf(deps.db, c.id);
  const admin = appraisalPolicy.readAll(actor, undefined);
  return {
    id: c.id,
    title: c.title,
    periodStart: c.period_start,
    periodEnd: c.period_end,
    state: c.state as CampaignViewT['state'],
    departments: fromJson<string[]>(c.departments, []).map(named),
    dimensions: fromJson<string[]>(c.dimensions, []),
    panel: fromJson<Record<string, number>>(c.panel, {}),
    reappraisalOf: c.reappraisal_of,
    publishedAt: c.published_at,
    results: results && {
      ballots: results.ballots,
      ballotsByCategory: results.ballotsByCategory,
      departments: results.departments.map((d) => ({
        department: named(d.departmentId),
        ballots: d.ballots,
        dimensions: d.dimensions,
        satisfaction: d.satisfaction,
        score: d.score,
        rank: d.rank,
        bottom: results.bottom.includes(d.departmentId),
      })),
    },
    rectifications: await Promise.all(
      rects.map(async (r) => ({
        id: r.id,
        department: named(r.department_id),
        state: r.state as 'open' | 'reported',
        dueDate: (await findClock(deps.db, r.clock_id))?.due_date ?? null,
        report: r.report,
        reportedAt: r.reported_at,
        reappraisalId: r.reappraisal_id,
        version: r.version,
      })),
    ),
    codes: admin
      ? {
          batches: (await batchesOf(deps.db, c.id)).map((b) => ({
            category: b.category,
            count: b.count,
            delivery: b.delivery,
            issuedAt: b.issued_at,
          })),
          ...(await codeCounts(deps.db, c.id)),
        }
      : null,
    version: c.version,
  };
}

/** A campaign: public (the ballot page reads its departments and dimensions; results once published). */
export async function getCampaign(deps: AppraisalDeps, actor: Actor, id: string) {
  const c = await findCampaign(deps.db, id);
  if (!c) throw notFound('appraisal_campaign', id);
  return present(deps, actor, c);
}

/** Every campaign, newest first: public, as the appraisal itself is. */
export async function listCampaigns(deps: AppraisalDeps, actor: Actor) {
  const rows = await listCampaignRows(deps.db);
  return { items: await Promise.all(rows.map((c) => present(deps, actor, c))) };
}
