import type { UnitOfWork } from '../audit/audited-transaction.js';
import type { WorkingCalendar } from '../clock/calendar/working-calendar.js';
import { deadlineClock, workingDaysUntil } from './deadline-clock.js';
import { insertProblems, type ReportRow } from './repository.js';

/** A problem with its rectification deadline on the clock, found by the department or the supervisors. */
export async function addProblem(
  uow: UnitOfWork,
  cal: WorkingCalendar,
  report: ReportRow,
  foundBy: 'department' | 'supervisor',
  p: { description: string; measure: string; rectifyBy: string },
  path: string,
  id: string,
) {
  const days = workingDaysUntil(cal, uow.now, p.rectifyBy, path);
  const clock = await deadlineClock(uow, cal, {
    subjectType: 'selfinspection_problem',
    subjectId: id,
    label: `自查问题整改 ${p.description.trim().slice(0, 40)}`,
    departmentId: report.department_id,
    days,
  });
  await insertProblems(uow.db, [
    {
      id,
      campaign_id: report.campaign_id,
      report_id: report.id,
      department_id: report.department_id,
      found_by: foundBy,
      description: p.description.trim(),
      measure: p.measure.trim(),
      rectify_by: p.rectifyBy,
      clock_id: clock.id,
      state: 'open',
      rectification_note: null,
      evidence_name: null,
      evidence_mime: null,
      evidence_sha256: null,
      evidence_key: null,
      rectified_at: null,
      created_by: uow.actor.id,
      created_at: uow.nowIso,
      version: 1,
    },
  ]);
  await uow.audit({
    action: 'selfinspection.problem_added',
    entityType: 'selfinspection_problem',
    entityId: id,
    data: { campaignId: report.campaign_id, departmentId: report.department_id, foundBy },
  });
}
