import type { TFunction } from 'i18next';
import { LETTER_KINDS } from '../../../src/modules/letters/letter-kinds';

// Every enumeration the API sends, with the i18n key prefix of its labels. The i18n test checks
// that each value has a label in both languages.
export const ENUMS = {
  itemType: [
    'licensing',
    'confirmation',
    'payment',
    'adjudication',
    'reward',
    'filing',
    'public_service',
    'other',
  ],
  handlingClass: ['instant', 'promise', 'joint'],
  channel: ['window', 'online', 'post', 'self_service'],
  materialForm: ['original', 'copy', 'electronic'],
  materialSource: ['applicant', 'agency', 'window_check', 'commitment'],
  legalKind: ['law', 'administrative_regulation', 'local_regulation', 'rule', 'normative_document'],
  feeCategory: ['administrative', 'fund', 'service'],
  paymentPoint: ['none', 'before_acceptance', 'before_decision', 'before_delivery'],
  level: ['city', 'county', 'township'],
  role: ['applicant', 'clerk', 'reviewer', 'head', 'supervisor', 'admin', 'complaint_officer'],
  colour: ['green', 'yellow', 'red'],
  recordStatus: [
    'draft',
    'published',
    'superseded',
    'withdrawn',
    'active',
    'disabled',
    'pending',
    'confirmed',
    'rejected',
    'open',
    'answered',
    'closed',
    'running',
    'paused',
    'stopped',
  ],
  signalKind: [
    'clock_yellow',
    'clock_overdue',
    'stage_overrun',
    'instant_not_same_day',
    'deemed_acceptance',
    'order_answer_overdue',
    'second_supplement_new_item',
    'fee_outside_catalogue',
    'refusal_without_reason',
    'letter_overdue',
    'inspection_unregistered',
    'inspection_unpublished_item',
    'inspection_length_exceeded',
    'inspection_over_cap',
    'inspection_high_frequency',
    'inspection_repeated',
    'inspection_result_late',
    'inspection_penalty_outside',
    'inspection_complaint',
    'document_render_failed',
    'visits_exceeded',
    'commitment_not_kept',
    'selfinspection_report_overdue',
    'selfinspection_rectification_overdue',
    'rectification_overdue',
    'appraisal_rectification_overdue',
    'item_commitment_not_kept',
    'village_disclosure_overdue',
    'shortfall_promise_lapsed',
  ],
  dayKind: ['holiday', 'makeup_workday'],
  feeRuleKind: ['fixed', 'per_unit', 'tiered'],
  clockEvent: ['started', 'paused', 'resumed', 'extended', 'stopped', 'reprojected', 'colour_changed'],
  severity: ['warning', 'serious'],
  caseState: [
    'draft',
    'received',
    'awaiting_supplement',
    'under_review',
    'decided',
    'completed',
    'not_accepted',
    'withdrawn',
  ],
  materialStatus: ['provided', 'committed', 'at_window', 'shared', 'missing', 'requested', 'deferred'],
  taskState: ['reviewing', 'paused', 'decided'],
  decision: ['approve', 'refuse'],
  caseDecision: ['approved', 'refused'],
  documentKind: [
    'acceptance_notice',
    'supplement_notice',
    'non_acceptance_notice',
    'shortfall_acceptance_notice',
    'extension_notice',
    'special_procedure_notice',
    'approval_decision',
    'refusal_decision',
    'delivery_receipt',
    'payment_form',
    'receipt',
    'letter_reply',
  ],
  letterState: ['registered', 'assigned', 'answered'],
  letterKind: [...LETTER_KINDS],
  complaintState: [
    'submitted',
    'not_accepted',
    'accepted',
    'dispatched',
    'returned',
    'replied',
    'closed',
    'merged',
  ],
  complaintStep: [
    'submitted',
    'accept',
    'refuse',
    'dispatch',
    'return',
    'decide_return',
    'reassign',
    'reply',
    'close',
    'callback',
    'rate',
    'reopen',
    'merge',
  ],
} as const;

export type EnumName = keyof typeof ENUMS;

/** The label of an API value; an unknown value (a newer server) is shown as it came. */
export function enumLabel(t: TFunction, name: EnumName, value: string | null | undefined): string {
  if (!value) return '';
  return t(`enum.${name}.${value}`, { defaultValue: value });
}

/** Options for a Select over an enumeration. */
export function enumOptions(t: TFunction, name: EnumName): { value: string; label: string }[] {
  return ENUMS[name].map((value) => ({ value, label: enumLabel(t, name, value) }));
}

// The life events the catalogue format names (docs/catalogue-format.md); others are shown as they come.
export const LIFE_EVENTS = [
  '开办企业',
  '工程建设',
  '婚育',
  '就业',
  '住房',
  '出行',
  '社会保障',
  '教育',
  '医疗卫生',
  '退休养老',
  '农业生产',
  '文化旅游',
  '户籍身份',
  '交通运输',
  '公共安全',
  '其他',
] as const;

export function lifeEventLabel(t: TFunction, name: string): string {
  return t(`lifeEvent.${name}`, { defaultValue: name });
}
