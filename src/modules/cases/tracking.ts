import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { DocumentState } from '../documents/schemas.js';
import type { WorkingCalendar } from '../clock/calendar/working-calendar.js';
import { explainClock } from '../clock/explain-clock.js';
import { localDate } from '../clock/local-time.js';
import { clockEvents as eventsOf, findClock, type ClockRow } from '../clock/clock-reads.js';
import { fromJson, toJson } from '../../shared/json.js';
import { maskCreditCode, maskIdNumber, maskName } from '../identity/presenter.js';
import { documentsOf, findCase, tasksOf, type CaseRow } from './repository.js';
import { frozenVersions } from '../catalogue/frozen-versions.js';
import type { ItemInputT } from '../catalogue/schemas.js';
import type { Static } from '@sinclair/typebox';
import type {
  TrackingSnapshot as TrackingSnapshotSchema,
  TrackingView as TrackingViewSchema,
} from './schemas.js';
import type { TrackedFees } from '../fees/fee-summary.js';
import { caseWindow } from './case-window.js';

const STAGE: Record<string, { zh: string; en: string }> = {
  draft: { zh: '草稿', en: 'Draft' },
  received: { zh: '已收件，待受理', en: 'Received, awaiting acceptance' },
  awaiting_supplement: { zh: '待补正材料', en: 'Awaiting supplementary materials' },
  under_review: { zh: '审查中', en: 'Under review' },
  decided: { zh: '已作出决定，待送达', en: 'Decided, awaiting delivery' },
  completed: { zh: '已办结', en: 'Completed' },
  not_accepted: { zh: '不予受理', en: 'Not accepted' },
  withdrawn: { zh: '已撤回', en: 'Withdrawn' },
};

export interface TrackingParts {
  c: CaseRow;
  items: {
    item_id: string;
    department_id: string;
    role: string;
    name: string;
    data: ItemInputT;
    version_no: number;
  }[];
  tasks: {
    id: string;
    department_id: string;
    state: string;
    decision: string | null;
    decided_at: string | null;
    clock_id: string | null;
  }[];
  docs: { kind: string; number: string; issued_at: string; sha256: string | null; state: string }[];
  depts: { id: string; name: string; windows: string; phone: string; complaint_phone: string }[];
  clock?: ClockRow;
  clockEvents: { kind: string; at: string; data: string }[];
  taskClocks: Map<string, ClockRow | undefined>;
}

/**
 * What the public tracking page shows, built when the case changes and stored with it, so a lookup
 * is one indexed read. Only the colour is worked out at read time, from the stored thresholds.
 */
export function composeTracking(
  p: TrackingParts,
  cal: WorkingCalendar,
  now: Date,
): Static<typeof TrackingSnapshotSchema> {
  const { c, items, tasks, docs, clock } = p;
  const dept = new Map(p.depts.map((d) => [d.id, d]));
  const lead = dept.get(c.lead_department_id);
  const leadItem = items.find((i) => i.role === 'lead') ?? items[0];
  const leadData: Partial<ItemInputT> = leadItem?.data ?? {};
  const today = localDate(now);
  const deadline = clock
    ? {
        status: clock.status,
        dueDate: clock.due_date,
        provisional: !!clock.provisional,
        yellowAt: clock.yellow_at,
        overdueAt: clock.overdue_at,
        committedDays: c.committed_days,
        explanation: explainClock(cal, clock, p.clockEvents, today, 'public'),
      }
    : null;
  return {
    receiptNo: c.receipt_no,
    title: c.title,
    state: c.state,
    stage: STAGE[c.state] ?? { zh: c.state, en: c.state },
    channel: c.channel,
    applicant: {
      name: maskName(c.applicant_name),
      id:
        c.applicant_kind === 'enterprise'
          ? maskCreditCode(c.applicant_id_number)
          : maskIdNumber(c.applicant_id_number),
    },
    items: items.map((i) => ({
      name: i.name,
      versionNo: i.version_no,
      role: i.role,
      department: dept.get(i.department_id)?.name ?? null,
    })),
    leadDepartment: lead
      ? {
          name: lead.name,
          windows: fromJson<string[]>(lead.windows, []),
          phone: lead.phone,
          complaintPhone: lead.complaint_phone,
        }
      : null,
    window: caseWindow(c.window, leadData.window, lead ? fromJson<string[]>(lead.windows, []) : []),
    responsibleOfficial: leadData.responsibleLeader ?? null,
    place: leadData.place ?? null,
    submittedAt: c.submitted_at,
    acceptedAt: c.accepted_at,
    acceptanceDate: c.acceptance_date,
    departments: tasks.map((t) => {
      const tc = p.taskClocks.get(t.id);
      return {
        department: dept.get(t.department_id)?.name ?? null,
        state: t.state,
        decision: t.decision,
        decidedAt: t.decided_at,
        dueDate: tc?.due_date ?? null,
        status: tc?.status ?? null,
      };
    }),
    deadline,
    predictedCompletion:
      clock && clock.status !== 'stopped' ? clock.due_date : (c.completed_at?.slice(0, 10) ?? null),
    result: c.decision
      ? { decision: c.decision, decidedAt: c.decided_at, completedAt: c.completed_at }
      : null,
    documents: docs.map((d) => ({
      kind: d.kind,
      number: d.number,
      issuedAt: d.issued_at,
      state: d.state as DocumentState,
      sha256: d.sha256,
    })),
    latestHash: c.last_hash,
    events: c.event_count,
    updatedAt: now.toISOString(),
  };
}

