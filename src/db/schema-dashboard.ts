// The public dashboard (0021-dashboard): the quarterly review of the items' committed time limits.

type Ts = string;

/** One row per quarter: claimed by one instance, reviewed once (FOR UPDATE SKIP LOCKED on PostgreSQL). */
export interface ItemCommitmentReviewTable {
  quarter: string;
  state: string;
  items: number;
  not_kept: number;
  created_at: Ts;
  reviewed_at: Ts | null;
}

export interface DashboardTables {
  item_commitment_reviews: ItemCommitmentReviewTable;
}
