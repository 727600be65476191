/** The three answers a panel member gives each department on each dimension. */
export const VERDICTS = ['satisfied', 'fairly_satisfied', 'dissatisfied'] as const;
export type Verdict = (typeof VERDICTS)[number];
export const VERDICT_NAMES: Record<Verdict, { zh: string; en: string }> = {
  satisfied: { zh: '满意', en: 'Satisfied' },
  fairly_satisfied: { zh: '基本满意', en: 'Fairly satisfied' },
  dissatisfied: { zh: '不满意', en: 'Dissatisfied' },
};
/** The dimensions a campaign proposes by default. */
export const DEFAULT_DIMENSIONS = ['依法行政', '服务效率', '服务态度', '廉洁自律', '政务公开'];
/** The panel's categories: deputies, enterprises, residents, service users. */
export const PANEL_CATEGORIES = ['deputies', 'enterprises', 'residents', 'service_users'] as const;
export type PanelCategory = (typeof PANEL_CATEGORIES)[number];

export interface DepartmentResult {
  departmentId: string;
  ballots: number;
  dimensions: Record<string, Record<Verdict, number>>;
  /** (满意 + 基本满意) / answers, over every dimension. */
  satisfaction: number | null;
  /** 100 per 满意, 60 per 基本满意, 0 per 不满意, averaged: the ranking. */
  score: number | null;
  rank: number;
}

/**
 * The results from the ballots: per department and dimension the count of each verdict, a score
 * that ranks them, and the rank (equal scores share one). Pure, so it is tested on its own.
 */
export function tally(
  departments: string[],
  dimensions: string[],
  ballots: Record<string, Record<string, Verdict>>[],
): DepartmentResult[] {
  const results = departments.map((d) => {
    const dims: Record<string, Record<Verdict, number>> = {};
    for (const dim of dimensions) dims[dim] = { satisfied: 0, fairly_satisfied: 0, dissatisfied: 0 };
    let n = 0;
    for (const b of ballots) {
      const answers = b[d];
      if (!answers) continue;
      n++;
      for (const dim of dimensions) {
        const v = answers[dim];
        if (v) dims[dim]![v]++;
      }
    }
    let answers = 0;
    let good = 0;
    let points = 0;
    for (const c of Object.values(dims)) {
      answers += c.satisfied + c.fairly_satisfied + c.dissatisfied;
      good += c.satisfied + c.fairly_satisfied;
      points += 100 * c.satisfied + 60 * c.fairly_satisfied;
    }
    const round = (x: number) => Math.round(x * 10000) / 10000;
    return {
      departmentId: d,
      ballots: n,
      dimensions: dims,
      satisfaction: answers ? round(good / answers) : null,
      score: answers ? round(points / answers) : null,
      rank: 0,
    };
  });
  const sorted = [...results].sort((a, b) => (b.score ?? -1) - (a.score ?? -1));
  sorted.forEach((r, i) => {
    const prev = sorted[i - 1];
    r.rank = prev && prev.score === r.score ? prev.rank : i + 1;
  });
  return sorted;
}

/** The departments at the bottom: the last `count` by rank (all of a tie at the boundary). */
export function bottom(results: DepartmentResult[], count: number): string[] {
  if (count <= 0) return [];
  const scored = results.filter((r) => r.score !== null);
  if (scored.length === 0) return [];
  const cut = scored[Math.max(0, scored.length - count)]!.rank;
  return scored.filter((r) => r.rank >= cut).map((r) => r.departmentId);
}
