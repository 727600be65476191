import type { Actor } from '../../shared/actor.js';
import { notFound } from '../../server/errors.js';
import { authorize } from '../../shared/policy.js';
import { fromJson } from '../../shared/json.js';
import { localDate } from '../clock/local-time.js';
import { presentClock } from '../clock/presenter.js';
import { clockEvents as eventsOf } from '../clock/clock-reads.js';
import { maskCreditCode, maskIdNumber, maskPhone } from '../identity/presenter.js';
import type { CaseDeps } from './case-deps.js';
import { allowedActions } from './case-machine.js';
import { casePolicy } from './policy.js';
import {
  departmentIdsOf,
  documentsOf,
  eventsOfCase,
  findCase,
  materialsOf,
  noticesOf,
  recordsOf,
  tasksOf,
} from './repository.js';

/** A case as the people on it see it, with the actions this actor may take now. */
export async function getCase(deps: CaseDeps, actor: Actor, caseId: string) {
  const { db } = deps;
  const c = await findCase(db, caseId);
  if (!c) throw notFound('case', caseId);
  const departmentIds = await departmentIdsOf(db, c);
  authorize(actor, casePolicy.read, { applicantUserId: c.applicant_user_id, departmentIds }, 'case.read');
  const [items, materials, tasks, notices, records, documents, events, depts] = await Promise.all([
    db
      .selectFrom('case_items')
      .innerJoin('item_versions as v', 'v.id', 'case_items.item_version_id')
      .select([
        'case_items.item_id',
        'case_items.department_id',
        'case_items.role',
        'v.name',
        'v.version_no',
        'v.item_id as itemRef',
      ])
      .where('case_items.case_id', '=', c.id)
      .execute(),
    materialsOf(db, c.id),
    tasksOf(db, c.id),
    noticesOf(db, c.id),
    recordsOf(db, c.id),
    documentsOf(db, c.id),
    eventsOfCase(db, c.id),
    db.selectFrom('departments').select(['id', 'code', 'name']).execute(),
  ]);
  const deptName = new Map(depts.map((d) => [d.id, d]));
  const clockIds = [
    c.acceptance_clock_id,
    c.case_clock_id,
    c.delivery_clock_id,
    ...tasks.map((t) => t.clock_id),
  ].filter((x): x is string => !!x);
  const clocks = clockIds.length
    ? await db.selectFrom('clocks').selectAll().where('id', 'in', clockIds).execute()
    : [];
  const clockEvents = await eventsOf(db, clockIds);
  const cal = await deps.calendars.get();
  const today = localDate(deps.clock.now());
  const clock = (id: string | null) => {
    const k = clocks.find((x) => x.id === id);
    return k
      ? presentClock(
          cal,
          k,
          today,
          clockEvents.filter((e) => e.clock_id === k.id),
        )
      : null;
  };
  const staffView = actor.role !== 'applicant';
  return {
    id: c.id,
    receiptNo: c.receipt_no,
    title: c.title,
    state: c.state,
    shortfall: !!c.shortfall,
    channel: c.channel,
    handlingClass: c.handling_class,
    bundleId: c.bundle_id,
    leadDepartment: deptName.get(c.lead_department_id) ?? null,
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
    items: items.map((i) => ({
      itemId: i.item_id,
      name: i.name,
      versionNo: i.version_no,
      role: i.role,
      department: deptName.get(i.department_id) ?? null,
    })),
    materials: materials.map((m) => ({
      id: m.id,
      name: m.name,
      required: !!m.required,
      deferrable: !!m.deferrable,
      status: m.status,
      fileId: m.file_id,
      deferredUntil: m.deferred_until,
    })),
    tasks: tasks.map((t) => ({
      id: t.id,
      department: deptName.get(t.department_id) ?? null,
      itemId: t.item_id,
      state: t.state,
      decision: t.decision,
      reasons: fromJson<string[]>(t.reasons, []),
      decidedAt: t.decided_at,
      clock: clock(t.clock_id),
    })),
    supplementNotices: notices.map((n) => ({
      seq: n.seq,
      items: fromJson(n.items, []),
      reason: n.reason,
      issuedAt: n.issued_at,
      fulfilledAt: n.fulfilled_at,
    })),
    records: records.map((r) => ({
      id: r.id,
      taskId: r.task_id,
      kind: r.kind,
      text: r.text,
      data: fromJson(r.data, {}),
      status: r.status,
      authorId: r.author_id,
      createdAt: r.created_at,
    })),
    documents: documents.map((d) => ({
      id: d.id,
      kind: d.kind,
      number: d.number,
      issuedAt: d.issued_at,
      sha256: d.sha256,
    })),
    clocks: {
      acceptance: clock(c.acceptance_clock_id),
      case: clock(c.case_clock_id),
      delivery: clock(c.delivery_clock_id),
    },
    history: events.map((e) => ({
      seq: e.seq,
      at: e.at,
      kind: e.kind,
      actorRole: e.actor_role,
      data: fromJson(e.data, {}),
      hash: e.hash,
    })),
    allowedActions: allowedActions(actor, {
      state: c.state,
      applicantUserId: c.applicant_user_id,
      departmentIds,
    }),
  };
}
