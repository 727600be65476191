/** The five levels (GB/T 39734): 5 非常满意 … 1 非常不满意; 1 and 2 are bad ratings. */
export const LEVELS = [5, 4, 3, 2, 1] as const;
export type Level = (typeof LEVELS)[number];
export const LEVEL_NAMES: Record<number, { zh: string; en: string }> = {
  5: { zh: '非常满意', en: 'Very satisfied' },
  4: { zh: '满意', en: 'Satisfied' },
  3: { zh: '基本满意', en: 'Fairly satisfied' },
  2: { zh: '不满意', en: 'Dissatisfied' },
  1: { zh: '非常不满意', en: 'Very dissatisfied' },
};
export const isBad = (level: number) => level <= 2;

/** How a rating came in: at the window's tablet, online after the matter, for a complaint, by phone. */
export const CHANNELS = ['on_site', 'online', 'complaint', 'phone'] as const;
export type Channel = (typeof CHANNELS)[number];

/**
 * The national indicator sets (国办发〔2019〕51号): each indicator the rater may score 1–5 beside the
 * overall level. A complaint's and a phone rating use the on-site set (service, not the platform).
 */
export const INDICATORS = {
  online: ['overall', 'efficiency', 'guide_accuracy', 'convenience', 'platform_usability'],
  on_site: ['overall', 'efficiency', 'service_level', 'attitude'],
} as const;
export type Indicator = (typeof INDICATORS)[keyof typeof INDICATORS][number];
export const ALL_INDICATORS = [...new Set([...INDICATORS.online, ...INDICATORS.on_site])] as Indicator[];
export const INDICATOR_NAMES: Record<Indicator, { zh: string; en: string }> = {
  overall: { zh: '整体满意度', en: 'Overall satisfaction' },
  efficiency: { zh: '办事效率', en: 'Efficiency' },
  guide_accuracy: { zh: '办事指南精确度', en: 'Accuracy of the service guide' },
  convenience: { zh: '办事便捷度', en: 'Convenience' },
  platform_usability: { zh: '平台操作性', en: 'Ease of the platform' },
  service_level: { zh: '服务水平', en: 'Service competence' },
  attitude: { zh: '服务态度', en: 'Attitude' },
};

export const indicatorSetOf = (channel: Channel): readonly Indicator[] =>
  channel === 'online' ? INDICATORS.online : INDICATORS.on_site;

/**
 * The indicator choices as stored: only the channel's own indicators, each 1–5; the overall one is
 * the rating's level. Returns the stored map, or the first indicator that does not belong.
 */
export function indicatorChoices(
  channel: Channel,
  level: number,
  given: Partial<Record<string, number>> = {},
): { ok: true; value: Record<string, number> } | { ok: false; indicator: string } {
  const set = indicatorSetOf(channel) as readonly string[];
  const value: Record<string, number> = { overall: level };
  for (const [k, v] of Object.entries(given)) {
    if (!set.includes(k) || v === undefined || !Number.isInteger(v) || v < 1 || v > 5)
      return { ok: false, indicator: k };
    if (k !== 'overall') value[k] = v;
  }
  return { ok: true, value };
}

/** Satisfaction as published: the share of counted ratings at 基本满意 or better. */
export function satisfactionRate(counts: Record<number, number>): number | null {
  const total = LEVELS.reduce((s, l) => s + (counts[l] ?? 0), 0);
  if (total === 0) return null;
  const good = (counts[5] ?? 0) + (counts[4] ?? 0) + (counts[3] ?? 0);
  return Math.round((good / total) * 10000) / 10000;
}
