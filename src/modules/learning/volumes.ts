/** The five volumes of the civil servants' vocational education series (职业教育系列丛书). */
export const VOLUMES = {
  politics_economics: { zh: '政治理论与经济理论', en: 'Political and economic theory' },
  law_science: { zh: '法律知识与科技知识', en: 'Law and science' },
  government_functions: { zh: '政府职能和依法行政', en: 'Government functions and administration by law' },
  overall_quality: { zh: '综合素质', en: 'Overall quality' },
  governing_capacity: { zh: '执政能力', en: 'Governing capacity' },
} as const;
export type Volume = keyof typeof VOLUMES;
export const VOLUME_CODES = Object.keys(VOLUMES) as Volume[];

/** The rules staff are held to, each studied as material with a short quiz. */
export const RULES = {
  first_inquiry: { zh: '首问负责', en: 'First-inquiry responsibility' },
  letters_answered: { zh: '来函必复', en: 'Every letter answered' },
  one_time_notice: { zh: '一次告知', en: 'Everything told at once' },
  standard_service: { zh: '规范服务', en: 'Standard service' },
} as const;
export type RuleCode = keyof typeof RULES;
export const RULE_CODES = Object.keys(RULES) as RuleCode[];

export interface Section {
  title: string;
  body: string;
}

/**
 * Whether a staff member has completed a material: every section of its current version studied,
 * and its quiz passed when it has one.
 */
export function isComplete(
  sectionsTotal: number,
  sectionsDone: readonly number[],
  hasQuiz: boolean,
  passed: boolean,
): boolean {
  const done = new Set(sectionsDone.filter((s) => s >= 1 && s <= sectionsTotal));
  return done.size === sectionsTotal && (!hasQuiz || passed);
}

/** A score in whole percent, and whether it reaches the pass mark. */
export function score(
  correct: number,
  total: number,
  passPct: number,
): { scorePct: number; passed: boolean } {
  const scorePct = total ? Math.floor((correct * 100) / total) : 0;
  return { scorePct, passed: total > 0 && scorePct >= passPct };
}
