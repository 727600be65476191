// The wording of every document the center issues, as data: pure, no layout. The renderer turns a
// DocumentContent into a PDF; the same content can feed an HTML preview.

import { DOCUMENT_KIND_INFO, isDocumentKind } from './document-kinds.js';
import type { DocumentContent, DocumentInput, DocumentSection } from './document-types.js';
import { checker, checkCommon, standardFooter, type Check } from './compose-helpers.js';
import {
  acceptanceSections,
  nonAcceptanceSections,
  shortfallSections,
  supplementSections,
} from './compose-intake.js';
import {
  approvalSections,
  deliveryReceiptSections,
  extensionSections,
  refusalSections,
  specialProcedureSections,
} from './compose-review.js';
import { paymentFormSections, receiptSections } from './compose-fees.js';
import { letterReplySections } from './compose-letters.js';
import { inspectionRecordSections } from './compose-inspections.js';

/** Fee documents carry a payer field instead of a salutation, and their QR code verifies them. */
const NO_SALUTATION = new Set(['delivery_receipt', 'payment_form', 'receipt']);
const VERIFIED = new Set(['payment_form', 'receipt']);
/** A reply letter's QR code leads to the letter's record in the registry. */
const QR_CAPTIONS: Partial<Record<string, string>> = {
  letter_reply: '扫码查看来函办理记录',
  inspection_record: '扫码核验检查登记',
};

export { DocumentInputError } from './compose-helpers.js';

function sectionsFor(input: DocumentInput, fail: Check): DocumentSection[] {
  switch (input.kind) {
    case 'acceptance_notice':
      return acceptanceSections(input, fail);
    case 'supplement_notice':
      return supplementSections(input, fail);
    case 'non_acceptance_notice':
      return nonAcceptanceSections(input, fail);
    case 'shortfall_acceptance_notice':
      return shortfallSections(input, fail);
    case 'extension_notice':
      return extensionSections(input, fail);
    case 'special_procedure_notice':
      return specialProcedureSections(input, fail);
    case 'approval_decision':
      return approvalSections(input, fail);
    case 'refusal_decision':
      return refusalSections(input, fail);
    case 'delivery_receipt':
      return deliveryReceiptSections(input, fail);
    case 'payment_form':
      return paymentFormSections(input, fail);
    case 'receipt':
      return receiptSections(input, fail);
    case 'letter_reply':
      return letterReplySections(input, fail);
    case 'inspection_record':
      return inspectionRecordSections(input, fail);
  }
}

/** Throws DocumentInputError (naming the field) when required content is missing or inconsistent. */
export function composeDocument(input: DocumentInput): DocumentContent {
  const kind: unknown = input?.kind;
  if (typeof kind !== 'string' || !isDocumentKind(kind))
    throw new Error(`composeDocument: unknown document kind ${JSON.stringify(kind)}`);
  const fail = checker(kind);
  checkCommon(fail, input);
  const sections = sectionsFor(input, fail);
  return {
    kind,
    title: DOCUMENT_KIND_INFO[kind].title,
    number: input.number.trim(),
    issuedAt: input.issuedAt,
    agencyName: input.agencyName.trim(),
    centerName: input.centerName.trim(),
    addressee: NO_SALUTATION.has(kind) ? '' : `${input.applicant.name.trim()}：`,
    sections,
    footer: standardFooter(input),
    trackingUrl: input.trackingUrl.trim(),
    sealText: input.agencyName.trim(),
    ...(VERIFIED.has(kind) ? { qrCaption: '扫码验证真伪' } : {}),
    ...(QR_CAPTIONS[kind] ? { qrCaption: QR_CAPTIONS[kind] } : {}),
  };
}
