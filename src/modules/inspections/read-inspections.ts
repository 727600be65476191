import type { Actor } from '../../shared/actor.js';
import { authorize } from '../../shared/policy.js';
import { toLimitOffset } from '../../shared/schema-helpers.js';
import { notFound } from '../../server/errors.js';
import { localDate } from '../clock/local-time.js';
import { recordPdf, type InspectionDeps } from './inspection-deps.js';
import { inspectionPolicy } from './policy.js';
import { presentInspection } from './presenter.js';
import { findInspectionView, linksOf, listInspections } from './repository.js';

/** One inspection, for its department, the supervisors and administrators. */
export async function getInspection(deps: InspectionDeps, actor: Actor, id: string) {
  const i = await findInspectionView(deps.db, id);
  if (!i) throw notFound('inspection', id);
  authorize(actor, inspectionPolicy.read, { departmentId: i.department_id }, 'inspection.read');
  return presentInspection(i, await linksOf(deps.db, [id]));
}

/** The inspection record (PDF), for the department, the supervisors and administrators. */
export async function getInspectionRecord(deps: InspectionDeps, actor: Actor, id: string) {
  const i = await findInspectionView(deps.db, id);
  if (!i) throw notFound('inspection', id);
  authorize(actor, inspectionPolicy.read, { departmentId: i.department_id }, 'inspection.read');
  return recordPdf(deps, i);
}

export interface InspectionListQuery {
  department?: string;
  from?: string;
  to?: string;
  state?: string;
  page: number;
  pageSize: number;
}

/**
 * A department's plan, calendar and records (its own staff see only their department's); the
 * supervisors see any department's, or the whole city's.
 */
export async function listDepartmentInspections(deps: InspectionDeps, actor: Actor, q: InspectionListQuery) {
  authorize(actor, inspectionPolicy.list, undefined, 'inspection.list');
  const all = inspectionPolicy.oversee(actor, undefined);
  const departmentId = all ? q.department : actor.departmentId!;
  const { rows, total } = await listInspections(deps.db, {
    ...(departmentId ? { departmentId } : {}),
    ...(q.from ? { from: q.from } : {}),
    ...(q.to ? { to: q.to } : {}),
    ...(q.state ? { state: q.state } : {}),
    ...toLimitOffset(q),
  });
  const links = await linksOf(
    deps.db,
    rows.map((r) => r.id),
  );
  return { items: rows.map((r) => presentInspection(r, links)), total, today: localDate(deps.clock.now()) };
}
