import type { Actor } from '../../shared/actor.js';
import { authorize } from '../../shared/policy.js';
import type { ComplaintDeps } from './complaint-deps.js';
import { complaintPolicy } from './policy.js';
import { localDate } from '../clock/local-time.js';
import { queueCounts, queueRows, type QueueFilter, type QueueRowData } from './repository-lists.js';

/** The open steps, one queue each on the workbench: 受理, 交办, 办理, 退单 to decide, 办结. */
export const OPEN = ['submitted', 'accepted', 'dispatched', 'returned', 'replied'] as const;
export const COLOURS = ['red', 'yellow', 'green'] as const;
/** Where a ticket's running deadline stands against today (the center's date): none when no clock runs. */
export const DEADLINES = ['overdue', 'today', 'later', 'none'] as const;
type Deadline = (typeof DEADLINES)[number];

type QueueQuery = { state?: string; colour?: string; deadline?: Deadline; limit: number };

const deadlineOf = (due: string | null, today: string): Deadline =>
  due === null ? 'none' : due < today ? 'overdue' : due === today ? 'today' : 'later';

function deadlineFilter(d: Deadline | undefined, today: string): Partial<QueueFilter> {
  if (d === 'overdue') return { dueBefore: today };
  if (d === 'today') return { dueOn: today };
  if (d === 'later') return { dueAfter: today };
  if (d === 'none') return { noDeadline: true };
  return {};
}

const zeros = <K extends string>(keys: readonly K[]) =>
  Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;

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

/**
 * The reporting center's workbench: open tickets by step, deadline and colour, soonest due first
 * (one page of at most 200), with the counts of every open ticket: per step under the colour and
 * deadline chosen, per colour and per deadline over all steps.
 */
export async function workbench(deps: ComplaintDeps, actor: Actor, q: QueueQuery) {
  authorize(actor, complaintPolicy.workbench, undefined, 'complaint.workbench');
  const today = localDate(deps.clock.now());
  const { deadline, ...rest } = q;
  const [rows, groups] = await Promise.all([
    queueRows(deps.db, { ...rest, ...deadlineFilter(deadline, today), states: [...OPEN] }),
    queueCounts(deps.db, OPEN),
  ]);
  const counts = {
    steps: zeros(OPEN),
    colours: { ...zeros(COLOURS), none: 0 },
    deadlines: zeros(DEADLINES),
    total: 0,
  };
  for (const g of groups) {
    const n = Number(g.n);
    const colour = (g.colour ?? 'none') as keyof typeof counts.colours;
    const when = deadlineOf(g.due_date, today);
    counts.total += n;
    if (colour in counts.colours) counts.colours[colour] += n;
    counts.deadlines[when] += n;
    if ((!q.colour || q.colour === colour) && (!deadline || deadline === when))
      counts.steps[g.state as (typeof OPEN)[number]] += n;
  }
  return { items: byDue(rows.map((r) => presentRow(r, true))), counts };
}

/** What a department must handle, the reporter masked; never a report about its own leadership. */
export async function departmentQueue(deps: ComplaintDeps, actor: Actor, q: QueueQuery) {
  authorize(actor, complaintPolicy.departmentList, undefined, 'complaint.department_list');
  const { deadline, ...rest } = q;
  const rows = await queueRows(deps.db, {
    ...rest,
    ...deadlineFilter(deadline, localDate(deps.clock.now())),
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
    queueRows(deps.db, { states: [...OPEN], colour: 'red', limit: q.limit }),
    queueRows(deps.db, { returned: true, limit: q.limit }),
    queueRows(deps.db, { reopened: true, limit: q.limit }),
  ]);
  const show = (rows: QueueRowData[]) => byDue(rows.map((r) => presentRow(r, true)));
  return { overdue: show(overdue), returned: show(returned), reopened: show(reopened) };
}
