import type { ExpressionBuilder, Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { RawRecord, Source } from './contributions.js';

type Q = Kysely<Database>;
/** Which records to read: these ids, or the next page after an id (in id order). */
export type Pick = { ids: readonly string[] } | { after: string; limit: number };

/** Applies a pick to a query over a table aliased with an `id` column. */
function picked<T extends { where: (...a: never[]) => T }>(q: T, col: string, pick: Pick): T {
  // The casts keep one helper for every source's query builder.
  const w = q.where as unknown as (c: string, op: string, v: unknown) => T;
  if ('ids' in pick) return w.call(q, col, 'in', pick.ids);
  const next = w.call(q, col, '>', pick.after) as unknown as {
    orderBy: (c: string) => { limit: (n: number) => T };
  };
  return next.orderBy(col).limit(pick.limit);
}

async function caseClocks(db: Q, pick: Pick): Promise<RawRecord[]> {
  const q = db
    .selectFrom('clocks as c')
    .leftJoin('cases as k', 'k.id', 'c.subject_id')
    .select((eb) => [
      'c.id',
      'c.subject_id',
      'c.department_id',
      'c.item_id',
      'c.start_date',
      'c.due_date',
      'c.paused_days',
      'c.status',
      'c.outcome',
      'c.stopped_at',
      'c.overdue_at',
      'k.created_by',
      'k.window',
      eb
        .selectFrom('hall_visits as v')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('v.case_id', '=', 'c.subject_id')
        .as('visits'),
    ])
    .where('c.subject_type', '=', 'case');
  const rows = await picked(q, 'c.id', pick).execute();
  return rows.map((r) => ({
    source: 'case_clock' as const,
    id: r.id,
    caseId: r.subject_id,
    departmentId: r.department_id,
    itemId: r.item_id,
    startDate: r.start_date,
    dueDate: r.due_date,
    pausedDays: r.paused_days,
    status: r.status,
    outcome: r.outcome,
    stoppedAt: r.stopped_at,
    overdueAt: r.overdue_at,
    staffId: r.created_by ?? null,
    window: r.window ?? null,
    visits: Number(r.visits ?? 0),
  }));
}

async function cases(db: Q, pick: Pick): Promise<RawRecord[]> {
  const q = db.selectFrom('cases as k').select((eb) => [
    'k.id',
    'k.lead_department_id',
    'k.submitted_at',
    'k.channel',
    'k.created_by',
    'k.window',
    eb
      .selectFrom('supplement_notices as s')
      .select(eb.fn.countAll<number>().as('n'))
      .whereRef('s.case_id', '=', 'k.id')
      .as('supplements'),
    // The 容缺 promise: its materials keep their deadline (one per case) after they arrive.
    promised(eb)
      .select((m) => m.fn.countAll<number>().as('n'))
      .as('promised'),
    promised(eb)
      .select((m) => m.fn.count<number>('m.supplied_at').as('n'))
      .as('supplied'),
    promised(eb)
      .select((m) => m.fn.max('m.promised_until').as('d'))
      .as('deadline'),
    promised(eb)
      .select((m) => m.fn.max('m.supplied_at').as('t'))
      .as('last_supplied'),
    'k.decided_at',
    'k.completed_at',
  ]);
  const rows = await picked(q, 'k.id', pick).execute();
  return rows.map((r) => ({
    source: 'case' as const,
    id: r.id,
    departmentId: r.lead_department_id,
    submittedAt: r.submitted_at,
    channel: r.channel,
    staffId: r.created_by,
    window: r.window,
    supplements: Number(r.supplements ?? 0),
    promise:
      Number(r.promised ?? 0) > 0 && r.deadline
        ? {
            deadline: String(r.deadline),
            promised: Number(r.promised),
            supplied: Number(r.supplied ?? 0),
            lastSuppliedAt: r.last_supplied ? String(r.last_supplied) : null,
            endedAt: r.decided_at ?? r.completed_at ?? null,
          }
        : null,
  }));
}

/** A case's materials promised under 容缺 (a correlated subquery over the case's materials). */
const promised = (eb: ExpressionBuilder<Database & { k: Database['cases'] }, 'k'>) =>
  eb
    .selectFrom('case_materials as m')
    .whereRef('m.case_id', '=', 'k.id')
    .where('m.promised_until', 'is not', null);

async function tickets(db: Q, pick: Pick): Promise<RawRecord[]> {
  const q = db
    .selectFrom('hall_tickets as t')
    .leftJoin('hall_groups as g', 'g.id', 't.group_id')
    .select([
      't.id',
      'g.department_id',
      't.item_id',
      't.staff_id',
      't.window_id',
      't.called_at',
      't.wait_seconds',
    ]);
  const rows = await picked(q, 't.id', pick).execute();
  return rows.map((r) => ({
    source: 'ticket' as const,
    id: r.id,
    departmentId: r.department_id ?? null,
    itemId: r.item_id,
    staffId: r.staff_id,
    windowId: r.window_id,
    calledAt: r.called_at,
    waitSeconds: r.wait_seconds,
  }));
}

async function ratings(db: Q, pick: Pick): Promise<RawRecord[]> {
  const q = db
    .selectFrom('rating_ratings as r')
    .leftJoin('rating_rectifications as x', 'x.rating_id', 'r.id')
    .leftJoin('clocks as c', 'c.id', 'x.rectify_clock_id')
    .select([
      'r.id',
      'r.department_id',
      'r.item_id',
      'r.staff_id',
      'r.window',
      'r.state',
      'r.level',
      'r.rated_at',
      'x.rectified_at',
      'c.overdue_at',
      'x.callback_required',
      'x.callback_at',
    ]);
  const rows = await picked(q, 'r.id', pick).execute();
  return rows.map((r) => ({
    source: 'rating' as const,
    id: r.id,
    departmentId: r.department_id,
    itemId: r.item_id,
    staffId: r.staff_id,
    window: r.window,
    state: r.state,
    level: r.level,
    ratedAt: r.rated_at,
    rectifiedAt: r.rectified_at ?? null,
    rectifyOverdueAt: r.overdue_at ?? null,
    callbackRequired: Number(r.callback_required ?? 0) === 1,
    callbackAt: r.callback_at ?? null,
  }));
}

async function complaints(db: Q, pick: Pick): Promise<RawRecord[]> {
  const q = db
    .selectFrom('complaints as t')
    .leftJoin('clocks as c', 'c.id', 't.handling_clock_id')
    .select([
      't.id',
      't.department_id',
      't.assigned_department_id',
      't.state',
      't.created_at',
      't.replied_at',
      'c.overdue_at',
      't.reopen_count',
    ]);
  const rows = await picked(q, 't.id', pick).execute();
  const returns = rows.length
    ? await db
        .selectFrom('complaint_returns')
        .select(['complaint_id', 'department_id', 'returned_at'])
        .where(
          'complaint_id',
          'in',
          rows.map((r) => r.id),
        )
        .orderBy('returned_at')
        .orderBy('id')
        .execute()
    : [];
  return rows.map((r) => ({
    source: 'complaint' as const,
    id: r.id,
    departmentId: r.department_id,
    assignedDepartmentId: r.assigned_department_id,
    state: r.state,
    createdAt: r.created_at,
    repliedAt: r.replied_at,
    replyOverdueAt: r.overdue_at ?? null,
    reopens: r.reopen_count,
    returns: returns
      .filter((x) => x.complaint_id === r.id)
      .map((x) => ({ departmentId: x.department_id, at: x.returned_at })),
  }));
}

async function signals(db: Q, pick: Pick): Promise<RawRecord[]> {
  const q = db
    .selectFrom('supervision_signals as s')
    .select(['s.id', 's.kind', 's.department_id', 's.raised_at', 's.subject_type', 's.subject_id']);
  const rows = await picked(q, 's.id', pick).execute();
  return rows.map((r) => ({
    source: 'signal' as const,
    id: r.id,
    kind: r.kind,
    departmentId: r.department_id,
    raisedAt: r.raised_at,
    subjectType: r.subject_type,
    subjectId: r.subject_id,
  }));
}

async function orders(db: Q, pick: Pick): Promise<RawRecord[]> {
  const q = db
    .selectFrom('supervision_orders as o')
    .leftJoin('clocks as c', 'c.id', 'o.answer_clock_id')
    .select([
      'o.id',
      'o.department_id',
      'o.subject_type',
      'o.subject_id',
      'o.opened_at',
      'o.answered_at',
      'c.overdue_at',
    ]);
  const rows = await picked(q, 'o.id', pick).execute();
  return rows.map((r) => ({
    source: 'order' as const,
    id: r.id,
    departmentId: r.department_id,
    subjectType: r.subject_type,
    subjectId: r.subject_id,
    openedAt: r.opened_at,
    answeredAt: r.answered_at,
    answerOverdueAt: r.overdue_at ?? null,
  }));
}

async function refunds(db: Q, pick: Pick): Promise<RawRecord[]> {
  const q = db
    .selectFrom('fee_refunds as f')
    .leftJoin('clocks as c', 'c.id', 'f.clock_id')
    .select(['f.id', 'f.case_id', 'f.department_id', 'f.paid_at', 'c.overdue_at']);
  const rows = await picked(q, 'f.id', pick).execute();
  return rows.map((r) => ({
    source: 'refund' as const,
    id: r.id,
    caseId: r.case_id,
    departmentId: r.department_id,
    paidAt: r.paid_at,
    overdueAt: r.overdue_at ?? null,
  }));
}

async function inspections(db: Q, pick: Pick): Promise<RawRecord[]> {
  const q = db.selectFrom('insp_inspections as i').select((eb) => [
    'i.id',
    'i.department_id',
    'i.started_at',
    'i.outcome',
    'i.result_at',
    'i.outside_standard',
    // The inspector whose scan started the visit (the first such scan).
    eb
      .selectFrom('insp_scans as s')
      .select('s.user_id')
      .whereRef('s.inspection_id', '=', 'i.id')
      .where('s.outcome', '=', 'started')
      .orderBy('s.scanned_at')
      .orderBy('s.id')
      .limit(1)
      .as('starter'),
  ]);
  const rows = await picked(q, 'i.id', pick).execute();
  return rows.map((r) => ({
    source: 'inspection' as const,
    id: r.id,
    departmentId: r.department_id,
    staffId: r.starter ?? null,
    startedAt: r.started_at,
    outcome: r.outcome,
    resultAt: r.result_at,
    outsideStandard: Number(r.outside_standard) === 1,
  }));
}

async function inspectionScans(db: Q, pick: Pick): Promise<RawRecord[]> {
  const q = db
    .selectFrom('insp_scans as s')
    .select(['s.id', 's.enterprise_id', 's.department_id', 's.user_id', 's.outcome', 's.scanned_at']);
  const rows = await picked(q, 's.id', pick).execute();
  return rows.map((r) => ({
    source: 'inspection_scan' as const,
    id: r.id,
    enterpriseId: r.enterprise_id,
    departmentId: r.department_id,
    userId: r.user_id,
    outcome: r.outcome,
    scannedAt: r.scanned_at,
  }));
}

/** The readers of each source's raw records (the same for the refresh and the recompute). */
export const LOADERS: Record<Source, (db: Q, pick: Pick) => Promise<RawRecord[]>> = {
  case_clock: caseClocks,
  case: cases,
  ticket: tickets,
  rating: ratings,
  complaint: complaints,
  signal: signals,
  order: orders,
  refund: refunds,
  inspection: inspections,
  inspection_scan: inspectionScans,
};
