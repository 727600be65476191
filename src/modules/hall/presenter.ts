import { fromJson } from '../../shared/json.js';
import { maskName, maskPhone } from '../identity/presenter.js';
import type { Actor, DeviceKind } from '../../shared/actor.js';
import type { DeviceRow } from './repository-devices.js';
import type { EventRow, TicketRow } from './repository-tickets.js';
import type { AppointmentRow, GroupRow, WindowRow } from './repository.js';
import type { AppointmentViewT, TicketViewT } from './schemas.js';

type Waiting = readonly { group_id: string }[];
const waitingIn = (waiting: Waiting, gid: string) => waiting.filter((t) => t.group_id === gid).length;

export const presentGroup = (g: GroupRow, waiting: Waiting) => ({
  id: g.id,
  code: g.code,
  name: g.name,
  nameEn: g.name_en,
  departmentId: g.department_id,
  itemIds: fromJson<string[]>(g.item_ids, []),
  sessions: fromJson<[string, string][]>(g.sessions, []),
  slotMinutes: g.slot_minutes,
  slotCapacity: g.slot_capacity,
  serviceMinutes: g.service_minutes,
  active: g.active === 1,
  waiting: waitingIn(waiting, g.id),
});

export const presentWindow = (w: WindowRow, actor: Actor, numbers: ReadonlyMap<string, string>) => ({
  id: w.id,
  code: w.code,
  name: w.name,
  nameEn: w.name_en,
  groupIds: fromJson<string[]>(w.group_ids, []),
  staffed: w.staff_id !== null,
  mine: w.staff_id !== null && w.staff_id === actor.id,
  currentNumber: w.current_ticket_id ? (numbers.get(w.current_ticket_id) ?? null) : null,
});

/** The person is masked: the link may be forwarded, and the page is read in public. */
export const presentAppointment = (
  a: AppointmentRow,
  g: GroupRow | undefined,
  ticketToken: string | null,
): AppointmentViewT => ({
  id: a.id,
  code: a.code,
  token: a.token,
  groupId: a.group_id,
  groupName: g?.name ?? '',
  groupNameEn: g?.name_en ?? '',
  itemId: a.item_id,
  day: a.day,
  slot: a.slot,
  name: maskName(a.name),
  phone: maskPhone(a.phone),
  state: a.state as AppointmentViewT['state'],
  ticketToken,
});

export const presentTicket = (t: TicketRow): TicketViewT => ({
  id: t.id,
  number: t.number,
  day: t.day,
  token: t.token,
  groupId: t.group_id,
  itemId: t.item_id,
  source: t.source,
  priority: t.priority,
  priorityReason: t.priority_reason,
  state: t.state as TicketViewT['state'],
  windowId: t.window_id,
  callCount: t.call_count,
  takenAt: t.taken_at,
  calledAt: t.called_at,
  finishedAt: t.finished_at,
  waitSeconds: t.wait_seconds,
  serviceSeconds: t.service_seconds,
  caseId: t.case_id,
});

export const presentCall = (e: EventRow) => ({
  seq: Number(e.seq),
  kind: e.kind as 'call' | 'recall',
  number: e.number,
  window: e.window_name,
  windowEn: e.window_name_en,
  at: e.at,
});

export const presentDisplay = (d: { groups: GroupRow[]; calls: EventRow[]; waiting: Waiting }) => ({
  calls: d.calls.map(presentCall),
  groups: d.groups
    .filter((g) => g.active === 1)
    .map((g) => ({ code: g.code, name: g.name, nameEn: g.name_en, waiting: waitingIn(d.waiting, g.id) })),
});

export const presentVisits = (v: {
  caseId: string;
  receiptNo: string;
  promised: number | null;
  visits: {
    number: string;
    visited_at: string;
    wait_seconds: number | null;
    service_seconds: number | null;
  }[];
}) => ({
  caseId: v.caseId,
  receiptNo: v.receiptNo,
  count: v.visits.length,
  promised: v.promised,
  exceeded: v.promised !== null && v.visits.length > v.promised,
  visits: v.visits.map((x) => ({
    ticketNumber: x.number,
    visitedAt: x.visited_at,
    waitSeconds: x.wait_seconds,
    serviceSeconds: x.service_seconds,
  })),
});

export const presentDevice = (d: DeviceRow) => ({
  id: d.id,
  kind: d.kind as DeviceKind,
  name: d.name,
  windowId: d.window_id,
  groupId: d.group_id,
  createdAt: d.created_at,
  revokedAt: d.revoked_at,
});
export const presentPlace = (p: { id: string; code: string; name: string; name_en: string } | null) =>
  p ? { id: p.id, code: p.code, name: p.name, nameEn: p.name_en } : null;
