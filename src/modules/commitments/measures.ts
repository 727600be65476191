/** The measurable kinds of commitment, each read from the system's own records. */
export const MEASURES = {
  on_time_rate: { better: 'higher', unit: '%', zh: '按时办结率', en: 'On-time completion rate' },
  avg_working_days: { better: 'lower', unit: 'd', zh: '平均办理工作日', en: 'Average working days' },
  complaint_reply_rate: { better: 'higher', unit: '%', zh: '投诉举报答复率', en: 'Complaint reply rate' },
  satisfaction: { better: 'higher', unit: '%', zh: '满意率（好差评）', en: 'Satisfaction rate' },
  visits_per_case: { better: 'lower', unit: '次', zh: '平均跑动次数', en: 'Visits per case' },
} as const;
export type Measure = keyof typeof MEASURES;
export const MEASURE_CODES = Object.keys(MEASURES) as Measure[];

/** A figure over a period: its value and how many records it stands on. */
export interface Figure {
  value: number;
  sample: number;
}

/** Whether a figure meets its target, in the measure's direction (higher or lower is better). */
export function meetsTarget(measure: Measure, value: number, target: number): boolean {
  return MEASURES[measure].better === 'higher' ? value >= target : value <= target;
}

/** The period a commitment covers: a year ("2026") or a quarter ("2026-Q4"), first and last day. */
export function periodBounds(period: string): { start: string; end: string } | null {
  const m = /^(\d{4})(?:-Q([1-4]))?$/.exec(period);
  if (!m) return null;
  const year = m[1]!;
  if (!m[2]) return { start: `${year}-01-01`, end: `${year}-12-31` };
  const q = Number(m[2]);
  const startMonth = (q - 1) * 3 + 1;
  const endMonth = startMonth + 2;
  const lastDay = new Date(Date.UTC(Number(year), endMonth, 0)).getUTCDate();
  const mm = (n: number) => String(n).padStart(2, '0');
  return { start: `${year}-${mm(startMonth)}-01`, end: `${year}-${mm(endMonth)}-${lastDay}` };
}

/** One decimal place, as published. */
export const round1 = (n: number) => Math.round(n * 10) / 10;
