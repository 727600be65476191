import type { TFunction } from 'i18next';

/**
 * A clock's label is written once, in Chinese, when the clock starts (src/modules/cases, fees/refunds,
 * supervision): what is being timed, then the matter (an item's official name, a receipt number, a
 * person's question), which stays as it was written. In another language the leading part is said in
 * that language. The prefixes here are the ones the server writes.
 */
const PREFIXES: readonly (readonly [string, string])[] = [
  ['受理审查（补正后）：', 'acceptanceAfterSupplement'],
  ['受理审查：', 'acceptance'],
  ['送达：', 'delivery'],
  ['首问（移交）：', 'inquiryHandedOver'],
  ['首问：', 'inquiry'],
  ['督办答复：', 'orderAnswer'],
  ['退费立案（执收单位自行发现）：', 'refundFile'],
  ['退费审核（执收单位）：', 'refundReview'],
  ['退费审批（财政部门）：', 'refundApproval'],
  ['退费支付：', 'refundPayment'],
];

export function clockLabel(label: string, t: TFunction, language: string): string {
  if (language.startsWith('zh')) return label;
  for (const [zh, key] of PREFIXES) {
    if (label.startsWith(zh)) return `${t(`clockLabel.${key}`)}: ${clockLabel(label.slice(zh.length), t, language)}`;
  }
  if (label.startsWith('缴款书')) return `${t('clockLabel.feeForm')} ${label.slice('缴款书'.length)}`;
  return label;
}
