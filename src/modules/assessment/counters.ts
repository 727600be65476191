/**
 * The additive counters every figure is computed from. A raw record contributes amounts of some of
 * them to one day of its department (and its item, staff member and window); sums over days give
 * the figures of a month, quarter or year.
 */
export const COUNTERS = [
  'decided',
  'on_time',
  'early',
  'overdue',
  'wd_sum',
  'received',
  'online',
  'supplemented',
  'visits',
  'visits_le1',
  'visits_zero',
  'tickets_called',
  'wait_seconds',
  'ratings',
  'satisfied',
  'bad',
  'rectified_on_time',
  'callbacks_due',
  'callbacks_made',
  'complaints_about',
  'tickets_dispatched',
  'tickets_replied',
  'replies_on_time',
  'returns',
  'reopens',
  'signals',
  'notice_breaches',
  'fees_refused',
  'orders',
  'orders_on_time',
  'refunds',
  'refunds_on_time',
  'insp_attempts',
  'insp_regular',
  'insp_irregular',
  'penalties',
  'penalties_within',
  'penalties_outside',
  'shortfall_promises',
  'shortfall_kept',
  'shortfall_broken',
] as const;
export type Counter = (typeof COUNTERS)[number];
export type Counts = Partial<Record<Counter, number>>;
export type Totals = Record<Counter, number>;

export const zeroTotals = (): Totals => Object.fromEntries(COUNTERS.map((c) => [c, 0])) as Totals;

/** The dimensions a contribution is summed under: each has one aggregate row per value and day. */
export const DIMS = ['department', 'item', 'staff', 'window'] as const;
export type Dim = (typeof DIMS)[number];
