// The documents the center issues (domain.md §2): official titles and the character each number
// carries between the issuer's abbreviation and the year, e.g. 清政服受〔2026〕第000123号.

export const DOCUMENT_KINDS = [
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
  'inspection_record',
] as const;

export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

export const DOCUMENT_KIND_INFO: Readonly<Record<DocumentKind, { title: string; prefix: string }>> = {
  acceptance_notice: { title: '受理通知书', prefix: '受' },
  supplement_notice: { title: '补正材料告知书', prefix: '补' },
  non_acceptance_notice: { title: '不予受理通知书', prefix: '不受' },
  shortfall_acceptance_notice: { title: '容缺受理通知书', prefix: '容' },
  extension_notice: { title: '延期告知书', prefix: '延' },
  special_procedure_notice: { title: '特别程序告知书', prefix: '特' },
  approval_decision: { title: '准予行政许可决定书', prefix: '准许' },
  refusal_decision: { title: '不予行政许可决定书', prefix: '不许' },
  delivery_receipt: { title: '送达回证', prefix: '送' },
  payment_form: { title: '非税收入一般缴款书', prefix: '缴' },
  receipt: { title: '非税收入电子收款票据', prefix: '票' },
  letter_reply: { title: '来函答复函', prefix: '函' },
  inspection_record: { title: '检查记录', prefix: '检' },
};

/** The issuer's abbreviation in document numbers: 清河市政务服务中心 → 清政服. */
export const DEFAULT_ISSUER_ABBREVIATION = '清政服';

export function isDocumentKind(value: string): value is DocumentKind {
  return (DOCUMENT_KINDS as readonly string[]).includes(value);
}

export function documentTitle(kind: DocumentKind): string {
  return DOCUMENT_KIND_INFO[kind].title;
}

/**
 * 清政服受〔2026〕第000123号. The sequence is per kind and year and is padded to six digits; the
 * caller owns the counter (numbers must not repeat, so it lives in the database).
 */
export function formatDocumentNumber(
  kind: DocumentKind,
  year: number,
  seq: number,
  issuer = DEFAULT_ISSUER_ABBREVIATION,
): string {
  if (!isDocumentKind(kind))
    throw new Error(`formatDocumentNumber: unknown document kind ${JSON.stringify(kind)}`);
  if (!Number.isInteger(year) || year < 1000 || year > 9999)
    throw new Error(`formatDocumentNumber: year must be a four-digit integer, got ${year}`);
  if (!Number.isSafeInteger(seq) || seq < 1 || seq > 999_999)
    throw new Error(`formatDocumentNumber: seq must be an integer from 1 to 999999, got ${seq}`);
  if (issuer.trim() === '') throw new Error('formatDocumentNumber: issuer abbreviation is empty');
  return `${issuer}${DOCUMENT_KIND_INFO[kind].prefix}〔${year}〕第${String(seq).padStart(6, '0')}号`;
}
