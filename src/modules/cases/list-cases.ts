import type { Actor } from '../../shared/actor.js';
import { authorize } from '../../shared/policy.js';
import type { CaseDeps } from './case-deps.js';
import { casePolicy } from './policy.js';

/** Case lists: an applicant's own; the window's queue; a department's cases; everything for supervisors. */
export async function listCases(
  deps: CaseDeps,
  actor: Actor,
  f: { state?: string; q?: string; limit: number; offset: number },
) {
  authorize(actor, casePolicy.list, undefined, 'case.list');
  let q = deps.db.selectFrom('cases');
  if (actor.role === 'applicant') q = q.where('applicant_user_id', '=', actor.id);
  else if (actor.role === 'reviewer' || actor.role === 'head') {
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('case_items')
          .select('case_items.case_id')
          .whereRef('case_items.case_id', '=', 'cases.id')
          .where('case_items.department_id', '=', actor.departmentId),
      ),
    );
  }
  if (f.state) q = q.where('state', '=', f.state);
  if (f.q) q = q.where((eb) => eb.or([eb('receipt_no', '=', f.q!), eb('title', 'like', `%${f.q}%`)]));
  const [rows, total] = await Promise.all([
    q
      .select([
        'id',
        'receipt_no',
        'title',
        'state',
        'channel',
        'applicant_name',
        'created_at',
        'submitted_at',
        'decision',
        'version',
        'lead_department_id',
      ])
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(f.limit)
      .offset(f.offset)
      .execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return {
    items: rows.map((r) => ({
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
    })),
    total: Number(total.n),
  };
}

/** A department's review tasks, the closest deadline first, with their colour and any extension awaiting the head. */
export async function worklist(
  deps: CaseDeps,
  actor: Actor,
  f: { state?: string; limit: number; offset: number },
) {
  authorize(actor, casePolicy.worklist, undefined, 'worklist');
  let q = deps.db
    .selectFrom('case_tasks as t')
    .innerJoin('cases as c', 'c.id', 't.case_id')
    .leftJoin('clocks as k', 'k.id', 't.clock_id')
    .where('t.department_id', '=', actor.departmentId);
  q = f.state ? q.where('t.state', '=', f.state) : q.where('t.state', '!=', 'decided');
  const [rows, total] = await Promise.all([
    q
      .select([
        't.id as task_id',
        't.state as task_state',
        'c.id as case_id',
        'c.receipt_no',
        'c.title',
        'c.state',
        'c.version',
        'k.due_date',
        'k.colour',
        'k.status as clock_status',
      ])
      .select((eb) =>
        eb
          .exists(
            eb
              .selectFrom('case_records as r')
              .select('r.id')
              .whereRef('r.task_id', '=', 't.id')
              .where('r.kind', '=', 'extension_request')
              .where('r.status', '=', 'pending'),
          )
          .as('pending_extension'),
      )
      .orderBy('k.due_date')
      .orderBy('t.id')
      .limit(f.limit)
      .offset(f.offset)
      .execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return {
    items: rows.map((r) => ({
      taskId: r.task_id,
      taskState: r.task_state,
      caseId: r.case_id,
      receiptNo: r.receipt_no,
      title: r.title,
      caseState: r.state,
      caseVersion: r.version,
      dueDate: r.due_date,
      colour: r.colour,
      clockStatus: r.clock_status,
      extensionPending: !!r.pending_extension,
    })),
    total: Number(total.n),
  };
}
