// The hall (0015-hall). Flags are integer 0/1, timestamps ISO strings, dates YYYY-MM-DD.
import type { Generated } from 'kysely';

export interface HallGroupTable {
  id: string;
  code: string;
  name: string;
  name_en: string;
  department_id: string | null;
  /** JSON array of item ids served by this group (empty: every item of the department). */
  item_ids: string;
  /** JSON array of [start, end] local times ("09:00") the group takes appointments in. */
  sessions: string;
  slot_minutes: number;
  slot_capacity: number;
  /** The time one ticket takes at a window, on average: the estimate of the wait. */
  service_minutes: number;
  active: number;
  updated_at: string;
}

export interface HallWindowTable {
  id: string;
  code: string;
  name: string;
  name_en: string;
  /** JSON array of the group ids this window calls from. */
  group_ids: string;
  staff_id: string | null;
  current_ticket_id: string | null;
  updated_at: string;
}

export interface HallSlotCountTable {
  group_id: string;
  day: string;
  slot: string;
  booked: number;
}

export interface HallCodeTable {
  id: string;
  phone: string;
  id_number: string;
  code_hash: string;
  attempts: number;
  expires_at: string;
  used_at: string | null;
  created_at: string;
}

export interface HallBookerTable {
  person_key: string;
  /** No-shows since the last suspension (reset when one is imposed). */
  no_shows: number;
  total_no_shows: number;
  suspended_until: string | null;
  updated_at: string;
}

export interface HallAppointmentTable {
  id: string;
  code: string;
  token: string;
  group_id: string;
  item_id: string | null;
  day: string;
  slot: string;
  ends_at: string;
  person_key: string;
  user_id: string | null;
  name: string;
  phone: string | null;
  id_number: string | null;
  state: string;
  ticket_id: string | null;
  created_at: string;
  updated_at: string;
  version: number;
}

export interface HallTicketTable {
  id: string;
  number: string;
  day: string;
  token: string;
  group_id: string;
  item_id: string | null;
  source: string;
  priority: number;
  priority_reason: string | null;
  appointment_id: string | null;
  user_id: string | null;
  phone: string | null;
  state: string;
  queued_at: string;
  /** The calling order in one sortable text (queue.ts queueKey): the index reads the next at once. */
  queue_key: string;
  window_id: string | null;
  staff_id: string | null;
  call_count: number;
  called_at: string | null;
  finished_at: string | null;
  wait_seconds: number | null;
  service_seconds: number | null;
  case_id: string | null;
  near_notified: number;
  taken_by: string | null;
  taken_at: string;
  version: number;
}

export interface HallEventTable {
  seq: Generated<number>;
  kind: string;
  group_id: string;
  ticket_id: string;
  number: string;
  window_name: string | null;
  window_name_en: string | null;
  at: string;
}

export interface HallVisitTable {
  ticket_id: string;
  case_id: string;
  group_id: string;
  window_id: string | null;
  visited_at: string;
}

export interface HallTables {
  hall_groups: HallGroupTable;
  hall_windows: HallWindowTable;
  hall_slot_counts: HallSlotCountTable;
  hall_codes: HallCodeTable;
  hall_bookers: HallBookerTable;
  hall_appointments: HallAppointmentTable;
  hall_tickets: HallTicketTable;
  hall_events: HallEventTable;
  hall_visits: HallVisitTable;
}
