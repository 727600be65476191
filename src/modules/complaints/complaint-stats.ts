import type { ComplaintDeps } from './complaint-deps.js';
import { listDepartments } from '../catalogue/catalogue-reads.js';
import { returnsByDepartment } from './repository-returns.js';
import { replyTimeliness, ticketCounts } from './repository-stats.js';

const rate = (part: number, whole: number) => (whole > 0 ? Math.round((part / whole) * 1000) / 1000 : null);

/**
 * Public statistics per department: tickets, on-time reply rate, resolution rate (closed and never
 * reopened) and returns. Below the minimum number of tickets the figures are withheld, so one fast
 * ticket does not top the table.
 */
export async function complaintStats(deps: ComplaintDeps) {
  const [depts, counts, timely, returns] = await Promise.all([
    listDepartments(deps.db),
    ticketCounts(deps.db),
    replyTimeliness(deps.db),
    returnsByDepartment(deps.db),
  ]);
  const min = deps.settings.statsMinimum;
  const byDept = <T extends { department_id: string | null }>(rows: T[]) =>
    new Map(rows.map((r) => [r.department_id, r]));
  const c = byDept(counts);
  const t = byDept(timely);
  const r = byDept(returns);
  const departments = depts
    .map((d) => {
      const n = Number(c.get(d.id)?.tickets ?? 0);
      const shown = n >= min;
      const tm = t.get(d.id);
      const cc = c.get(d.id);
      return {
        departmentId: d.id,
        department: d.name,
        tickets: n,
        shown,
        onTimeReplyRate: shown ? rate(Number(tm?.on_time ?? 0), Number(tm?.replied ?? 0)) : null,
        resolutionRate: shown ? rate(Number(cc?.resolved ?? 0), Number(cc?.closed ?? 0)) : null,
        returns: shown ? Number(r.get(d.id)?.n ?? 0) : null,
      };
    })
    .filter((d) => d.tickets > 0)
    .sort((a, b) => b.tickets - a.tickets);
  return { minimumTickets: min, departments };
}
