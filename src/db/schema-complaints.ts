// The reporting center (0010-complaints). Flags are integer 0/1, timestamps ISO strings, dates YYYY-MM-DD.

export interface ComplaintCategoryTable {
  code: string;
  name_zh: string;
  name_en: string;
  kind: string;
  limit_days: number;
  urgent_limit_days: number;
  sort: number;
  active: number;
}

export interface ComplaintTable {
  id: string;
  ticket_no: string;
  check_code: string;
  channel: string;
  anonymous: number;
  reporter_user_id: string | null;
  reporter_name: string | null;
  reporter_phone: string | null;
  reporter_email: string | null;
  category_code: string;
  urgent: number;
  department_id: string;
  about_leadership: number;
  case_receipt_no: string | null;
  fee_reference: string | null;
  inspection_reference: string | null;
  staff_named: string | null;
  description: string;
  terms: string;
  location: string | null;
  lat: number | null;
  lng: number | null;
  state: string;
  route: string;
  assigned_department_id: string | null;
  merged_into_id: string | null;
  refusal_reasons: string | null;
  reply: string | null;
  callback_note: string | null;
  rating: number | null;
  rating_note: string | null;
  return_count: number;
  reopen_count: number;
  acceptance_clock_id: string | null;
  handling_clock_id: string | null;
  result_clock_id: string | null;
  accepted_date: string | null;
  created_by: string | null;
  created_at: string;
  replied_at: string | null;
  closed_at: string | null;
  last_hash: string | null;
  event_count: number;
  updated_at: string;
  version: number;
}

export interface ComplaintEventTable {
  id: string;
  complaint_id: string;
  seq: number;
  at: string;
  actor_id: string | null;
  actor_role: string | null;
  kind: string;
  data: string;
  hash: string;
}

export interface ComplaintAttachmentTable {
  id: string;
  complaint_id: string;
  sha256: string;
  size: number;
  mime: string;
  name: string;
  storage_key: string;
}

export interface ComplaintReturnTable {
  id: string;
  complaint_id: string;
  department_id: string;
  reason: string;
  suggested_department_id: string | null;
  suggested_responsible: string | null;
  returned_by: string | null;
  returned_at: string;
  decision: string | null;
  decided_to: string | null;
  decided_by: string | null;
  decided_at: string | null;
}

export interface Open311KeyTable {
  id: string;
  key_hash: string;
  name: string;
  created_by: string | null;
  created_at: string;
  revoked_at: string | null;
}

export interface ComplaintTables {
  complaint_categories: ComplaintCategoryTable;
  complaints: ComplaintTable;
  complaint_events: ComplaintEventTable;
  complaint_attachments: ComplaintAttachmentTable;
  complaint_returns: ComplaintReturnTable;
  open311_keys: Open311KeyTable;
}
