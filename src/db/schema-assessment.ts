/**
 * Performance assessment (效能考核): what each raw record contributes (one row per contribution, so
 * an update replaces it exactly), the additive aggregates per dimension and day built from them, the
 * histogram of working days used (for percentiles), the refresh cursor, the versioned grading
 * schemes and each department's result per period.
 */
export interface AssessmentContributionTable {
  source: string;
  source_id: string;
  seq: number;
  day: string;
  department_id: string;
  item_id: string;
  staff_id: string;
  window: string;
  /** the record a reader opens: 'case:ID', 'complaint:ID', 'rating:ID', ... */
  subject: string;
  /** JSON object of counter → amount (only the non-zero ones) */
  counters: string;
  /** working days used, for a decided case; -1 otherwise */
  days_used: number;
}

/** Counters summed over the contributions of one dimension value on one day. */
export interface AssessmentAggregateTable {
  dim: string;
  dim_id: string;
  department_id: string;
  day: string;
  decided: number;
  on_time: number;
  early: number;
  overdue: number;
  wd_sum: number;
  received: number;
  online: number;
  supplemented: number;
  visits: number;
  visits_le1: number;
  visits_zero: number;
  tickets_called: number;
  wait_seconds: number;
  ratings: number;
  satisfied: number;
  bad: number;
  rectified_on_time: number;
  callbacks_due: number;
  callbacks_made: number;
  complaints_about: number;
  tickets_dispatched: number;
  tickets_replied: number;
  replies_on_time: number;
  returns: number;
  reopens: number;
  signals: number;
  notice_breaches: number;
  fees_refused: number;
  orders: number;
  orders_on_time: number;
  refunds: number;
  refunds_on_time: number;
  // 0026: enterprise inspections
  insp_attempts: number;
  insp_regular: number;
  insp_irregular: number;
  penalties: number;
  penalties_within: number;
  penalties_outside: number;
  // 0027: 容缺 promises
  shortfall_promises: number;
  shortfall_kept: number;
  shortfall_broken: number;
}

export interface AssessmentDaysUsedTable {
  dim: string;
  dim_id: string;
  department_id: string;
  day: string;
  days: number;
  n: number;
}

export interface AssessmentCursorTable {
  name: string;
  at: string | null;
  rebuilt_at: string | null;
}

/** An audit event of the change feed already applied (kept while within the look-back window). */
export interface AssessmentSeenTable {
  event_id: string;
  at: string;
}

export interface AssessmentSchemeTable {
  id: string;
  period: string;
  version: number;
  /** JSON: measure code → weight */
  weights: string;
  /** JSON: { excellent, good, pass } lowest scores of 优秀, 良好, 合格 */
  thresholds: string;
  min_sample: number;
  created_at: string;
  created_by: string | null;
}

export interface AssessmentResultTable {
  period: string;
  department_id: string;
  state: string;
  comment: string | null;
  commented_at: string | null;
  commented_by: string | null;
  finalised_at: string | null;
  finalised_by: string | null;
  scheme_version: number | null;
  score: number | null;
  grade: string | null;
  /** JSON of the figures at finalisation */
  figures: string | null;
  version: number;
}

export interface AssessmentTables {
  assessment_contributions: AssessmentContributionTable;
  assessment_aggregates: AssessmentAggregateTable;
  assessment_days_used: AssessmentDaysUsedTable;
  assessment_cursor: AssessmentCursorTable;
  assessment_seen: AssessmentSeenTable;
  assessment_schemes: AssessmentSchemeTable;
  assessment_results: AssessmentResultTable;
}
