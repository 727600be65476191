// Enterprise inspections (0017-inspections). Flags are integer 0/1, timestamps ISO strings, dates YYYY-MM-DD.

type Ts = string;

export interface InspSettingsTable {
  id: string;
  department_cap: number;
  total_cap: number;
  joint_window_days: number;
  result_days: number;
  frequency_window_days: number;
  frequency_threshold: number;
  repeat_window_days: number;
  updated_at: Ts;
}

interface Published {
  id: string;
  department_id: string;
  code: string;
  version_no: number;
  name: string;
  basis: string;
  status: string;
  published_at: Ts;
  published_by: string | null;
}

export interface InspItemTable extends Published {
  subjects: string;
  method: string;
  frequency: string;
  notice_allowed: number;
}

export interface InspViolationTable extends Published {
  /** JSON: [{ severity, warning, fromFen, toFen }] */
  ranges: string;
}

export interface InspInspectorTable {
  id: string;
  department_id: string;
  user_id: string | null;
  name: string;
  certificate_no: string;
  valid_from: string;
  valid_to: string;
  active: number;
  updated_at: Ts;
}

export interface InspEnterpriseTable {
  id: string;
  credit_code: string;
  name: string;
  address: string | null;
  code: string;
  check_code: string;
  created_at: Ts;
}

export interface InspInspectionTable {
  id: string;
  number: string;
  department_id: string;
  enterprise_id: string;
  year: number;
  planned_date: string;
  max_minutes: number;
  notice: number;
  joint_group: string | null;
  state: string;
  started_at: Ts | null;
  ended_at: Ts | null;
  overran: number;
  clock_id: string | null;
  outcome: string | null;
  findings: string | null;
  rectification_deadline: string | null;
  violation_id: string | null;
  severity: string | null;
  warning: number | null;
  fine_fen: number | null;
  penalty_reason: string | null;
  outside_standard: number;
  result_at: Ts | null;
  record_number: string | null;
  record_sha256: string | null;
  record_key: string | null;
  received_at: Ts | null;
  complaints: number;
  registered_by: string | null;
  registered_at: Ts;
  updated_at: Ts;
  version: number;
}

export interface InspScanTable {
  id: string;
  enterprise_id: string;
  department_id: string | null;
  user_id: string | null;
  inspection_id: string | null;
  outcome: string;
  scanned_at: Ts;
}

/** A department's own annual cap per enterprise (0024); without a row, the city's department_cap. */
export interface InspDepartmentCapTable {
  department_id: string;
  cap: number;
  updated_at: Ts;
}

export interface InspectionTables {
  insp_settings: InspSettingsTable;
  insp_items: InspItemTable;
  insp_violations: InspViolationTable;
  insp_inspectors: InspInspectorTable;
  insp_enterprises: InspEnterpriseTable;
  insp_inspections: InspInspectionTable;
  insp_inspection_items: { inspection_id: string; item_id: string; item_code: string };
  insp_inspection_inspectors: { inspection_id: string; inspector_id: string };
  insp_scans: InspScanTable;
  insp_complaints: { inspection_id: string; ticket_no: string; created_at: Ts };
  insp_department_caps: InspDepartmentCapTable;
}
