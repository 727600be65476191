import type { WorkingCalendar } from './calendar/working-calendar.js';
import type { ClockRow, ProposalRow } from './repository.js';
import type { SpecialDay } from './calendar/calendar-day.js';
import type { diffYear } from './calendar/holiday-cn.js';

type YearDiff = ReturnType<typeof diffYear>;
import { explainClock } from './explain-clock.js';
import { fromJson } from '../../shared/json.js';
import type { PROPOSAL_STATUSES } from './schemas.js';

/** A clock as people read it: where it stands, how much is left, and why the deadline is where it is. */
export function presentClock(
  cal: WorkingCalendar,
  c: ClockRow,
  today: string,
  events?: { kind: string; at: string; seq: number; actor_id: string | null; data: string }[],
) {
  const committed = c.limit_days + c.extension_days;
  const running = c.status === 'running';
  const remaining = running ? cal.workingDaysBetween(today, c.due_date) : null;
  const elapsed = committed > 0 ? Math.max(0, committed - Math.max(0, remaining ?? 0)) : 0;
  return {
    id: c.id,
    subjectType: c.subject_type,
    subjectId: c.subject_id,
    parentId: c.parent_id,
    label: c.label,
    departmentId: c.department_id,
    itemId: c.item_id,
    status: c.status,
    colour: c.colour as 'green' | 'yellow' | 'red',
    startDate: c.start_date,
    limitDays: c.limit_days,
    extensionDays: c.extension_days,
    pausedDays: c.paused_days,
    pausedSince: c.paused_since,
    dueDate: c.due_date,
    provisional: !!c.provisional,
    yellowAt: c.yellow_at,
    overdueAt: c.overdue_at,
    remainingWorkingDays: remaining,
    elapsedPct: running && committed > 0 ? Math.min(100, Math.round((elapsed / committed) * 100)) : null,
    startedAt: c.started_at,
    stoppedAt: c.stopped_at,
    outcome: c.outcome,
    version: c.version,
    ...(events
      ? {
          explanation: explainClock(cal, c, events, today),
          history: events.map((e) => ({
            seq: e.seq,
            kind: e.kind,
            at: e.at,
            actorId: e.actor_id,
            data: fromJson<Record<string, unknown>>(e.data, {}),
          })),
        }
      : {}),
  };
}

/** A year of the calendar: its named days and whether its notice is confirmed. */
export const presentCalendarYear = (y: {
  year: number;
  days: { date: string; kind: string; name: string; source: string }[];
  status: { confirmed: number; source: string } | undefined;
  workingDays: number;
}) => ({
  year: y.year,
  confirmed: !!y.status?.confirmed,
  source: y.status?.source ?? null,
  workingDays: y.workingDays,
  days: y.days.map((d) => ({
    date: d.date,
    kind: d.kind as 'holiday' | 'makeup_workday',
    name: d.name,
    source: d.source,
  })),
});

export const presentProposal = (p: ProposalRow) => ({
  id: p.id,
  year: Number(p.year),
  source: p.source,
  status: p.status as (typeof PROPOSAL_STATUSES)[number],
  proposedBy: p.proposed_by,
  proposedAt: p.proposed_at,
  decidedBy: p.decided_by,
  decidedAt: p.decided_at,
  decisionNote: p.decision_note,
  days: fromJson<SpecialDay[]>(p.days, []),
  diff: fromJson<YearDiff>(p.diff, { added: [], removed: [], changed: [] }),
});
