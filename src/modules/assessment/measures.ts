import type { Counter, Totals } from './counters.js';
import type { Source } from './contributions.js';

/**
 * Every measure, defined once: its formula over the counters, the records it stands on, and which
 * of those a reader opens to see what moved it (the records behind a figure).
 */
export interface MeasureDef {
  zh: string;
  en: string;
  unit: '%' | 'd' | 'n' | 'min' | '‰';
  better: 'higher' | 'lower';
  /** value = num / den × scale (den absent: a count) */
  num: Counter;
  den?: Counter;
  scale?: number;
  /** percentile of working days used, from the histogram (num and den unused for the value) */
  percentile?: number;
  /** the sample the figure stands on (for minimum sample and ranking) */
  sample: Counter;
  source: Source[];
  formulaZh: string;
  formulaEn: string;
  /** the records behind the figure: contributions with this counter (for a rate, those that lowered it) */
  trace: { counter: Counter; lowered: boolean };
}

const rate = (num: Counter, den: Counter, scale = 100) => ({ num, den, scale, sample: den });

export const MEASURES = {
  on_time_rate: {
    zh: '按时办结率',
    en: 'On-time rate',
    unit: '%',
    better: 'higher',
    ...rate('on_time', 'decided'),
    source: ['case_clock'],
    formulaZh: '按时办结件数 ÷ 办结件数（撤回除外）',
    formulaEn: 'cases decided by their deadline ÷ cases decided (withdrawals excluded)',
    trace: { counter: 'overdue', lowered: true },
  },
  early_rate: {
    zh: '提前办结率',
    en: 'Early-completion rate',
    unit: '%',
    better: 'higher',
    ...rate('early', 'decided'),
    source: ['case_clock'],
    formulaZh: '到期日前办结件数 ÷ 办结件数',
    formulaEn: 'cases decided before their due date ÷ cases decided',
    trace: { counter: 'early', lowered: false },
  },
  overdue_cases: {
    zh: '超期件数',
    en: 'Overdue cases',
    unit: 'n',
    better: 'lower',
    num: 'overdue',
    sample: 'decided',
    source: ['case_clock'],
    formulaZh: '超过承诺时限办结的件数',
    formulaEn: 'cases decided after their deadline',
    trace: { counter: 'overdue', lowered: false },
  },
  avg_working_days: {
    zh: '平均办理工作日',
    en: 'Average working days',
    unit: 'd',
    better: 'lower',
    ...rate('wd_sum', 'decided', 1),
    source: ['case_clock'],
    formulaZh: '（受理日至办结日的工作日 − 暂停工作日）之和 ÷ 办结件数',
    formulaEn: 'sum of (working days from acceptance to decision − paused days) ÷ cases decided',
    trace: { counter: 'decided', lowered: false },
  },
  p90_working_days: {
    zh: '90%分位办理工作日',
    en: 'Working days, 90th percentile',
    unit: 'd',
    better: 'lower',
    num: 'wd_sum',
    percentile: 0.9,
    sample: 'decided',
    source: ['case_clock'],
    formulaZh: '办结件用时的第90百分位（最近秩）',
    formulaEn: '90th percentile (nearest rank) of working days used by decided cases',
    trace: { counter: 'decided', lowered: false },
  },
  supplement_rate: {
    zh: '补正率',
    en: 'Supplement rate',
    unit: '%',
    better: 'lower',
    ...rate('supplemented', 'received'),
    source: ['case'],
    formulaZh: '发出补正告知的申请件 ÷ 收件数',
    formulaEn: 'applications sent a supplement notice ÷ applications received',
    trace: { counter: 'supplemented', lowered: false },
  },
  notice_breaches: {
    zh: '违反一次性告知',
    en: 'One-time-notice breaches',
    unit: 'n',
    better: 'lower',
    num: 'notice_breaches',
    sample: 'received',
    source: ['signal'],
    formulaZh: '二次补正要求一次告知以外材料的监察信号数',
    formulaEn: 'signals of a second supplement asking for something the one-time notice did not list',
    trace: { counter: 'notice_breaches', lowered: false },
  },
  shortfall_kept_rate: {
    zh: '容缺承诺兑现率',
    en: 'Deferred-material promises kept (容缺)',
    unit: '%',
    better: 'higher',
    ...rate('shortfall_kept', 'shortfall_promises'),
    source: ['case'],
    formulaZh: '期限内补齐全部容缺材料的承诺 ÷ 已有结果的容缺承诺（最后一件补齐日，或未补齐而办结、撤回日）',
    formulaEn:
      'promises whose deferred materials all arrived by the deadline ÷ promises judged (on the day the last arrived, or the case ended without them)',
    trace: { counter: 'shortfall_broken', lowered: true },
  },
  visits_per_case: {
    zh: '平均跑动次数',
    en: 'Visits per case',
    unit: 'n',
    better: 'lower',
    ...rate('visits', 'decided', 1),
    source: ['case_clock'],
    formulaZh: '办结件的大厅到访次数之和 ÷ 办结件数',
    formulaEn: 'hall visits of decided cases ÷ cases decided',
    trace: { counter: 'visits', lowered: false },
  },
  visits_le1_share: {
    zh: '最多跑一次占比',
    en: 'Share at most one visit',
    unit: '%',
    better: 'higher',
    ...rate('visits_le1', 'decided'),
    source: ['case_clock'],
    formulaZh: '到访不超过一次的办结件 ÷ 办结件数',
    formulaEn: 'decided cases with at most one visit ÷ cases decided',
    trace: { counter: 'visits_le1', lowered: false },
  },
  visits_zero_share: {
    zh: '零跑动占比',
    en: 'Share zero visits',
    unit: '%',
    better: 'higher',
    ...rate('visits_zero', 'decided'),
    source: ['case_clock'],
    formulaZh: '无到访的办结件 ÷ 办结件数',
    formulaEn: 'decided cases with no visit ÷ cases decided',
    trace: { counter: 'visits_zero', lowered: false },
  },
  online_rate: {
    zh: '网上办理率',
    en: 'Online rate',
    unit: '%',
    better: 'higher',
    ...rate('online', 'received'),
    source: ['case'],
    formulaZh: '网上提交的申请 ÷ 收件数',
    formulaEn: 'applications submitted online ÷ applications received',
    trace: { counter: 'online', lowered: false },
  },
  avg_wait_minutes: {
    zh: '大厅平均等候（分钟）',
    en: 'Average wait in the hall (min)',
    unit: 'min',
    better: 'lower',
    ...rate('wait_seconds', 'tickets_called', 1 / 60),
    source: ['ticket'],
    formulaZh: '叫号前等候秒数之和 ÷ 叫号数 ÷ 60',
    formulaEn: 'seconds waited until called ÷ tickets called ÷ 60',
    trace: { counter: 'tickets_called', lowered: false },
  },
  satisfaction: {
    zh: '满意率',
    en: 'Satisfaction',
    unit: '%',
    better: 'higher',
    ...rate('satisfied', 'ratings'),
    source: ['rating'],
    formulaZh: '基本满意及以上评价 ÷ 有效评价数（申诉排除的不计）',
    formulaEn: 'ratings of 基本满意 or better ÷ counted ratings (excluded on appeal left out)',
    trace: { counter: 'bad', lowered: true },
  },
  bad_rectified_on_time: {
    zh: '差评按期整改率',
    en: 'Bad ratings rectified on time',
    unit: '%',
    better: 'higher',
    ...rate('rectified_on_time', 'bad'),
    source: ['rating'],
    formulaZh: '按期整改的差评 ÷ 差评数',
    formulaEn: 'bad ratings rectified by the deadline ÷ bad ratings',
    trace: { counter: 'bad', lowered: false },
  },
  callbacks_made: {
    zh: '实名差评回访率',
    en: 'Call-backs made',
    unit: '%',
    better: 'higher',
    ...rate('callbacks_made', 'callbacks_due'),
    source: ['rating'],
    formulaZh: '已回访的实名差评 ÷ 应回访的实名差评',
    formulaEn: 'real-name bad ratings called back ÷ real-name bad ratings',
    trace: { counter: 'callbacks_due', lowered: false },
  },
  complaints_per_1000: {
    zh: '每千件投诉数',
    en: 'Complaints per 1,000 cases',
    unit: '‰',
    better: 'lower',
    ...rate('complaints_about', 'decided', 1000),
    source: ['complaint', 'case_clock'],
    formulaZh: '针对本部门的投诉举报 ÷ 办结件数 × 1000',
    formulaEn: 'complaints about the department ÷ cases decided × 1,000',
    trace: { counter: 'complaints_about', lowered: false },
  },
  complaint_reply_rate: {
    zh: '投诉举报答复率',
    en: 'Complaint reply rate',
    unit: '%',
    better: 'higher',
    ...rate('tickets_replied', 'tickets_dispatched'),
    source: ['complaint'],
    formulaZh: '已答复的派办工单 ÷ 派办工单（按受理日）',
    formulaEn: 'dispatched tickets replied ÷ tickets dispatched (by intake day)',
    trace: { counter: 'tickets_dispatched', lowered: false },
  },
  complaint_reply_on_time: {
    zh: '投诉按期答复率',
    en: 'Complaint replies on time',
    unit: '%',
    better: 'higher',
    ...rate('replies_on_time', 'tickets_dispatched'),
    source: ['complaint'],
    formulaZh: '办理时限内答复的派办工单 ÷ 派办工单',
    formulaEn: 'dispatched tickets replied within the handling limit ÷ tickets dispatched',
    trace: { counter: 'tickets_dispatched', lowered: false },
  },
  returns: {
    zh: '退单次数',
    en: 'Returns',
    unit: 'n',
    better: 'lower',
    num: 'returns',
    sample: 'tickets_dispatched',
    source: ['complaint'],
    formulaZh: '本部门退回工单的次数（按退回日）',
    formulaEn: 'tickets the department returned (by day returned)',
    trace: { counter: 'returns', lowered: false },
  },
  reopens: {
    zh: '重新打开次数',
    en: 'Reopens',
    unit: 'n',
    better: 'lower',
    num: 'reopens',
    sample: 'tickets_dispatched',
    source: ['complaint'],
    formulaZh: '派办工单被举报人重新打开的次数',
    formulaEn: 'times reporters reopened the dispatched tickets',
    trace: { counter: 'reopens', lowered: false },
  },
  signals_raised: {
    zh: '监察信号数',
    en: 'Signals raised',
    unit: 'n',
    better: 'lower',
    num: 'signals',
    sample: 'signals',
    source: ['signal'],
    formulaZh: '电子监察对本部门发出的信号数',
    formulaEn: 'supervision signals raised about the department',
    trace: { counter: 'signals', lowered: false },
  },
  orders_answered_on_time: {
    zh: '督办按期答复率',
    en: 'Supervision orders answered on time',
    unit: '%',
    better: 'higher',
    ...rate('orders_on_time', 'orders'),
    source: ['order'],
    formulaZh: '答复时限内答复的督办单 ÷ 督办单',
    formulaEn: 'orders answered within their limit ÷ orders opened',
    trace: { counter: 'orders', lowered: false },
  },
  fees_refused: {
    zh: '拒收目录外费用',
    en: 'Fees outside the catalogue refused',
    unit: 'n',
    better: 'lower',
    num: 'fees_refused',
    sample: 'fees_refused',
    source: ['signal'],
    formulaZh: '拒收目录外收费的监察信号数',
    formulaEn: 'signals of a charge outside the published catalogue, refused',
    trace: { counter: 'fees_refused', lowered: false },
  },
  refunds_on_time: {
    zh: '退费按期支付率',
    en: 'Refunds paid on time',
    unit: '%',
    better: 'higher',
    ...rate('refunds_on_time', 'refunds'),
    source: ['refund'],
    formulaZh: '时限内支付的退费 ÷ 已支付的退费（按支付日）',
    formulaEn: 'refunds paid within their limit ÷ refunds paid (by day paid)',
    trace: { counter: 'refunds', lowered: false },
  },
  inspections_registered: {
    zh: '涉企检查登记在先、未超频次率',
    en: 'Inspections registered and within caps',
    unit: '%',
    better: 'higher',
    ...rate('insp_regular', 'insp_attempts'),
    source: ['inspection', 'inspection_scan', 'signal'],
    formulaZh:
      '扫码开始的已登记检查 ÷（扫码开始的已登记检查 + 未登记扫码入企 + 因年度上限被拒的登记），按开始、扫码或拒绝日',
    formulaEn:
      'registered inspections started by scan ÷ (those + starts without registration + registrations refused for a cap), by day started, scanned or refused',
    trace: { counter: 'insp_attempts', lowered: false },
  },
  penalties_within_standard: {
    zh: '处罚符合裁量基准率',
    en: 'Penalties within standards',
    unit: '%',
    better: 'higher',
    ...rate('penalties_within', 'penalties'),
    source: ['inspection'],
    formulaZh: '在所引裁量基准幅度内的处罚 ÷ 作出处罚结果的检查（按结果录入日）',
    formulaEn:
      'penalties within the band of the standard they cite ÷ inspections concluded with a penalty (by day the result was recorded)',
    trace: { counter: 'penalties_outside', lowered: true },
  },
} satisfies Record<string, MeasureDef>;
export type MeasureCode = keyof typeof MEASURES;
export const MEASURE_CODES = Object.keys(MEASURES) as MeasureCode[];

/** A figure: its value (null without records) and the sample it stands on. */
export interface Figure {
  value: number | null;
  sample: number;
}

export const round1 = (n: number) => Math.round(n * 10) / 10;

/** Nearest-rank percentile over a histogram of working days → cases. */
export function percentileOf(hist: Map<number, number>, p: number): number | null {
  const total = [...hist.values()].reduce((s, n) => s + n, 0);
  if (!total) return null;
  const rank = Math.ceil(p * total);
  let seen = 0;
  for (const d of [...hist.keys()].sort((a, b) => a - b)) {
    seen += hist.get(d)!;
    if (seen >= rank) return d;
  }
  return null;
}

/** The figure of a measure from summed counters (and the histogram, for percentiles). */
export function figureOf(code: MeasureCode, t: Totals, hist: Map<number, number>): Figure {
  const m: MeasureDef = MEASURES[code];
  const sample = t[m.sample];
  if (m.percentile !== undefined) return { value: percentileOf(hist, m.percentile), sample };
  if (!m.den) return { value: t[m.num], sample };
  const den = t[m.den];
  return { value: den ? round1((t[m.num] / den) * (m.scale ?? 1)) : null, sample };
}
