import type { ColumnType, Generated } from 'kysely';
import type { ComplaintTables } from './schema-complaints.js';
import type { InspectionTables } from './schema-inspections.js';
import type { DocumentTables } from './schema-documents.js';
import type { HallTables } from './schema-hall.js';
import type { ConductTables } from './schema-conduct.js';
import type { RatingTables } from './schema-ratings.js';
import type { DashboardTables } from './schema-dashboard.js';
import type { DisclosureTables } from './schema-disclosure.js';
import type { AccountTables } from './schema-account.js';
import type { HallDeviceTables } from './schema-hall-devices.js';
import type { AssessmentTables } from './schema-assessment.js';

/**
 * Dialect-neutral column conventions (see ARCHITECTURE.md):
 * ids are text (UUIDv7); timestamps are ISO-8601 UTC strings (timestamptz on PostgreSQL, text on
 * SQLite); dates are YYYY-MM-DD; flags are integers 0/1; money is integer fen; JSON is text.
 */
type Ts = string;

export interface DepartmentTable {
  id: string;
  code: string;
  name: string;
  short_name: string;
  credit_code: string;
  leader: string;
  leader_title: string;
  phone: string;
  complaint_phone: string;
  windows: string;
  hours: string;
  address: string;
  sort_order: number;
  /** 0029: the English names, when the catalogue gives them. */
  name_en: string | null;
  short_name_en: string | null;
  created_at: Ts;
  updated_at: Ts;
  version: number;
}

export interface FeeEntryTable {
  id: string;
  code: string;
  name: string;
  department_id: string;
  category: string;
  basis: string;
  standard: string;
  management: string;
  rule: string;
  status: string;
  created_at: Ts;
  updated_at: Ts;
  version: number;
}

export interface ItemTable {
  id: string;
  code: string;
  department_id: string;
  status: string;
  current_version_id: string | null;
  latest_version_no: number;
  created_at: Ts;
  updated_at: Ts;
  version: number;
}

export interface ItemVersionTable {
  id: string;
  item_id: string;
  version_no: number;
  status: string;
  name: string;
  /** 0029: the English name, also in `data` (nameEn); null when the version gives none. */
  name_en: string | null;
  type: string;
  handling_class: string;
  department_id: string;
  statutory_days: number;
  committed_days: number;
  channels: string;
  life_events: string;
  data: string;
  created_at: Ts;
  created_by: string | null;
  published_at: Ts | null;
  published_by: string | null;
}

export interface ItemSearchTermTable {
  item_id: string;
  term: string;
  weight: number;
}

export interface SynonymTable {
  term: string;
  synonyms: string;
  updated_at: Ts;
}

export interface UserTable {
  id: string;
  username: string;
  display_name: string;
  role: string;
  department_id: string | null;
  applicant_kind: string | null;
  id_number: string | null;
  credit_code: string | null;
  phone: string | null;
  email: string | null;
  password_hash: string;
  status: string;
  failed_logins: number;
  locked_until: Ts | null;
  locale: Generated<string>;
  created_at: Ts;
  updated_at: Ts;
  version: number;
}

export interface SessionTable {
  id: string;
  user_id: string;
  csrf_token: string;
  created_at: Ts;
  expires_at: Ts;
  revoked_at: Ts | null;
  ip: string | null;
  user_agent: string | null;
}

