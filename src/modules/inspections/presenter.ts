import { fromJson } from '../../shared/json.js';
import type { ItemRow, InspectorRow, ViolationRow } from './repository-published.js';
import type { InspectionRow, linksOf } from './repository.js';
import type { PenaltyRange } from './rules.js';

type Links = Awaited<ReturnType<typeof linksOf>>;

export const presentItem = (r: ItemRow & { department_name?: string }) => ({
  id: r.id,
  departmentId: r.department_id,
  departmentName: r.department_name ?? null,
  code: r.code,
  versionNo: r.version_no,
  name: r.name,
  basis: r.basis,
  subjects: r.subjects,
  method: r.method,
  frequency: r.frequency,
  noticeAllowed: r.notice_allowed === 1,
  status: r.status,
  publishedAt: r.published_at,
});

export const presentViolation = (r: ViolationRow & { department_name?: string }) => ({
  id: r.id,
  departmentId: r.department_id,
  departmentName: r.department_name ?? null,
  code: r.code,
  versionNo: r.version_no,
  name: r.name,
  basis: r.basis,
  ranges: fromJson<PenaltyRange[]>(r.ranges, []),
  status: r.status,
  publishedAt: r.published_at,
});

/** An inspector as the public sees them: name, department, certificate and validity. */
export const presentInspector = (r: InspectorRow & { department_name?: string }, today: string) => ({
  id: r.id,
  departmentId: r.department_id,
  departmentName: r.department_name ?? null,
  name: r.name,
  certificateNo: r.certificate_no,
  validFrom: r.valid_from,
  validTo: r.valid_to,
  valid: r.valid_from <= today && today <= r.valid_to,
});

/** What anyone at the door may see of a registration: who, what, on what basis, how long. */
export function presentRegistration(i: InspectionRow & { department_name: string }, links: Links) {
  return {
    id: i.id,
    number: i.number,
    departmentId: i.department_id,
    departmentName: i.department_name,
    plannedDate: i.planned_date,
    maxMinutes: i.max_minutes,
    state: i.state,
    joint: i.joint_group !== null,
    startedAt: i.started_at,
    items: links.items
      .filter((it) => it.inspection_id === i.id)
      .map((it) => ({ code: it.code, versionNo: it.version_no, name: it.name, basis: it.basis })),
    inspectors: links.inspectors
      .filter((p) => p.inspection_id === i.id)
      .map((p) => ({ name: p.name, certificateNo: p.certificate_no, validTo: p.valid_to })),
  };
}

/** The whole inspection: for its department, the supervisors, and the enterprise itself. */
export function presentInspection(
  i: InspectionRow & { department_name: string; enterprise_name: string; credit_code: string },
  links: Links,
) {
  return {
    ...presentRegistration(i, links),
    version: i.version,
    enterpriseName: i.enterprise_name,
    creditCode: i.credit_code,
    notice: i.notice === 1,
    jointGroup: i.joint_group,
    endedAt: i.ended_at,
    overran: i.overran === 1,
    outcome: i.outcome,
    findings: i.findings,
    rectificationDeadline: i.rectification_deadline,
    penalty:
      i.outcome === 'penalty'
        ? {
            violationId: i.violation_id,
            severity: i.severity ?? '',
            warning: i.warning === 1,
            fineFen: Number(i.fine_fen ?? 0),
            reason: i.penalty_reason,
            outsideStandard: i.outside_standard === 1,
          }
        : null,
    resultAt: i.result_at,
    recordNumber: i.record_number,
    receivedAt: i.received_at,
    complaints: i.complaints,
    registeredAt: i.registered_at,
  };
}
