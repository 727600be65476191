import type { Selectable } from 'kysely';
import type {
  CaseEventTable,
  CaseMaterialTable,
  CaseRecordTable,
  SupplementNoticeTable,
} from '../../db/schema.js';
import type { Actor } from '../../shared/actor.js';
import { fromJson } from '../../shared/json.js';
import type { ClockView } from '../clock/schemas.js';
import type { DocumentState } from '../documents/schemas.js';
import { maskCreditCode, maskIdNumber, maskPhone } from '../identity/presenter.js';
import type { CaseAction } from './case-machine.js';
import type { CaseListRow, CaseRow, TaskRow, WorkRow } from './repository.js';
import type { CaseSummary, CaseViewT, WorkItem } from './schemas.js';
import type { Static } from '@sinclair/typebox';
import type { SupplementItem } from './request-supplement.js';
import type { HistoryEventT } from './schemas-history.js';
import { publicEvent, splitPersonal, type ChainedEvent } from './event-hash.js';

type DepartmentRef = { id: string; code: string; name: string };
type Clock = Static<typeof ClockView>;

/** Everything a case view shows besides the case row, read by getCase. */
export interface CaseParts {
  items: { item_id: string; department_id: string; role: string; name: string; version_no: number }[];
  materials: Selectable<CaseMaterialTable>[];
  tasks: TaskRow[];
  notices: Selectable<SupplementNoticeTable>[];
  records: Selectable<CaseRecordTable>[];
  documents: {
    id: string;
    kind: string;
    number: string;
    issued_at: string;
    sha256: string | null;
    state: string;
    content_sha256: string | null;
  }[];
  events: Selectable<CaseEventTable>[];
  departments: DepartmentRef[];
  /** The case's clocks as presentClock shows them, by id. */
  clocks: Map<string, Clock>;
  allowedActions: CaseAction[];
  /** Display names of the staff named in the record (authors, deciders), by user id. */
  staffNames: Map<string, string>;
  /** Whether this actor may read the review record (casePolicy.readReviewRecord). */
  showReviewRecord: boolean;
}

/**
 * A case as the people on it see it. The ID number is always masked; the phone is masked for staff
 * (the applicant sees their own); the check code goes only to the applicant and the window.
 */
export function presentCase(actor: Actor, c: CaseRow, p: CaseParts): CaseViewT {
  const department = new Map(p.departments.map((d) => [d.id, d]));
  const dept = (id: string) => department.get(id) ?? null;
  const clock = (id: string | null) => (id ? (p.clocks.get(id) ?? null) : null);
  const staffView = actor.role !== 'applicant';
  const staff = (id: unknown) => (typeof id === 'string' ? (p.staffNames.get(id) ?? null) : null);
  const taskDept = new Map(p.tasks.map((t) => [t.id, t.department_id]));
  return {
    id: c.id,
    receiptNo: c.receipt_no,
    title: c.title,
    state: c.state,
    shortfall: !!c.shortfall,
    channel: c.channel,
    handlingClass: c.handling_class,
    bundleId: c.bundle_id,
    leadDepartment: dept(c.lead_department_id),
    committedDays: c.committed_days,
    window: c.window,
    applicant: {
      kind: c.applicant_kind,
      name: c.applicant_name,
      id:
        c.applicant_kind === 'enterprise'
          ? maskCreditCode(c.applicant_id_number)
          : maskIdNumber(c.applicant_id_number),
      phone: staffView ? maskPhone(c.applicant_phone) : c.applicant_phone,
      email: c.applicant_email,
    },
    ...(actor.role === 'applicant' || actor.role === 'clerk' ? { checkCode: c.check_code } : {}),
    form: fromJson<Record<string, unknown>>(c.form, {}),
    createdAt: c.created_at,
    submittedAt: c.submitted_at,
    receivedAt: c.received_at,
    acceptedAt: c.accepted_at,
    acceptanceDate: c.acceptance_date,
    decidedAt: c.decided_at,
    decision: c.decision,
    completedAt: c.completed_at,
    version: c.version,
    latestHash: c.last_hash,
    items: p.items.map((i) => ({
      itemId: i.item_id,
      name: i.name,
      versionNo: i.version_no,
      role: i.role,
      department: dept(i.department_id),
    })),
    materials: visibleMaterials(actor, c, p).map((m) => ({
      id: m.id,
      name: m.name,
      required: !!m.required,
      deferrable: !!m.deferrable,
      status: m.status,
      fileId: m.file_id,
      deferredUntil: m.deferred_until,
    })),
    tasks: p.tasks.map((t) => ({
      id: t.id,
      department: dept(t.department_id),
      itemId: t.item_id,
      state: t.state,
      decision: t.decision,
      reasons: fromJson<string[]>(t.reasons, []),
      decidedAt: t.decided_at,
      decidedByName: staffView ? staff(t.decided_by) : null,
      clock: clock(t.clock_id),
    })),
    supplementNotices: p.notices.map((n) => ({
      seq: n.seq,
      items: fromJson<SupplementItem[]>(n.items, []),
      reason: n.reason,
      issuedAt: n.issued_at,
      fulfilledAt: n.fulfilled_at,
    })),
    records: (p.showReviewRecord ? p.records : []).map((r) => {
      const data = fromJson<Record<string, unknown>>(r.data, {});
      return {
        id: r.id,
        taskId: r.task_id,
        kind: r.kind,
        text: r.text,
        data,
        status: r.status,
        authorId: r.author_id,
        authorName: staff(r.author_id),
        department: r.task_id ? dept(taskDept.get(r.task_id) ?? '') : null,
        deciderName: staff(data.decidedBy),
        createdAt: r.created_at,
      };
    }),
    documents: p.documents.map((d) => ({
      id: d.id,
      kind: d.kind,
      number: d.number,
      issuedAt: d.issued_at,
      state: d.state as DocumentState,
      sha256: d.sha256,
      contentSha256: d.content_sha256,
    })),
    clocks: {
      acceptance: clock(c.acceptance_clock_id),
      case: clock(c.case_clock_id),
      delivery: clock(c.delivery_clock_id),
    },
    history: p.events.map((e) => ({
      seq: e.seq,
      at: e.at,
      kind: e.kind,
      actorRole: e.actor_role,
      data: fromJson<Record<string, unknown>>(e.data, {}),
      hash: e.hash,
    })),
    allowedActions: p.allowedActions,
  };
}

