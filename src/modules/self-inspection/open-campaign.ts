import type { Actor } from '../../shared/actor.js';
import { authorize } from '../../shared/policy.js';
import { newId } from '../../shared/ids.js';
import { toJson } from '../../shared/json.js';
import { AppError } from '../../server/errors.js';
import { audited } from '../audit/audited-transaction.js';
import { deadlineClock, workingDaysUntil } from './deadline-clock.js';
import type { InspectionDeps } from './inspection-deps.js';
import { selfInspectionPolicy } from './policy.js';
import { departmentsByIds, findCampaign, insertCampaign, insertReports } from './repository.js';
import type { OpenBodyT } from './schemas.js';
import { campaignView } from './views.js';

/**
 * Supervisors open a campaign: each department concerned gets a report to file by the deadline, on
 * its own clock (a report not filed in time turns red and raises a signal).
 */
export async function openCampaign(deps: InspectionDeps, actor: Actor, input: OpenBodyT) {
  authorize(actor, selfInspectionPolicy.supervise, undefined, 'selfinspection.open');
  const ids = [...new Set(input.departmentIds)];
  const depts = await departmentsByIds(deps.db, ids);
  const unknown = ids.filter((id) => !depts.some((d) => d.id === id));
  if (unknown.length)
    throw new AppError(
      'validation_failed',
      { summary: '/body/departmentIds' },
      unknown.map((id) => ({
        path: `/body/departmentIds/${input.departmentIds.indexOf(id)}`,
        code: 'unknown_department',
        zh: `没有这个部门：${id}`,
        en: `No such department: ${id}`,
      })),
    );
  const cal = await deps.calendars.get();
  const days = workingDaysUntil(cal, deps.clock.now(), input.deadline, '/body/deadline');
  const id = await audited(deps.db, deps.clock, actor, async (uow) => {
    const id = newId(uow.now.getTime());
    await insertCampaign(uow.db, {
      id,
      topic: input.topic,
      title: input.title.trim(),
      description: input.description?.trim() || null,
      checklist: toJson(input.checklist.map((q) => q.trim())),
      deadline: input.deadline,
      state: 'open',
      summary: null,
      summary_data: null,
      published_at: null,
      created_by: actor.id,
      created_at: uow.nowIso,
      updated_at: uow.nowIso,
      version: 1,
    });
    const rows = [];
    for (const d of depts) {
      const reportId = newId(uow.now.getTime());
      const clock = await deadlineClock(uow, cal, {
        subjectType: 'selfinspection_report',
        subjectId: reportId,
        label: `自查报告 ${input.title.trim()} · ${d.name}`,
        departmentId: d.id,
        days,
      });
      rows.push({
        id: reportId,
        campaign_id: id,
        department_id: d.id,
        state: 'pending',
        answers: null,
        filed_at: null,
        filed_by: null,
        rejection_reason: null,
        reviewed_by: null,
        reviewed_at: null,
        spot_checked: 0,
        spot_check_note: null,
        clock_id: clock.id,
        updated_at: uow.nowIso,
        version: 1,
      });
    }
    await insertReports(uow.db, rows);
    await uow.audit({
      action: 'selfinspection.campaign_opened',
      entityType: 'selfinspection_campaign',
      entityId: id,
      data: { topic: input.topic, deadline: input.deadline, departments: depts.length },
    });
    return id;
  });
  return campaignView(deps.db, (await findCampaign(deps.db, id))!);
}
