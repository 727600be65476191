import type { UnitOfWork } from '../audit/audited-transaction.js';
import { enqueueNotifications, raiseSignals, type SignalInput } from '../supervision/signals.js';
import { findDepartment } from '../catalogue/catalogue-reads.js';
import { refusal } from './refusal.js';
import type { ItemRow, SettingsRow } from './repository-published.js';
import {
  enterpriseAccounts,
  findInspection,
  itemInspectedSince,
  plannedBetween,
  updateInspection,
  type EnterpriseRow,
  type InspectionRow,
} from './repository.js';
import { addDays } from './rules.js';

export interface JointProposal {
  id: string;
  number: string;
  departmentId: string;
  departmentName: string;
  plannedDate: string;
}

/** Other departments' inspections of the enterprise planned within the window: a joint visit is proposed. */
export async function jointProposals(
  uow: UnitOfWork,
  settings: SettingsRow,
  i: InspectionRow,
): Promise<JointProposal[]> {
  const w = settings.joint_window_days;
  const near = await plannedBetween(
    uow.db,
    i.enterprise_id,
    addDays(i.planned_date, -w),
    addDays(i.planned_date, w),
  );
  return near
    .filter((o) => o.department_id !== i.department_id && o.state === 'registered' && o.id !== i.id)
    .map((o) => ({
      id: o.id,
      number: o.number,
      departmentId: o.department_id,
      departmentName: o.department_name,
      plannedDate: o.planned_date,
    }));
}

/** Joins another department's visit (综合查一次): one group, one day — the other's. */
export async function joinVisit(uow: UnitOfWork, settings: SettingsRow, i: InspectionRow, withId: string) {
  const proposal = (await jointProposals(uow, settings, i)).find((p) => p.id === withId);
  if (!proposal) throw refusal('joint_not_found', '/body/jointWith');
  const other = (await findInspection(uow.db, withId))!;
  const group = other.joint_group ?? other.id;
  if (!other.joint_group)
    await updateInspection(uow.db, other.id, other.version, { joint_group: group, updated_at: uow.nowIso });
  await updateInspection(uow.db, i.id, i.version, {
    joint_group: group,
    planned_date: other.planned_date,
    updated_at: uow.nowIso,
  });
  await uow.audit({
    action: 'inspection.joined',
    entityType: 'inspection',
    entityId: i.id,
    data: { number: i.number, from: i.state, to: i.state, withNumber: other.number, jointGroup: group },
  });
  return group;
}

/**
 * What follows a registration in its unit of work: the joint visit taken (or proposed), the alerts
 * for frequent or repeated inspections of one enterprise, and the advance notice where allowed.
 */
export async function afterRegistration(
  uow: UnitOfWork,
  settings: SettingsRow,
  r: { inspection: InspectionRow; enterprise: EnterpriseRow; items: ItemRow[]; jointWith?: string },
) {
  let i = r.inspection;
  let jointGroup: string | null = null;
  if (r.jointWith) {
    jointGroup = await joinVisit(uow, settings, i, r.jointWith);
    i = (await findInspection(uow.db, i.id))!;
  }
  const proposals = jointGroup ? [] : await jointProposals(uow, settings, i);
  const signals: SignalInput[] = [];
  const recent = await plannedBetween(
    uow.db,
    i.enterprise_id,
    addDays(i.planned_date, -settings.frequency_window_days),
    i.planned_date,
  );
  // A joint visit is one visit: its members count once.
  const visits = new Set(recent.map((v) => v.joint_group ?? v.id)).size;
  if (visits >= settings.frequency_threshold)
    signals.push({
      kind: 'inspection_high_frequency',
      subjectType: 'inspection',
      subjectId: i.id,
      departmentId: i.department_id,
      data: { number: i.number, visits, windowDays: settings.frequency_window_days },
      dedupeKey: `inspection-frequency:${i.id}`,
    });
  const codes = r.items.map((it) => it.code);
  const since = addDays(i.planned_date, -settings.repeat_window_days);
  const repeated = await itemInspectedSince(uow.db, i.id, i.enterprise_id, codes, i.department_id, since);
  if (repeated)
    signals.push({
      kind: 'inspection_repeated',
      subjectType: 'inspection',
      subjectId: i.id,
      departmentId: i.department_id,
      data: { number: i.number, itemCode: repeated, windowDays: settings.repeat_window_days },
      dedupeKey: `inspection-repeated:${i.id}`,
    });
  await raiseSignals(uow.db, signals, uow.nowIso);
  if (i.notice) {
    const [accounts, dept] = await Promise.all([
      enterpriseAccounts(uow.db, r.enterprise.credit_code),
      findDepartment(uow.db, i.department_id),
    ]);
    await enqueueNotifications(
      uow.db,
      accounts.map((a) => ({
        kind: 'inspection_notice',
        recipientType: 'user' as const,
        recipientId: a.id,
        subjectType: 'inspection',
        subjectId: i.id,
        payload: {
          number: i.number,
          department: dept?.name ?? '',
          plannedDate: i.planned_date,
          items: r.items.map((it) => it.name),
        },
      })),
      uow.nowIso,
    );
  }
  return { jointProposals: proposals, jointGroup, signals: signals.map((s) => s.kind) };
}