/** A row of a case list. */
export const presentCaseSummary = (r: CaseListRow): Static<typeof CaseSummary> => ({
  id: r.id,
  receiptNo: r.receipt_no,
  title: r.title,
  state: r.state,
  channel: r.channel,
  applicantName: r.applicant_name,
  createdAt: r.created_at,
  submittedAt: r.submitted_at,
  decision: r.decision,
  version: r.version,
  leadDepartmentId: r.lead_department_id,
  ...runningDeadline(r),
});

/** The deadline the case is working to now: delivery, else the review, else acceptance (a stopped clock counts for none). */
function runningDeadline(r: CaseListRow): { dueDate: string | null; colour: string | null } {
  for (const [status, due, colour] of [
    [r.delivery_status, r.delivery_due, r.delivery_colour],
    [r.case_status, r.case_due, r.case_colour],
    [r.acceptance_status, r.acceptance_due, r.acceptance_colour],
  ] as const)
    if (status && status !== 'stopped') return { dueDate: due, colour: status === 'paused' ? null : colour };
  return { dueDate: null, colour: null };
}

/**
 * A department reviewing only some items of a bundle (a co-department) sees the materials of its own
 * items; the lead department, the window, supervisors and the applicant see them all.
 */
function visibleMaterials(actor: Actor, c: CaseRow, p: CaseParts) {
  const reviewing = actor.role === 'reviewer' || actor.role === 'head';
  if (!reviewing || !actor.departmentId || actor.departmentId === c.lead_department_id) return p.materials;
  const own = new Set(p.items.filter((i) => i.department_id === actor.departmentId).map((i) => i.item_id));
  return own.size === 0 ? p.materials : p.materials.filter((m) => own.has(m.item_id));
}

/** A row of a department's worklist. */
export const presentWorkItem = (r: WorkRow): Static<typeof WorkItem> => ({
  taskId: r.task_id,
  taskState: r.task_state,
  caseId: r.case_id,
  receiptNo: r.receipt_no,
  title: r.item_name ?? r.title,
  caseTitle: r.title,
  caseState: r.state,
  caseVersion: r.version,
  dueDate: r.due_date,
  colour: r.colour,
  clockStatus: r.clock_status,
  extensionPending: !!r.pending_extension,
});

/**
 * An event as its hash covers it, for anyone holding the case's tracking code. Version 2 shows the
 * commitment in place of the actor's id and the personal fields of the data (the salt stays here);
 * version 1 hashed them in the clear, so only they can check it.
 */
export function presentHistoryEvent(e: Selectable<CaseEventTable>): HistoryEventT {
  const chained: ChainedEvent = {
    caseId: e.case_id,
    seq: e.seq,
    globalSeq: Number(e.global_seq),
    at: e.at,
    actorId: e.actor_id,
    actorRole: e.actor_role,
    kind: e.kind,
    data: fromJson<Record<string, unknown>>(e.data, {}),
  };
  const links = {
    prevHash: e.prev_hash,
    hash: e.hash,
    globalPrevHash: e.global_prev_hash,
    globalHash: e.global_hash,
  };
  const common = { v: e.hash_version, seq: e.seq, globalSeq: chained.globalSeq, at: e.at };
  if (e.hash_version === 1)
    return {
      ...common,
      actorRole: e.actor_role,
      kind: e.kind,
      data: chained.data,
      actorId: e.actor_id,
      ...links,
    };
  const p = publicEvent(chained, e.salt ?? '');
  const personal = splitPersonal(chained).personal;
  return {
    ...common,
    actorRole: p.actorRole,
    kind: p.kind,
    data: p.data,
    commitment: p.commitment,
    personalFields: ['actorId', ...Object.keys(personal.data).map((k) => `data.${k}`)],
    ...links,
  };
}
