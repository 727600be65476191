/**
 * A clock's label is written once, in Chinese, when the clock starts: what is being timed (one of
 * these prefixes), then the matter (an item's official name, a receipt number, a person's question),
 * which stays as it was written. The web says the prefix in the reader's language
 * (web/src/domain/clock-label.ts imports this table), so the two cannot drift apart.
 * Pure data: no imports, safe for the browser.
 */
export const CLOCK_LABEL_PREFIXES = {
  acceptanceAfterSupplement: '受理审查（补正后）：',
  acceptance: '受理审查：',
  delivery: '送达：',
  inquiryHandedOver: '首问（移交）：',
  inquiry: '首问：',
  orderAnswer: '督办答复：',
  refundFile: '退费立案（执收单位自行发现）：',
  refundReview: '退费审核（执收单位）：',
  refundApproval: '退费审批（财政部门）：',
  refundPayment: '退费支付：',
  letterReply: '来函答复：',
  inspectionResult: '检查结果录入：',
} as const;

export type ClockLabelPrefix = keyof typeof CLOCK_LABEL_PREFIXES;

/** The word before a payment form's number in a refund clock's label. */
export const FEE_FORM_WORD = '缴款书';