export async function buildTracking(db: Kysely<Database>, cal: WorkingCalendar, caseId: string, now: Date) {
  const c = (await findCase(db, caseId))!;
  const [caseItems, tasks, docs, depts] = await Promise.all([
    db
      .selectFrom('case_items')
      .select(['item_id', 'item_version_id', 'department_id', 'role'])
      .where('case_id', '=', caseId)
      .execute(),
    tasksOf(db, caseId),
    documentsOf(db, caseId),
    db.selectFrom('departments').select(['id', 'name', 'windows', 'phone', 'complaint_phone']).execute(),
  ]);
  const versions = await frozenVersions(
    db,
    caseItems.map((i) => i.item_version_id),
  );
  const items = caseItems.map((i) => {
    const v = versions.get(i.item_version_id)!;
    return { ...i, name: v.name, data: v.data, version_no: v.versionNo };
  });
  const clock = c.case_clock_id ? await findClock(db, c.case_clock_id) : undefined;
  const taskClocks = new Map<string, ClockRow | undefined>();
  for (const t of tasks) if (t.clock_id) taskClocks.set(t.id, await findClock(db, t.clock_id));
  return composeTracking(
    {
      c,
      items,
      tasks,
      docs,
      depts,
      clock,
      clockEvents: clock ? await eventsOf(db, [clock.id]) : [],
      taskClocks,
    },
    cal,
    now,
  );
}

export type TrackingSnapshot = ReturnType<typeof composeTracking>;

export async function refreshTracking(
  db: Kysely<Database>,
  cal: WorkingCalendar,
  caseId: string,
  now: Date,
): Promise<void> {
  const snapshot = await buildTracking(db, cal, caseId, now);
  await db
    .updateTable('cases')
    .set({ tracking: toJson(snapshot) })
    .where('id', '=', caseId)
    .execute();
}

/** Yellow/red of the case deadline at the moment of the lookup. */
export function liveColour(s: TrackingSnapshot, nowIso: string): 'green' | 'yellow' | 'red' | null {
  const d = s.deadline;
  if (!d || d.status !== 'running') return null;
  if (nowIso >= d.overdueAt) return 'red';
  if (d.yellowAt && nowIso >= d.yellowAt) return 'yellow';
  return 'green';
}

export type TrackingView = Static<typeof TrackingViewSchema>;

/** A lookup's answer: the stored snapshot with the live colour, the moment of the lookup and the fees as they stand. */
export function trackingView(s: TrackingSnapshot, fees: TrackedFees | null, now: Date): TrackingView {
  const nowIso = now.toISOString();
  return { colour: liveColour(s, nowIso), checkedAt: nowIso, fees, ...s };
}
