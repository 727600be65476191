import { fromJson } from '../../shared/json.js';
import type { DepartmentRow } from '../catalogue/catalogue-reads.js';
import type { WorkingCalendar } from '../clock/calendar/working-calendar.js';
import type { ClockRow } from '../clock/clock-reads.js';
import { presentClock } from '../clock/presenter.js';
import type { OrderRow, SignalRow } from './repository.js';
import { SIGNAL_KINDS } from './signals.js';

type Colour = 'green' | 'yellow' | 'red';
type Counts = Record<Colour | 'paused', number>;

export const pageOf = <T>(items: T[], total: number, q: { page: number; pageSize: number }) => ({
  items,
  total,
  page: q.page,
  pageSize: q.pageSize,
});

/** Open clocks tallied per department (paused ones apart, whatever their colour), and in total. */
export function presentBoard(
  counts: { department_id: string | null; status: string; colour: string; n: number | string }[],
  departments: Pick<DepartmentRow, 'id' | 'code' | 'name'>[],
) {
  const zero = (): Counts => ({ green: 0, yellow: 0, red: 0, paused: 0 });
  const byDept = new Map<string | null, Counts>();
  const totals = zero();
  for (const c of counts) {
    const k = c.status === 'paused' ? 'paused' : (c.colour as Colour);
    const row = byDept.get(c.department_id) ?? zero();
    row[k] += Number(c.n);
    totals[k] += Number(c.n);
    byDept.set(c.department_id, row);
  }
  const rows: ({ departmentId: string | null; code: string | null; name: string | null } & Counts)[] =
    departments.map((d) => ({
      departmentId: d.id,
      code: d.code,
      name: d.name,
      ...(byDept.get(d.id) ?? zero()),
    }));
  // Clocks of no department (a system's own) still count, in a row of their own.
  if (byDept.has(null)) rows.push({ departmentId: null, code: null, name: null, ...byDept.get(null)! });
  return { departments: rows, totals };
}

export const presentSignal = (s: SignalRow) => ({
  id: s.id,
  kind: s.kind,
  severity: s.severity,
  title: SIGNAL_KINDS[s.kind as keyof typeof SIGNAL_KINDS]?.zh ?? s.kind,
  titleEn: SIGNAL_KINDS[s.kind as keyof typeof SIGNAL_KINDS]?.en ?? s.kind,
  clockId: s.clock_id,
  subjectType: s.subject_type,
  subjectId: s.subject_id,
  departmentId: s.department_id,
  raisedAt: s.raised_at,
  status: s.status,
  data: fromJson<Record<string, unknown>>(s.data, {}),
});

export const presentOrder = (
  o: OrderRow & {
    clock_label: string | null;
    clock_due_date: string | null;
    clock_status: string | null;
    answer_due_date: string | null;
    answer_colour: string | null;
  },
) => ({
  id: o.id,
  clockId: o.clock_id,
  label: o.clock_label,
  dueDate: o.clock_due_date,
  // The matter itself finished (its clock stopped): the order may be closed without an answer.
  matterDone: o.clock_status === 'stopped',
  subjectType: o.subject_type,
  subjectId: o.subject_id,
  departmentId: o.department_id,
  status: o.status,
  openedAt: o.opened_at,
  answerClockId: o.answer_clock_id,
  answerDueDate: o.answer_due_date,
  answerColour: o.answer_colour,
  answer: o.answer,
  answeredAt: o.answered_at,
  answeredBy: o.answered_by,
  closedAt: o.closed_at,
  closeNote: o.close_note,
  version: o.version,
});

/** What an answered or closed order tells its caller: where it now stands. */
export const presentOrderChange = (o: Pick<OrderRow, 'id' | 'status' | 'version'>) => ({
  id: o.id,
  status: o.status,
  version: o.version,
});

type ClockEvent = {
  clock_id: string;
  kind: string;
  at: string;
  seq: number;
  actor_id: string | null;
  data: string;
};

/** Clocks with their histories (each clock gets the events that are its own). */
export const presentClocksWithHistory = (
  cal: WorkingCalendar,
  today: string,
  clocks: ClockRow[],
  events: ClockEvent[],
) =>
  clocks.map((c) =>
    presentClock(
      cal,
      c,
      today,
      events.filter((e) => e.clock_id === c.id),
    ),
  );
