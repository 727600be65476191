export const PRIORITY_REASONS = ['disabled', 'elderly', 'appointment'] as const;
export type PriorityReason = (typeof PRIORITY_REASONS)[number];

export interface HallConfig {
  /** No-shows that suspend booking, and for how many days. */
  noShowLimit: number;
  suspendDays: number;
  /** How far ahead appointments may be booked, in days. */
  bookAheadDays: number;
  /** The weight of each priority; 0 queues like everyone else. Higher is called first. */
  priority: Record<PriorityReason, number>;
  /** The age from which a resident ID gives the elderly priority. */
  elderlyAge: number;
  /** A waiting person is told when this many or fewer are ahead of them. */
  nearPosition: number;
  /** How long a one-time booking code is valid, in minutes. */
  codeMinutes: number;
}

type IntVar = (env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number) => number;

/**
 * Defaults: 3 no-shows suspend booking for 30 days (a common 政务大厅 rule); people with
 * disabilities and the elderly (60+) before appointments, appointments before walk-ins.
 */
export function hallVars(env: NodeJS.ProcessEnv, intVar: IntVar): HallConfig {
  return {
    noShowLimit: intVar(env, 'HALL_NO_SHOW_LIMIT', 3, 1, 100),
    suspendDays: intVar(env, 'HALL_NO_SHOW_SUSPEND_DAYS', 30, 1, 365),
    bookAheadDays: intVar(env, 'HALL_BOOK_AHEAD_DAYS', 14, 1, 90),
    priority: {
      disabled: intVar(env, 'HALL_PRIORITY_DISABLED', 3, 0, 9),
      elderly: intVar(env, 'HALL_PRIORITY_ELDERLY', 3, 0, 9),
      appointment: intVar(env, 'HALL_PRIORITY_APPOINTMENT', 2, 0, 9),
    },
    elderlyAge: intVar(env, 'HALL_ELDERLY_AGE', 60, 50, 100),
    nearPosition: intVar(env, 'HALL_NEAR_POSITION', 3, 1, 50),
    codeMinutes: intVar(env, 'HALL_CODE_MINUTES', 10, 1, 60),
  };
}
