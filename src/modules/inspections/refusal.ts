import { AppError } from '../../server/errors.js';

/** Every rule a registration can break, named in the refusal, in both languages. */
export const REGISTRATION_RULES = {
  credit_code: { zh: '统一社会信用代码无效', en: 'invalid unified social credit code' },
  planned_date_past: { zh: '计划检查日期已过', en: 'the planned date has passed' },
  unpublished_item: { zh: '检查事项未公布或已废止', en: 'an inspection item not published, or withdrawn' },
  item_of_other_department: { zh: '检查事项不属于本部门', en: "an item of another department's list" },
  single_inspector: { zh: '执法人员不得少于两人', en: 'at least two inspectors are required' },
  inspector_unknown: {
    zh: '执法人员不存在或不属于本部门',
    en: 'an inspector unknown or of another department',
  },
  certificate_expired: {
    zh: '执法证件在检查日不在有效期内',
    en: "an inspector's enforcement certificate is not valid on the day",
  },
  department_cap: {
    zh: '该企业本年度接受本部门检查已达上限',
    en: "the enterprise has reached this department's annual cap",
  },
  total_cap: {
    zh: '该企业本年度接受检查总数已达上限',
    en: 'the enterprise has reached its total annual cap',
  },
  notice_not_allowed: {
    zh: '所选检查事项不允许事先通知',
    en: 'the items chosen may not be announced in advance',
  },
  joint_not_found: {
    zh: '所选联合检查不在可合并的范围内',
    en: 'the joint visit chosen is not one that can be joined',
  },
} as const;
export type RegistrationRule = keyof typeof REGISTRATION_RULES;

/** A refusal naming its rule: the code, the rule and a field error at the path that broke it. */
export function refusal(rule: RegistrationRule, path: string, detail?: { zh: string; en: string }): AppError {
  const text = REGISTRATION_RULES[rule];
  return new AppError('inspection_refused', { rule }, [
    {
      path,
      code: rule,
      zh: detail ? `${text.zh}：${detail.zh}` : text.zh,
      en: detail ? `${text.en}: ${detail.en}` : text.en,
    },
  ]);
}
