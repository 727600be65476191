import { listDepartments } from '../catalogue/catalogue-reads.js';
import { localDate } from '../clock/local-time.js';
import { MEASURE_SOURCES } from '../commitments/measure-sources.js';
import { round1, type Figure, type Measure } from '../commitments/measures.js';
import { commitmentTallies, type CommitmentTally } from '../commitments/commitment-reads.js';
import { complaintStats } from '../complaints/complaint-stats.js';
import { inspectionStats } from '../inspections/inspection-stats.js';
import type { DashboardDeps } from './dashboard-deps.js';
import { rollingYear } from './periods.js';

/** The measures the dashboard shows, each read through its one definition (commitments/measure-sources). */
export const DASHBOARD_MEASURES = [
  'on_time_rate',
  'avg_working_days',
  'satisfaction',
  'complaint_reply_rate',
  'visits_per_case',
] as const satisfies readonly Measure[];
type DashboardMeasure = (typeof DASHBOARD_MEASURES)[number];

export interface ShownFigure {
  value: number | null;
  sample: number;
  smallSample: boolean;
}
type Figures = Record<DashboardMeasure, ShownFigure>;

const shown = (f: Figure | null, min: number): ShownFigure => ({
  value: f?.value ?? null,
  sample: f?.sample ?? 0,
  smallSample: (f?.sample ?? 0) < min,
});

/** The center's figure: the departments' figures weighted by their samples (each is a mean or a share). */
function centerFigure(figs: ShownFigure[], min: number): ShownFigure {
  const withData = figs.filter((f) => f.value !== null && f.sample > 0);
  const sample = withData.reduce((s, f) => s + f.sample, 0);
  if (!sample) return { value: null, sample: 0, smallSample: true };
  const value = round1(withData.reduce((s, f) => s + f.value! * f.sample, 0) / sample);
  return { value, sample, smallSample: sample < min };
}

/** complaintStats publishes shares (0..1); the dashboard shows every rate in percent. */
const pct = (share: number | null | undefined) => (share == null ? null : round1(share * 100));

const sumTally = (ts: CommitmentTally[]): CommitmentTally =>
  ts.reduce(
    (a, t) => ({ kept: a.kept + t.kept, notKept: a.notKept + t.notKept, pending: a.pending + t.pending }),
    {
      kept: 0,
      notKept: 0,
      pending: 0,
    },
  );

/**
 * The public dashboard: per department and for the whole center, over the last twelve months as of
 * now — on-time rate and average working days, satisfaction, complaints and their answers, the
 * department commitments kept, visits per case — and the year's inspections. Every figure carries
 * its sample; those below the minimum are marked. Computed at most once a minute per instance.
 */
export function getDashboard(deps: DashboardDeps) {
  return deps.cache.get('dashboard', () => computeDashboard(deps));
}

async function computeDashboard(deps: DashboardDeps) {
  const asOf = deps.clock.now();
  const today = localDate(asOf);
  const period = rollingYear(today);
  const cal = await deps.calendars.get();
  const min = deps.minSample;
  const [depts, tallies, complaints, inspections] = await Promise.all([
    listDepartments(deps.db),
    commitmentTallies(deps.db, period.start, period.end),
    complaintStats(deps.complaints),
    inspectionStats(deps.inspections),
  ]);
  const complaintsByDept = new Map(complaints.departments.map((c) => [c.departmentId, c]));
  const inspectionsByDept = new Map(inspections.departments.map((i) => [i.departmentId, i]));
  const departments = [];
  for (const d of depts) {
    const figures = {} as Figures;
    for (const m of DASHBOARD_MEASURES)
      figures[m] = shown(await MEASURE_SOURCES[m](deps.db, cal, { departmentId: d.id, ...period }), min);
    const c = complaintsByDept.get(d.id);
    const i = inspectionsByDept.get(d.id);
    departments.push({
      id: d.id,
      code: d.code,
      name: d.name,
      nameEn: d.name_en,
      shortName: d.short_name,
      shortNameEn: d.short_name_en,
      figures,
      commitments: tallies.get(d.id) ?? { kept: 0, notKept: 0, pending: 0 },
      complaints: {
        tickets: c?.tickets ?? 0,
        shown: c?.shown ?? false,
        onTimeReplyRate: pct(c?.onTimeReplyRate),
        resolutionRate: pct(c?.resolutionRate),
      },
      inspections: {
        inspections: i?.inspections ?? 0,
        jointPct: i?.jointPct ?? null,
        findingsPct: i?.findingsPct ?? null,
      },
    });
  }
  const center = {} as Figures;
  for (const m of DASHBOARD_MEASURES)
    center[m] = centerFigure(
      departments.map((d) => d.figures[m]),
      min,
    );
  return {
    asOf: asOf.toISOString(),
    period,
    minSample: min,
    complaintsMinimum: complaints.minimumTickets,
    inspectionYear: inspections.year,
    center: {
      figures: center,
      commitments: sumTally(departments.map((d) => d.commitments)),
      complaintTickets: departments.reduce((s, d) => s + d.complaints.tickets, 0),
      inspections: departments.reduce((s, d) => s + d.inspections.inspections, 0),
    },
    departments,
  };
}

export type Dashboard = Awaited<ReturnType<typeof computeDashboard>>;
