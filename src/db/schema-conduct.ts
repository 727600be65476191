// The government's own conduct (0018-government-conduct). Flags are integer 0/1, timestamps ISO
// strings, dates YYYY-MM-DD, JSON in text columns, money integer fen.

export interface CommitmentTable {
  id: string;
  department_id: string;
  period: string;
  period_start: string;
  period_end: string;
  kind: string;
  measure: string | null;
  target: number | null;
  title: string;
  description: string | null;
  state: string;
  outcome_value: number | null;
  outcome_basis: string | null;
  assessed_at: string | null;
  assessed_by: string | null;
  explanation: string | null;
  explained_at: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
  version: number;
}

export interface CommitmentMilestoneTable {
  id: string;
  commitment_id: string;
  seq: number;
  title: string;
  due_date: string;
  done_at: string | null;
  note: string | null;
}

export interface CommitmentEvidenceTable {
  id: string;
  commitment_id: string;
  milestone_seq: number | null;
  name: string;
  mime: string;
  size: number;
  sha256: string;
  storage_key: string;
  uploaded_by: string | null;
  uploaded_at: string;
}

export interface SelfInspectionCampaignTable {
  id: string;
  topic: string;
  title: string;
  description: string | null;
  checklist: string;
  deadline: string;
  state: string;
  summary: string | null;
  summary_data: string | null;
  published_at: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
  version: number;
}

export interface SelfInspectionReportTable {
  id: string;
  campaign_id: string;
  department_id: string;
  state: string;
  answers: string | null;
  filed_at: string | null;
  filed_by: string | null;
  rejection_reason: string | null;
  reviewed_by: string | null;
  reviewed_at: string | null;
  spot_checked: number;
  spot_check_note: string | null;
  clock_id: string | null;
  updated_at: string;
  version: number;
}

export interface SelfInspectionProblemTable {
  id: string;
  campaign_id: string;
  report_id: string;
  department_id: string;
  found_by: string;
  description: string;
  measure: string;
  rectify_by: string;
  clock_id: string | null;
  state: string;
  rectification_note: string | null;
  evidence_name: string | null;
  evidence_mime: string | null;
  evidence_sha256: string | null;
  evidence_key: string | null;
  rectified_at: string | null;
  created_by: string | null;
  created_at: string;
  version: number;
}

export interface FeeReviewRoundTable {
  id: string;
  title: string;
  state: string;
  created_by: string | null;
  created_at: string;
  version: number;
}

export interface FeeReviewLineTable {
  id: string;
  round_id: string;
  fee_code: string;
  fee_name: string;
  department_id: string;
  basis: string;
  standard: string;
  old_rule: string;
  state: string;
  proposal: string | null;
  new_standard: string | null;
  new_rule: string | null;
  reason: string | null;
  proposed_by: string | null;
  proposed_at: string | null;
  decided_by: string | null;
  decided_at: string | null;
  decision_note: string | null;
  effective_date: string | null;
  applied_at: string | null;
  previous_year_fen: number | null;
  yearly_saving_fen: number | null;
  version: number;
}

export interface FeeReviewCatalogueVersionTable {
  version_no: number;
  effective_date: string;
  applied_at: string;
  changes: string;
  snapshot: string;
}

export interface LearningMaterialTable {
  id: string;
  volume: string;
  topic: string;
  title: string;
  rule_code: string | null;
  current_version_no: number;
  quiz_size: number;
  pass_pct: number;
  max_attempts: number;
  created_at: string;
  updated_at: string;
  version: number;
}

export interface LearningMaterialVersionTable {
  id: string;
  material_id: string;
  version_no: number;
  format: string;
  sections: string;
  pdf_name: string | null;
  pdf_sha256: string | null;
  pdf_key: string | null;
  pdf_size: number | null;
  note: string | null;
  created_by: string | null;
  created_at: string;
}

export interface LearningQuestionTable {
  id: string;
  material_id: string;
  prompt: string;
  options: string;
  answer: number;
  active: number;
  created_at: string;
}

export interface LearningAssignmentTable {
  id: string;
  material_id: string;
  role: string | null;
  department_id: string | null;
  due_date: string;
  created_by: string | null;
  created_at: string;
}

export interface LearningStudyTable {
  id: string;
  user_id: string;
  material_id: string;
  seconds: number;
  sections_done: string;
  version_no: number;
  studied_at: string;
  passed_at: string | null;
}

export interface LearningAttemptTable {
  id: string;
  user_id: string;
  material_id: string;
  seq: number;
  question_ids: string;
  answers: string | null;
  score_pct: number | null;
  passed: number | null;
  started_at: string;
  submitted_at: string | null;
}

export interface ConductTables {
  commitments: CommitmentTable;
  commitment_milestones: CommitmentMilestoneTable;
  commitment_evidence: CommitmentEvidenceTable;
  selfinspection_campaigns: SelfInspectionCampaignTable;
  selfinspection_reports: SelfInspectionReportTable;
  selfinspection_problems: SelfInspectionProblemTable;
  feereview_rounds: FeeReviewRoundTable;
  feereview_lines: FeeReviewLineTable;
  feereview_catalogue_versions: FeeReviewCatalogueVersionTable;
  learning_materials: LearningMaterialTable;
  learning_material_versions: LearningMaterialVersionTable;
  learning_questions: LearningQuestionTable;
  learning_assignments: LearningAssignmentTable;
  learning_study: LearningStudyTable;
  learning_attempts: LearningAttemptTable;
}
