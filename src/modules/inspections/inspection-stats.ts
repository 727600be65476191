import type { Actor } from '../../shared/actor.js';
import { authorize } from '../../shared/policy.js';
import { localDate } from '../clock/local-time.js';
import type { InspectionDeps } from './inspection-deps.js';
import { inspectionPolicy } from './policy.js';
import {
  busiestEnterprises,
  flaggedInspections,
  openSignals,
  statsByDepartment,
} from './repository-stats.js';

const share = (n: number, of: number) => (of > 0 ? Math.round((n / of) * 1000) / 10 : 0);

/** Public statistics per department: inspections, the share joint, the share with findings, complaints. */
export async function inspectionStats(deps: InspectionDeps, year?: number) {
  const y = year ?? Number(localDate(deps.clock.now()).slice(0, 4));
  const rows = await statsByDepartment(deps.db, y);
  return {
    year: y,
    departments: rows.map((r) => ({
      departmentId: r.department_id,
      departmentName: r.department_name,
      inspections: Number(r.inspections),
      jointPct: share(Number(r.joint), Number(r.inspections)),
      findingsPct: share(Number(r.findings), Number(r.concluded)),
      complaints: Number(r.complaints ?? 0),
    })),
  };
}

/** The supervisors' city view: per department and per enterprise, with the open signals. */
export async function inspectionOverview(deps: InspectionDeps, actor: Actor, year?: number) {
  authorize(actor, inspectionPolicy.oversee, undefined, 'inspection.oversee');
  const stats = await inspectionStats(deps, year);
  const [signals, busiest, flagged] = await Promise.all([
    openSignals(deps.db),
    busiestEnterprises(deps.db, stats.year, 20),
    flaggedInspections(deps.db, 100),
  ]);
  const byDept = new Map<string, Record<string, number>>();
  for (const s of signals) {
    const m = byDept.get(s.department_id ?? '') ?? {};
    m[s.kind] = (m[s.kind] ?? 0) + 1;
    byDept.set(s.department_id ?? '', m);
  }
  const byEnterprise = new Map<string, number>();
  for (const s of signals.filter((x) => x.subject_type === 'inspection_enterprise'))
    byEnterprise.set(s.subject_id, (byEnterprise.get(s.subject_id) ?? 0) + 1);
  return {
    year: stats.year,
    departments: stats.departments.map((d) => ({ ...d, signals: byDept.get(d.departmentId) ?? {} })),
    enterprises: busiest.map((e) => ({
      id: e.id,
      name: e.name,
      creditCode: e.credit_code,
      inspections: Number(e.inspections),
      departments: Number(e.departments),
      signals: byEnterprise.get(e.id) ?? 0,
    })),
    openSignals: signals.length,
    flagged: flagged.map((f) => ({
      signalId: f.id,
      kind: f.kind,
      raisedAt: f.raised_at,
      departmentName: f.department_name,
      inspectionId: f.inspection_id,
      inspectionNumber: f.inspection_number,
      enterpriseName: f.enterprise_name,
    })),
  };
}
