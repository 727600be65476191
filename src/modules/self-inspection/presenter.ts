import { fromJson } from '../../shared/json.js';
import type { CampaignRow, ProblemRow, ReportRow } from './repository.js';
import type { CampaignViewT } from './schemas.js';

type Due = Map<string, { due: string; colour: string; status: string }>;
type ReportViewT = CampaignViewT['reports'][number];

const overdueClock = (due: Due, id: string | null) => (id ? due.get(id)?.colour === 'red' : false);

export function presentProblem(p: ProblemRow, due: Due): ReportViewT['problems'][number] {
  return {
    id: p.id,
    reportId: p.report_id,
    departmentId: p.department_id,
    foundBy: p.found_by as 'department' | 'supervisor',
    description: p.description,
    measure: p.measure,
    rectifyBy: p.rectify_by,
    state: p.state,
    overdue: p.state === 'open' && overdueClock(due, p.clock_id),
    rectificationNote: p.rectification_note,
    evidenceName: p.evidence_name,
    rectifiedAt: p.rectified_at,
    version: p.version,
  };
}

export function presentReport(r: ReportRow, name: string, problems: ProblemRow[], due: Due): ReportViewT {
  return {
    id: r.id,
    departmentId: r.department_id,
    departmentName: name,
    state: r.state,
    answers: r.answers ? fromJson<{ answer: string; note: string | null }[]>(r.answers, []) : null,
    filedAt: r.filed_at,
    rejectionReason: r.rejection_reason,
    spotChecked: r.spot_checked === 1,
    dueDate: r.clock_id ? (due.get(r.clock_id)?.due ?? null) : null,
    overdue: (r.state === 'pending' || r.state === 'rejected') && overdueClock(due, r.clock_id),
    problems: problems.map((p) => presentProblem(p, due)),
    version: r.version,
  };
}

/** The figures a campaign's summary publishes; problems the supervisors found are counted apart. */
export function tally(reports: ReportViewT[]): CampaignViewT['tally'] {
  const problems = reports.flatMap((r) => r.problems);
  return {
    departments: reports.length,
    filed: reports.filter((r) => r.state === 'filed' || r.state === 'accepted').length,
    spotChecked: reports.filter((r) => r.spotChecked).length,
    rejections: reports.filter((r) => r.rejectionReason !== null).length,
    foundByDepartments: problems.filter((p) => p.foundBy === 'department').length,
    foundBySupervisors: problems.filter((p) => p.foundBy === 'supervisor').length,
    rectified: problems.filter((p) => p.state === 'rectified').length,
    overdue: reports.filter((r) => r.overdue).length + problems.filter((p) => p.overdue).length,
  };
}

export function presentCampaign(c: CampaignRow, reports: ReportViewT[]): CampaignViewT {
  const published =
    c.state === 'published' && c.summary_data
      ? fromJson<CampaignViewT['tally'] | null>(c.summary_data, null)
      : null;
  return {
    id: c.id,
    topic: c.topic,
    title: c.title,
    description: c.description,
    checklist: fromJson<string[]>(c.checklist, []),
    deadline: c.deadline,
    state: c.state,
    summary: c.summary,
    publishedAt: c.published_at,
    tally: published ?? tally(reports),
    reports,
    version: c.version,
  };
}
