import type { Actor } from '../../shared/actor.js';
import { authorize } from '../../shared/policy.js';
import type { ComplaintDeps } from './complaint-deps.js';
import { complaintPolicy } from './policy.js';
import { queueRows, type QueueRowData } from './repository-lists.js';

const OPEN = ['submitted', 'accepted', 'dispatched', 'returned', 'replied'];

type QueueQuery = { state?: string; colour?: string; limit: number };

/** One row of a list; the reporter's name only where the viewer may see who reported. */
export function presentRow(r: QueueRowData, showReporter: boolean) {
  return {
    id: r.id,
    ticketNo: r.ticket_no,
    state: r.state as 'submitted',
    category: r.category_code,
    urgent: r.urgent === 1,
    route: r.route,
    departmentId: r.department_id,
    assignedDepartmentId: r.assigned_department_id,
    reporterName: showReporter ? r.reporter_name : null,
    dueDate: r.due_date ?? null,
    colour: r.colour ?? null,
    returnCount: r.return_count,
    reopenCount: r.reopen_count,
    createdAt: r.created_at,
  };
}

const byDue = <T extends { dueDate: string | null; createdAt: string }>(rows: T[]) =>
  rows.sort(
    (a, b) =>
      (a.dueDate ?? '9999').localeCompare(b.dueDate ?? '9999') || a.createdAt.localeCompare(b.createdAt),
  );

/** The reporting center's workbench: open tickets by step, deadline and colour, soonest due first. */
export async function workbench(deps: ComplaintDeps, actor: Actor, q: QueueQuery) {
  authorize(actor, complaintPolicy.workbench, undefined, 'complaint.workbench');
  const rows = await queueRows(deps.db, { ...q, states: OPEN });
  return { items: byDue(rows.map((r) => presentRow(r, true))) };
}

/** What a department must handle, the reporter masked; never a report about its own leadership. */
export async function departmentQueue(deps: ComplaintDeps, actor: Actor, q: QueueQuery) {
  authorize(actor, complaintPolicy.departmentList, undefined, 'complaint.department_list');
  const rows = await queueRows(deps.db, {
    ...q,
    states: q.state ? undefined : ['dispatched', 'returned', 'replied', 'closed'],
    assignedDepartmentId: actor.departmentId ?? '-',
    route: 'department',
  });
  return { items: byDue(rows.map((r) => presentRow(r, false))) };
}

/** The supervisors' view: overdue tickets, returns and reopens. */
export async function supervisorView(deps: ComplaintDeps, actor: Actor, q: { limit: number }) {
  authorize(actor, complaintPolicy.supervisorView, undefined, 'complaint.supervisor_view');
  const [overdue, returned, reopened] = await Promise.all([
    queueRows(deps.db, { states: OPEN, colour: 'red', limit: q.limit }),
    queueRows(deps.db, { returned: true, limit: q.limit }),
    queueRows(deps.db, { reopened: true, limit: q.limit }),
  ]);
  const show = (rows: QueueRowData[]) => byDue(rows.map((r) => presentRow(r, true)));
  return { overdue: show(overdue), returned: show(returned), reopened: show(reopened) };
}
