// Service ratings and democratic appraisal (0016-ratings). Flags are integer 0/1, JSON is text.

export interface RatingTable {
  id: string;
  channel: string;
  subject_type: string;
  subject_id: string;
  subject_ref: string;
  department_id: string;
  item_id: string | null;
  window: string | null;
  staff_id: string | null;
  level: number;
  indicators: string;
  comment: string | null;
  real_name: number;
  rater_user_id: string | null;
  rater_name: string | null;
  rater_phone: string | null;
  recorded_by: string | null;
  state: string;
  exclusion_reason: string | null;
  rated_at: string;
  version: number;
}

export interface RectificationTable {
  id: string;
  rating_id: string;
  department_id: string;
  state: string;
  acknowledge_clock_id: string;
  answer_clock_id: string;
  rectify_clock_id: string;
  acknowledged_at: string | null;
  answer: string | null;
  answered_at: string | null;
  measures: string | null;
  rectified_at: string | null;
  callback_required: number;
  callback_reached: number | null;
  callback_result: string | null;
  callback_at: string | null;
  callback_by: string | null;
  opened_at: string;
  updated_at: string;
  version: number;
}

export interface AppealTable {
  id: string;
  rating_id: string;
  department_id: string;
  grounds: string;
  reason: string;
  state: string;
  decision_reason: string | null;
  filed_by: string | null;
  filed_at: string;
  decided_by: string | null;
  decided_at: string | null;
  version: number;
}

export interface InvitationTable {
  id: string;
  subject_type: string;
  subject_id: string;
  subject_ref: string;
  title: string;
  invited_at: string;
  remind_at: string | null;
  reminded_at: string | null;
  rated_at: string | null;
}

export interface CampaignTable {
  id: string;
  title: string;
  period_start: string;
  period_end: string;
  departments: string;
  dimensions: string;
  panel: string;
  bottom_count: number;
  state: string;
  reappraisal_of: string | null;
  results: string | null;
  created_by: string | null;
  created_at: string;
  published_at: string | null;
  version: number;
}

export interface BallotBatchTable {
  id: string;
  campaign_id: string;
  category: string;
  count: number;
  delivery: string;
  issued_by: string | null;
  issued_at: string;
}

export interface ValidCodeTable {
  code_hash: string;
  campaign_id: string;
  category: string;
}

export interface UsedCodeTable {
  code_hash: string;
  campaign_id: string;
}

export interface BallotTable {
  id: string;
  campaign_id: string;
  category: string;
  scores: string;
}

export interface AppraisalRectificationTable {
  id: string;
  campaign_id: string;
  department_id: string;
  clock_id: string;
  reappraisal_id: string;
  state: string;
  report: string | null;
  reported_at: string | null;
  opened_at: string;
  version: number;
}

export interface RatingTables {
  rating_ratings: RatingTable;
  rating_rectifications: RectificationTable;
  rating_appeals: AppealTable;
  rating_invitations: InvitationTable;
  appraisal_campaigns: CampaignTable;
  appraisal_batches: BallotBatchTable;
  appraisal_valid_codes: ValidCodeTable;
  appraisal_used_codes: UsedCodeTable;
  appraisal_ballots: BallotTable;
  appraisal_rectifications: AppraisalRectificationTable;
}
