import type { DocumentKind } from './document-kinds.js';

/** Fields every document carries. Dates are YYYY-MM-DD; issuedAt is an ISO instant. */
export interface CommonDocumentFields {
  number: string;
  issuedAt: string;
  /** e.g. 清河市政务服务中心 */
  centerName: string;
  /** the issuing department's full name, e.g. 清河市市场监督管理局; it also goes on the seal */
  agencyName: string;
  receiptNo: string;
  trackingUrl: string;
  applicant: { name: string; idMasked: string };
  itemNames: string[];
  complaintPhone: string;
}

export interface AcceptanceNoticeFields {
  acceptanceDate: string;
  committedDays: number;
  dueDate: string;
  checkCode: string;
  window: string;
  consultPhone: string;
  departments: string[];
}

export interface SupplementNoticeFields {
  /** 1 for the one-time notice; a later notice needs its reason */
  seq: number;
  materials: { name: string; requirement: string }[];
  reason?: string;
  window: string;
}

export interface NonAcceptanceNoticeFields {
  reasons: string[];
  /** set when the matter belongs to another agency (Art. 32(1)(2)): the applicant is told which */
  competentAgency?: string;
  reconsiderationBody: string;
  litigationCourt: string;
}

export interface ShortfallAcceptanceNoticeFields {
  acceptanceDate: string;
  dueDate: string;
  checkCode: string;
  missing: { name: string; form: string; deadline: string }[];
  commitmentText: string;
  consequence: string;
}

export interface ExtensionNoticeFields {
  extensionDays: number;
  reason: string;
  approvedBy: string;
  previousDueDate: string;
  newDueDate: string;
  basis: string;
}

export interface SpecialProcedureNoticeFields {
  procedure: string;
  expectedDays: number;
  reason: string;
  basis: string;
  fromDate: string;
}

export interface ApprovalDecisionFields {
  resultName: string;
  /** the licence's content (scope, term, conditions); newlines start new paragraphs */
  decisionText: string;
  departments: string[];
}

export interface RefusalDecisionFields {
  reasons: string[];
  reconsiderationBody: string;
  litigationCourt: string;
}

export interface DeliveryReceiptFields {
  documents: { name: string; number: string }[];
  method: string;
  recipient: string;
  /** ISO instant or YYYY-MM-DD */
  deliveredAt: string;
}

/** Amounts are integer fen; the composer prints yuan and the amount in Chinese capitals. */
export interface FeeLineFields {
  code: string;
  name: string;
  basis: string;
  standard: string;
  /** e.g. "1200 平方米", "1 件" */
  quantity: string;
  amountFen: number;
  waivedFen: number;
  /** the legal basis of a waiver, required when waivedFen > 0 */
  waiverBasis?: string;
}

export interface PaymentFormFields {
  /** the 20-digit payment code (缴款码) the payer pays with; with the number it proves the form genuine */
  paymentCode: string;
  lines: FeeLineFields[];
  /** what is payable: the lines' amounts less waivers */
  totalFen: number;
  dueDate: string;
  /** how to pay, e.g. the online checkout address and the counter */
  payChannels: string[];
}

export interface ReceiptFields {
  formNumber: string;
  paymentCode: string;
  /** what this payment paid, line by line */
  lines: { code: string; name: string; amountFen: number }[];
  amountFen: number;
  channel: string;
  reference?: string;
  paidAt: string;
  checkCode: string;
  /** set on a receipt that replaces a voided one */
  replaces?: string;
}

/** The reply to a registered letter (来函必复); receiptNo carries the letter's registry number. */
export interface LetterReplyFields {
  /** citizen, enterprise, agency, deputy_suggestion (人大代表建议) or cppcc_proposal (政协委员提案) */
  letterKind: string;
  receivedDate: string;
  subject: string;
  /** the reply itself; newlines start new paragraphs */
  replyText: string;
  dueDate: string;
  contactPhone: string;
}

/** The record of an enterprise inspection (检查记录); receiptNo carries the inspection's number. */
export interface InspectionRecordFields {
  /** no_problem, rectification or penalty */
  outcome: string;
  startedAt: string;
  endedAt?: string;
  joint?: boolean;
  /** each inspector with the enforcement certificate number, e.g. 刘检（执法证号 SC-2026-0001） */
  inspectors: string[];
  /** the legal basis of each item inspected */
  bases: string[];
  findings: string;
  rectificationDeadline?: string;
  penalty?: {
    /** the published violation cited, absent when the penalty has none */
    violation?: string;
    basis?: string;
    severity: string;
    warning: boolean;
    fineFen: number;
    /** why, when the penalty is outside the standard or without a published basis */
    reason?: string;
  };
}

type Variant<K extends DocumentKind, F> = CommonDocumentFields & F & { kind: K };

export type DocumentInput =
  | Variant<'acceptance_notice', AcceptanceNoticeFields>
  | Variant<'supplement_notice', SupplementNoticeFields>
  | Variant<'non_acceptance_notice', NonAcceptanceNoticeFields>
  | Variant<'shortfall_acceptance_notice', ShortfallAcceptanceNoticeFields>
  | Variant<'extension_notice', ExtensionNoticeFields>
  | Variant<'special_procedure_notice', SpecialProcedureNoticeFields>
  | Variant<'approval_decision', ApprovalDecisionFields>
  | Variant<'refusal_decision', RefusalDecisionFields>
  | Variant<'delivery_receipt', DeliveryReceiptFields>
  | Variant<'payment_form', PaymentFormFields>
  | Variant<'receipt', ReceiptFields>
  | Variant<'letter_reply', LetterReplyFields>
  | Variant<'inspection_record', InspectionRecordFields>;

export type DocumentInputOf<K extends DocumentKind> = Extract<DocumentInput, { kind: K }>;

export interface DocumentSection {
  heading?: string;
  paragraphs?: string[];
  table?: { label: string; value: string }[];
  list?: string[];
}

export interface DocumentContent {
  kind: DocumentKind;
  title: string;
  number: string;
  issuedAt: string;
  agencyName: string;
  centerName: string;
  /** empty for forms without a salutation (送达回证) */
  addressee: string;
  sections: DocumentSection[];
  footer: string[];
  trackingUrl: string;
  sealText: string;
  /** the words under the QR code; documents of a case invite tracking, fee documents verification */
  qrCaption?: string;
}
