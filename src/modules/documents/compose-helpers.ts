// Validation and wording shared by the composers. Validation errors name the field, so a caller can
// turn them into a field error without parsing the message.

import type { CommonDocumentFields } from './document-types.js';

export class DocumentInputError extends Error {
  constructor(
    readonly kind: string,
    readonly field: string,
    problem: string,
  ) {
    super(`${kind}: ${field} ${problem}`);
    this.name = 'DocumentInputError';
  }
}

export type Check = (field: string, problem: string) => never;

export function checker(kind: string): Check {
  return (field, problem) => {
    throw new DocumentInputError(kind, field, problem);
  };
}

export function text(fail: Check, field: string, value: unknown): string {
  if (typeof value !== 'string' || value.trim() === '') fail(field, 'is required');
  return (value as string).trim();
}

export function texts(fail: Check, field: string, values: unknown): string[] {
  if (!Array.isArray(values) || values.length === 0) fail(field, 'must list at least one entry');
  return (values as unknown[]).map((v, i) => text(fail, `${field}[${i}]`, v));
}

export function positiveInt(fail: Check, field: string, value: unknown, max = 10_000): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > max)
    fail(field, `must be an integer from 1 to ${max}`);
  return value as number;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar date as YYYY-MM-DD (string comparison then orders dates). */
export function date(fail: Check, field: string, value: unknown): string {
  const m = typeof value === 'string' ? DATE.exec(value) : null;
  const d = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : null;
  if (!m || !d || d.toISOString().slice(0, 10) !== value) fail(field, 'must be a real date YYYY-MM-DD');
  return value as string;
}

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

export function instant(fail: Check, field: string, value: unknown): string {
  if (typeof value !== 'string' || !INSTANT.test(value) || Number.isNaN(Date.parse(value)))
    fail(field, 'must be an ISO instant with a time zone');
  return value as string;
}

/** 2026-03-05 → 2026年3月5日 (GB/T 9704: Arabic numerals, no leading zeros). */
export function cnDate(ymd: string): string {
  const [y, m, d] = ymd.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

const CST_OFFSET_MS = 8 * 3600_000;

/** The day (YYYY-MM-DD) an instant falls on in China Standard Time. */
export const cstDayOfInstant = (iso: string): string =>
  new Date(Date.parse(iso) + CST_OFFSET_MS).toISOString().slice(0, 10);

/** The date (and optionally time) of an instant in China Standard Time. */
export function cnDateOfInstant(iso: string, withTime = false): string {
  const local = new Date(Date.parse(iso) + CST_OFFSET_MS).toISOString();
  return cnDate(local.slice(0, 10)) + (withTime ? ` ${local.slice(11, 16)}` : '');
}

/** Free text placed inside a sentence: no closing punctuation of its own. */
export function clause(s: string): string {
  return s.trim().replace(/[。；，.;,\s]+$/u, '');
}

export function numbered(items: string[]): string[] {
  return items.map((s, i) => `${i + 1}. ${s}`);
}

/** Validates the fields every document carries. */
export function checkCommon(fail: Check, input: CommonDocumentFields): void {
  text(fail, 'number', input.number);
  instant(fail, 'issuedAt', input.issuedAt);
  text(fail, 'centerName', input.centerName);
  text(fail, 'agencyName', input.agencyName);
  text(fail, 'receiptNo', input.receiptNo);
  const url = text(fail, 'trackingUrl', input.trackingUrl);
  if (!/^https?:\/\/[^\s]+$/.test(url) || !URL.canParse(url)) fail('trackingUrl', 'must be an http(s) URL');
  if (typeof input.applicant !== 'object' || input.applicant === null) fail('applicant', 'is required');
  text(fail, 'applicant.name', input.applicant.name);
  // A printed document leaves the building: a full resident ID number never goes on it.
  if (/^\d{17}[\dXx]$/.test(text(fail, 'applicant.idMasked', input.applicant.idMasked)))
    fail('applicant.idMasked', 'must be masked, not a full ID number');
  texts(fail, 'itemNames', input.itemNames);
  text(fail, 'complaintPhone', input.complaintPhone);
}

/** 你（单位）提出的食品经营许可申请（受理编号：…） */
export function applicationPhrase(input: CommonDocumentFields): string {
  return `你（单位）提出的${input.itemNames.map((s) => s.trim()).join('、')}申请（受理编号：${input.receiptNo}）`;
}

export function applicantRows(input: CommonDocumentFields): { label: string; value: string }[] {
  return [
    { label: '申请人', value: input.applicant.name },
    { label: '证件号码', value: input.applicant.idMasked },
    { label: '申请事项', value: input.itemNames.join('、') },
    { label: '受理编号', value: input.receiptNo },
  ];
}

/** Art. 38(2) and the two remedies, with the periods of 行政复议法 Art. 20 and 行政诉讼法 Art. 46. */
export function rightsParagraph(
  documentWord: string,
  reconsiderationBody: string,
  litigationCourt: string,
): string {
  return (
    `你（单位）如对本决定不服，可以自收到本${documentWord}之日起六十日内，依照《中华人民共和国行政复议法》的规定向${reconsiderationBody}申请行政复议；` +
    `也可以自收到本${documentWord}之日起六个月内，依照《中华人民共和国行政诉讼法》的规定向${litigationCourt}提起行政诉讼。`
  );
}

export function trackingParagraph(input: CommonDocumentFields, checkCode?: string): string {
  const code = checkCode
    ? `凭受理编号${input.receiptNo}和查询码${checkCode}`
    : `凭受理编号${input.receiptNo}`;
  return `你（单位）可扫描本文书上的二维码，或访问 ${input.trackingUrl} ，${code}查询办理进度。`;
}

export function standardFooter(input: CommonDocumentFields): string[] {
  return [`${input.centerName}\u3000监督投诉电话：${input.complaintPhone}`];
}
