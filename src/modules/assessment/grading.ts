import { MEASURES, type Figure, type MeasureCode } from './measures.js';

export const GRADES = ['excellent', 'good', 'pass', 'fail'] as const;
export type Grade = (typeof GRADES)[number];
export const GRADE_ZH: Record<Grade, string> = {
  excellent: '优秀',
  good: '良好',
  pass: '合格',
  fail: '不合格',
};

export interface Scheme {
  version: number;
  /** measure → weight; only percentage measures take part in the score */
  weights: Partial<Record<MeasureCode, number>>;
  thresholds: { excellent: number; good: number; pass: number };
  /** the fewest decided cases a department needs to be graded and ranked */
  minSample: number;
}

/** Used until an administrator saves a scheme for the period (version 0). */
export const DEFAULT_SCHEME: Scheme = {
  version: 0,
  weights: {
    on_time_rate: 30,
    satisfaction: 25,
    complaint_reply_on_time: 15,
    bad_rectified_on_time: 10,
    orders_answered_on_time: 10,
    online_rate: 10,
  },
  thresholds: { excellent: 90, good: 80, pass: 60 },
  minSample: 5,
};

/** Measures a weight may be put on: percentages, each turned to a 0–100 score in its direction. */
export const WEIGHTABLE = (Object.keys(MEASURES) as MeasureCode[]).filter((c) => MEASURES[c].unit === '%');

const scoreOf = (code: MeasureCode, v: number) => (MEASURES[code].better === 'higher' ? v : 100 - v);

/**
 * The score: the weighted mean of the weighted measures that have a figure (a measure without
 * records neither helps nor hurts), rounded to one decimal. null when none has.
 */
export function scoreFigures(figures: Partial<Record<MeasureCode, Figure>>, s: Scheme): number | null {
  let sum = 0;
  let weights = 0;
  for (const [code, w] of Object.entries(s.weights) as [MeasureCode, number][]) {
    const f = figures[code];
    if (!w || !f || f.value === null) continue;
    sum += w * scoreOf(code, f.value);
    weights += w;
  }
  return weights ? Math.round((sum / weights) * 10) / 10 : null;
}

export function gradeOf(score: number | null, s: Scheme): Grade | null {
  if (score === null) return null;
  if (score >= s.thresholds.excellent) return 'excellent';
  if (score >= s.thresholds.good) return 'good';
  if (score >= s.thresholds.pass) return 'pass';
  return 'fail';
}

/**
 * Ranks by score, highest first, only those with at least the minimum sample (one fast case does not
 * top the table); equal scores share a rank. Returns rank per key, null for the unranked.
 */
export function rank(entries: { key: string; score: number | null; sample: number }[], minSample: number) {
  const ranked = entries
    .filter((e) => e.score !== null && e.sample >= minSample)
    .sort((a, b) => b.score! - a.score! || a.key.localeCompare(b.key));
  const out = new Map<string, number | null>(entries.map((e) => [e.key, null]));
  ranked.forEach((e, i) => {
    const prev = ranked[i - 1];
    out.set(e.key, prev && prev.score === e.score ? out.get(prev.key)! : i + 1);
  });
  return out;
}