export interface ApiTokenTable {
  id: string;
  user_id: string;
  name: string;
  token_hash: string;
  created_at: Ts;
  expires_at: Ts | null;
  revoked_at: Ts | null;
  last_used_at: Ts | null;
  /** JSON: what a device's token is bound to (migration 0023); null for an ordinary token. */
  scope: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface LoginFailureTable {
  id: Generated<number>;
  key: string;
  at: Ts;
}

/** Attempts per key (`ip:…`, `track:…`) in the window that began at window_start. */
export interface GuessCounterTable {
  key: string;
  window_start: Ts;
  attempts: number;
}

export interface AuditEventTable {
  id: string;
  at: Ts;
  actor_id: string | null;
  actor_role: string | null;
  actor_ip: string | null;
  action: string;
  entity_type: string;
  entity_id: string;
  data: string;
}

export interface CalendarDayTable {
  date: string;
  year: number;
  kind: string;
  name: string;
  source: string;
}
export interface CalendarYearTable {
  year: number;
  confirmed: number;
  source: string;
  confirmed_at: Ts | null;
  confirmed_by: string | null;
  revision: number;
}
export interface CalendarProposalTable {
  id: string;
  year: number;
  source: string;
  days: string;
  diff: string;
  status: string;
  proposed_by: string | null;
  proposed_at: Ts;
  decided_by: string | null;
  decided_at: Ts | null;
  decision_note: string | null;
}

export interface ClockTable {
  id: string;
  subject_type: string;
  subject_id: string;
  parent_id: string | null;
  label: string;
  department_id: string | null;
  item_id: string | null;
  start_date: string;
  limit_days: number;
  extension_days: number;
  extensions_count: number;
  max_extension_days: number;
  max_extensions: number;
  paused_days: number;
  status: string;
  paused_since: string | null;
  due_date: string;
  provisional: number;
  yellow_pct: number;
  yellow_at: Ts | null;
  overdue_at: Ts;
  colour: string;
  next_check_at: Ts | null;
  started_at: Ts;
  stopped_at: Ts | null;
  outcome: string | null;
  updated_at: Ts;
  version: number;
}

export interface ClockEventTable {
  id: string;
  clock_id: string;
  seq: number;
  at: Ts;
  kind: string;
  actor_id: string | null;
  data: string;
}

export interface SignalTable {
  id: string;
  kind: string;
  severity: string;
  dedupe_key: string;
  clock_id: string | null;
  subject_type: string;
  subject_id: string;
  department_id: string | null;
  raised_at: Ts;
  data: string;
  status: string;
}

export interface OrderTable {
  id: string;
  clock_id: string;
  subject_type: string;
  subject_id: string;
  department_id: string | null;
  status: string;
  opened_at: Ts;
  answer_clock_id: string | null;
  answer: string | null;
  answered_at: Ts | null;
  answered_by: string | null;
  closed_at: Ts | null;
  closed_by: string | null;
  close_note: string | null;
  version: number;
}

export interface ThresholdTable {
  scope: string;
  scope_id: string;
  yellow_pct: number;
  updated_at: Ts;
}

export interface OutboxTable {
  id: string;
  kind: string;
  recipient_type: string;
  recipient_id: string | null;
  subject_type: string;
  subject_id: string;
  payload: string;
  status: string;
  attempts: number;
  next_attempt_at: Ts | null;
  created_at: Ts;
}

export interface BundleTable {
  id: string;
  code: string;
  name: string;
  description: string;
  lead_department_id: string;
  item_codes: string;
  committed_days: number;
  keywords: string;
  status: string;
  updated_at: Ts;
  version: number;
  /** 0030: the English name, when the bundle gives one. */
  name_en: string | null;
}

export interface CaseTable {
  id: string;
  receipt_no: string;
  check_code: string;
  bundle_id: string | null;
  title: string;
  lead_department_id: string;
  applicant_user_id: string | null;
  applicant_kind: string;
  applicant_name: string;
  applicant_id_number: string;
  applicant_phone: string | null;
  applicant_email: string | null;
  channel: string;
  state: string;
  shortfall: number;
  form: string;
  committed_days: number;
  handling_class: string;
  window: string | null;
  created_by: string | null;
  created_at: Ts;
  submitted_at: Ts | null;
  received_at: Ts | null;
  accepted_at: Ts | null;
  acceptance_date: string | null;
  decided_at: Ts | null;
  decision: string | null;
  completed_at: Ts | null;
  case_clock_id: string | null;
  acceptance_clock_id: string | null;
  delivery_clock_id: string | null;
  tracking: string | null;
  last_hash: string | null;
  event_count: number;
  updated_at: Ts;
  version: number;
}

export interface IdempotencyTable {
  scope: string;
  key: string;
  request_hash: string;
  case_id: string;
  created_at: Ts;
}
export interface CaseItemTable {
  case_id: string;
  item_id: string;
  item_version_id: string;
  department_id: string;
  role: string;
}
export interface FileTable {
  id: string;
  sha256: string;
  size: number;
  mime: string;
  original_name: string;
  storage_key: string;
  owner_user_id: string | null;
  case_id: string | null;
  uploaded_at: Ts;
}
export interface CaseMaterialTable {
  id: string;
  case_id: string;
  item_id: string;
  name: string;
  required: number;
  deferrable: number;
  status: string;
  file_id: string | null;
  checked_by: string | null;
  deferred_until: string | null;
  /** 0027: the deadline a 容缺 promise gave this material (kept after it arrives) */
  promised_until: string | null;
  /** 0027: when a material deferred or asked for arrived */
  supplied_at: Ts | null;
  updated_at: Ts;
}
export interface CaseTaskTable {
  id: string;
  case_id: string;
  item_id: string;
  department_id: string;
  state: string;
  decision: string | null;
  reasons: string | null;
  clock_id: string | null;
  decided_by: string | null;
  decided_at: Ts | null;
  created_at: Ts;
  version: number;
}
export interface CaseRecordTable {
  id: string;
  case_id: string;
  task_id: string | null;
  kind: string;
  author_id: string | null;
  text: string;
  data: string;
  status: string;
  created_at: Ts;
  version: number;
}
export interface SupplementNoticeTable {
  id: string;
  case_id: string;
  seq: number;
  items: string;
  reason: string | null;
  issued_by: string | null;
  issued_at: Ts;
  fulfilled_at: Ts | null;
  document_id: string | null;
}
export interface DocumentTable {
  id: string;
  /** null for a document of no case (a reply letter) */
  case_id: string | null;
  kind: string;
  number: string;
  issued_at: Ts;
  /** The PDF's SHA-256 and blob key, once rendered. */
  sha256: string | null;
  storage_key: string | null;
  content: string;
  state: Generated<string>;
  /** SHA-256 of the composed content, fixed when issued; the PDF carries it too. */
  content_sha256: string | null;
  attempts: Generated<number>;
  rendered_at: Ts | null;
  last_error: string | null;
}
export interface CounterTable {
  name: string;
  value: number;
}
export interface CaseEventTable {
  id: string;
  case_id: string;
  seq: number;
  global_seq: number;
  at: Ts;
  actor_id: string | null;
  actor_role: string | null;
  kind: string;
  data: string;
  prev_hash: string;
  hash: string;
  global_prev_hash: string;
  global_hash: string;
  /** The recipe of `hash` (docs/history-verification.md): 1 in the clear, 2 with a salted commitment. */
  hash_version: number;
  /** Version 2: the salt of the commitment to the personal fields (hex); never leaves the server. */
  salt: string | null;
}
export interface ChainHeadTable {
  id: number;
  global_seq: number;
  global_hash: string;
}
export interface InquiryTable {
  id: string;
  owner_id: string;
  department_id: string | null;
  person_name: string;
  contact: string | null;
  question: string;
  item_id: string | null;
  status: string;
  answer: string | null;
  handed_to_id: string | null;
  handover_note: string | null;
  clock_id: string | null;
  created_at: Ts;
  closed_at: Ts | null;
  version: number;
}
export interface InboxTable {
  id: string;
  user_id: string;
  kind: string;
  title: string;
  body: string;
  subject_type: string | null;
  subject_id: string | null;
  created_at: Ts;
  read_at: Ts | null;
  /** The notice's payload (JSON), to render the message in the reader's language: migration 0019. */
  payload: string | null;
}
export interface DeliveryTable {
  id: string;
  outbox_id: string;
  channel: string;
  address: string;
  status: string;
  attempts: number;
  last_error: string | null;
  next_attempt_at: Ts | null;
  delivered_at: Ts | null;
  created_at: Ts;
}

export interface ChannelSeenTable {
  channel: string;
  seen_at: Ts;
}

/** Letters answered (来函必复): migration 0011. */
export interface LetterTable {
  id: string;
  number: string;
  kind: string;
  sender_name: string;
  sender_organization: string | null;
  sender_id_number: string | null;
  sender_phone: string | null;
  sender_address: string | null;
  received_date: string;
  subject: string;
  summary: string | null;
  original_sha256: string | null;
  original_mime: string | null;
  original_name: string | null;
  original_size: number | null;
  original_key: string | null;
  state: string;
  department_id: string | null;
  limit_days: number | null;
  clock_id: string | null;
  assigned_at: Ts | null;
  extension_days: number | null;
  extension_reason: string | null;
  extension_requested_by: string | null;
  reply_text: string | null;
  replied_at: Ts | null;
  replied_by: string | null;
  reply_number: string | null;
  reply_sha256: string | null;
  reply_key: string | null;
  registered_by: string | null;
  registered_at: Ts;
  updated_at: Ts;
  version: number;
}

export interface Database
  extends
    ComplaintTables,
    InspectionTables,
    DocumentTables,
    HallTables,
    ConductTables,
    RatingTables,
    DashboardTables,
    DisclosureTables,
    AccountTables,
    HallDeviceTables,
    AssessmentTables {
  bundles: BundleTable;
  cases: CaseTable;
  idempotency_keys: IdempotencyTable;
  case_items: CaseItemTable;
  files: FileTable;
  case_materials: CaseMaterialTable;
  case_tasks: CaseTaskTable;
  case_records: CaseRecordTable;
  supplement_notices: SupplementNoticeTable;
  documents: DocumentTable;
  counters: CounterTable;
  case_events: CaseEventTable;
  event_chain_head: ChainHeadTable;
  inquiries: InquiryTable;
  inbox_messages: InboxTable;
  notification_deliveries: DeliveryTable;
  notification_channels: ChannelSeenTable;
  calendar_days: CalendarDayTable;
  calendar_years: CalendarYearTable;
  calendar_proposals: CalendarProposalTable;
  clocks: ClockTable;
  clock_events: ClockEventTable;
  supervision_signals: SignalTable;
  supervision_orders: OrderTable;
  supervision_thresholds: ThresholdTable;
  notification_outbox: OutboxTable;
  departments: DepartmentTable;
  fee_entries: FeeEntryTable;
  items: ItemTable;
  item_versions: ItemVersionTable;
  item_search_terms: ItemSearchTermTable;
  synonyms: SynonymTable;
  users: UserTable;
  sessions: SessionTable;
  api_tokens: ApiTokenTable;
  login_failures: LoginFailureTable;
  guess_counters: GuessCounterTable;
  audit_events: AuditEventTable;
  fee_forms: FeeFormTable;
  fee_form_lines: FeeFormLineTable;
  fee_payments: FeePaymentTable;
  fee_gateway_notifications: FeeNotificationTable;
  fee_receipts: FeeReceiptTable;
  fee_refunds: FeeRefundTable;
  fee_remittances: FeeRemittanceTable;
  fee_ledger: FeeLedgerTable;
  fee_reconciliations: FeeReconciliationTable;
  fee_reconciliation_items: FeeReconciliationItemTable;
  fee_item_settings: FeeItemSettingTable;
  fee_counter_requests: FeeCounterRequestTable;
  letters: LetterTable;
}

// Unified fee collection (0005-fees). Money columns are integer fen.
export interface FeeFormTable {
  id: string;
  case_id: string;
  item_id: string;
  item_version_id: string;
  department_id: string;
  number: string;
  payment_code: string;
  payment_point: string;
  payer_name: string;
  payer_id_masked: string;
  status: string;
  charged_fen: number;
  waived_fen: number;
  paid_fen: number;
  outstanding_fen: number;
  due_date: string;
  issued_at: Ts;
  issued_by: string | null;
  settled_at: Ts | null;
  cancelled_at: Ts | null;
  cancel_reason: string | null;
  version: number;
}
export interface FeeFormLineTable {
  id: string;
  form_id: string;
  seq: number;
  fee_id: string;
  fee_code: string;
  fee_name: string;
  department_id: string;
  basis: string;
  standard: string;
  rule: string;
  quantity: string;
  unit: string;
  note: string | null;
  charged_fen: number;
  waived_fen: number;
  paid_fen: number;
  held_fen: number;
  remitted_fen: number;
  refunded_fen: number;
  waiver_basis: string | null;
  waiver_reason: string | null;
}
export interface FeePaymentTable {
  id: string;
  form_id: string;
  case_id: string;
  channel: string;
  gateway: string | null;
  reference: string | null;
  ref_key: string | null;
  amount_fen: number;
  applied_fen: number;
  excess_fen: number;
  late: number;
  paid_at: Ts;
  recorded_at: Ts;
  recorded_by: string | null;
  status: string;
  notification_id: string | null;
}
export interface FeeNotificationTable {
  gateway: string;
  notification_id: string;
  transaction_id: string;
  payment_code: string;
  amount_fen: number;
  paid_at: Ts;
  received_at: Ts;
  status: string;
  payment_id: string | null;
}
export interface FeeReceiptTable {
  id: string;
  number: string;
  year: number;
  seq: number;
  check_code: string;
  payment_id: string;
  form_id: string;
  case_id: string;
  amount_fen: number;
  issued_at: Ts;
  status: string;
  allocation: string;
  void_reason: string | null;
  void_reissue: number | null;
  void_requested_by: string | null;
  void_requested_at: Ts | null;
  void_decided_by: string | null;
  void_decided_at: Ts | null;
  void_note: string | null;
  replaced_by: string | null;
  version: number;
}
export interface FeeRefundTable {
  id: string;
  form_id: string;
  case_id: string;
  department_id: string;
  origin: string;
  source: string;
  payment_id: string | null;
  amount_fen: number;
  reason: string;
  status: string;
  clock_id: string | null;
  requested_by: string | null;
  created_at: Ts;
  filed_at: Ts | null;
  reviewed_by: string | null;
  reviewed_at: Ts | null;
  review_note: string | null;
  approved_by: string | null;
  approved_at: Ts | null;
  approval_note: string | null;
  paid_by: string | null;
  paid_at: Ts | null;
  method: string | null;
  reference: string | null;
  version: number;
}
export interface FeeRemittanceTable {
  id: string;
  at: Ts;
  by: string | null;
  amount_fen: number;
  lines: number;
  reference: string;
}
export interface FeeLedgerTable {
  id: string;
  at: Ts;
  day: string;
  kind: string;
  case_id: string;
  form_id: string;
  line_id: string | null;
  department_id: string;
  fee_code: string | null;
  ref_type: string | null;
  ref_id: string | null;
  charged: number;
  waived: number;
  paid: number;
  outstanding: number;
  held: number;
  remitted: number;
  refunded: number;
  excess: number;
  excess_held: number;
  excess_refunded: number;
}
export interface FeeReconciliationTable {
  id: string;
  gateway: string;
  statement_date: string;
  imported_at: Ts;
  imported_by: string | null;
  statement_sha256: string;
  rows: number;
  matched: number;
  open_items: number;
  version: number;
}
export interface FeeReconciliationItemTable {
  id: string;
  reconciliation_id: string;
  kind: string;
  transaction_id: string;
  payment_code: string | null;
  payment_id: string | null;
  statement_fen: number | null;
  ledger_fen: number | null;
  status: string;
  resolution: string | null;
  resolved_by: string | null;
  resolved_at: Ts | null;
}
export interface FeeCounterRequestTable {
  actor_id: string;
  key: string;
  request_hash: string;
  form_id: string;
  payment_id: string;
  created_at: Ts;
}
export interface FeeItemSettingTable {
  item_id: string;
  deliver_before_paid: number;
  note: string | null;
  updated_at: Ts;
  updated_by: string | null;
}
