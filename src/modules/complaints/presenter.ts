import { fromJson } from '../../shared/json.js';
import type { ClockRow } from '../clock/clock-reads.js';
import type { Viewer } from './policy.js';
import type { AttachmentRow, CategoryRow, ComplaintRow } from './repository.js';
import type { ComplaintViewT } from './views.js';

/** Who sees the reporter: the center and the supervisors, and the reporter themself. Nobody else. */
export const seesReporter = (v: Viewer): boolean => v === 'center' || v === 'supervisor' || v === 'reporter';

export function reporterOf(t: ComplaintRow, viewer: Viewer): ComplaintViewT['reporter'] {
  const anonymous = t.anonymous === 1;
  if (!seesReporter(viewer)) return { anonymous, masked: true, name: null, phone: null, email: null };
  return {
    anonymous,
    masked: false,
    name: t.reporter_name,
    phone: t.reporter_phone,
    email: t.reporter_email,
  };
}

export interface PresentContext {
  viewer: Viewer;
  category: CategoryRow | undefined;
  departmentName: (id: string) => string;
  attachments: AttachmentRow[];
  clocks: ClockRow[];
  history: {
    seq: number;
    at: string;
    kind: string;
    actor_role: string | null;
    data: Record<string, unknown>;
    hash: string;
  }[];
  allowedActions: string[];
  mergedIntoTicketNo: string | null;
}

/** Events that may carry what the reporter said about themself: only those who see the reporter read them. */
const PERSONAL_EVENTS = new Set(['callback']);

export function presentComplaint(t: ComplaintRow, c: PresentContext): ComplaintViewT {
  const sees = seesReporter(c.viewer);
  const dept = (id: string) => ({ id, name: c.departmentName(id) });
  return {
    id: t.id,
    ticketNo: t.ticket_no,
    version: t.version,
    state: t.state as ComplaintViewT['state'],
    channel: t.channel,
    category: {
      code: t.category_code,
      zh: c.category?.name_zh ?? t.category_code,
      en: c.category?.name_en ?? t.category_code,
    },
    urgent: t.urgent === 1,
    route: t.route === 'supervisors' ? 'supervisors' : 'department',
    department: dept(t.department_id),
    assignedDepartment: t.assigned_department_id ? dept(t.assigned_department_id) : null,
    aboutLeadership: t.about_leadership === 1,
    concerns: {
      caseReceiptNo: t.case_receipt_no,
      feeReference: t.fee_reference,
      inspectionReference: t.inspection_reference,
      staffNamed: t.staff_named,
    },
    description: t.description,
    location: t.location || t.lat !== null ? { text: t.location, lat: t.lat, lng: t.lng } : null,
    reporter: reporterOf(t, c.viewer),
    reply: t.reply,
    refusalReasons: t.refusal_reasons ? fromJson<string[]>(t.refusal_reasons, []) : null,
    callbackNote: sees ? t.callback_note : null,
    rating: t.rating,
    returnCount: t.return_count,
    reopenCount: t.reopen_count,
    mergedIntoTicketNo: c.mergedIntoTicketNo,
    attachments: c.attachments.map((a) => ({ id: a.id, name: a.name, mime: a.mime, size: a.size })),
    clocks: c.clocks.map((k) => ({
      label: k.label,
      status: k.status,
      dueDate: k.due_date,
      colour: k.colour,
    })),
    allowedActions: c.allowedActions,
    history: c.history.map((h) => ({
      seq: h.seq,
      at: h.at,
      kind: h.kind,
      actorRole: h.actor_role,
      data: !sees && PERSONAL_EVENTS.has(h.kind) ? {} : h.data,
      hash: h.hash,
    })),
    createdAt: t.created_at,
    closedAt: t.closed_at,
  };
}
