import type { Actor } from '../../shared/actor.js';
import { authorize, isRole } from '../../shared/policy.js';
import { notFound } from '../../server/errors.js';
import type { InspectionDeps } from './inspection-deps.js';
import { selfInspectionPolicy } from './policy.js';
import { findCampaign, findProblem, listCampaignRows, publishedCampaignRows } from './repository.js';
import { campaignView } from './views.js';

const department = (a: Actor) => (isRole(a, 'supervisor', 'admin', 'system') ? undefined : a.departmentId!);
const brief = <T extends { reports: unknown }>({ reports: _r, ...rest }: T) => rest;

/** Campaigns: supervisors see all with every report; a department those it takes part in, its own report. */
export async function listCampaigns(deps: InspectionDeps, actor: Actor) {
  authorize(actor, selfInspectionPolicy.list, undefined, 'selfinspection.list');
  const own = department(actor);
  const rows = await listCampaignRows(deps.db, own);
  return { items: (await Promise.all(rows.map((c) => campaignView(deps.db, c, own)))).map(brief) };
}

export async function getCampaign(deps: InspectionDeps, actor: Actor, id: string) {
  authorize(actor, selfInspectionPolicy.list, undefined, 'selfinspection.read');
  const c = await findCampaign(deps.db, id);
  if (!c) throw notFound('self-inspection campaign', id);
  const view = await campaignView(deps.db, c, department(actor));
  if (department(actor) && !view.reports.length) throw notFound('self-inspection campaign', id);
  return view;
}

/** Published summaries: the public sees the figures and the supervisors' text, never the reports. */
export async function listPublishedCampaigns(deps: InspectionDeps) {
  const rows = await publishedCampaignRows(deps.db);
  return { items: (await Promise.all(rows.map((c) => campaignView(deps.db, c)))).map(brief) };
}

/** A rectification's evidence: the department's staff and the supervisors. */
export async function getRectificationEvidence(deps: InspectionDeps, actor: Actor, problemId: string) {
  const p = await findProblem(deps.db, problemId);
  if (!p || !p.evidence_key) throw notFound('evidence', problemId);
  authorize(actor, selfInspectionPolicy.read, p.department_id, 'selfinspection.evidence');
  return {
    name: p.evidence_name ?? 'evidence',
    mime: p.evidence_mime ?? 'application/octet-stream',
    data: await deps.storage.get(p.evidence_key),
  };
}
