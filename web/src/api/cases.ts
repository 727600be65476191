import i18n from '../i18n';
import { http } from './http';
import { readCookie } from './client';
import { problemFrom } from './problem';
import type { Body, Ok, Schemas } from './contract';
import type { Page } from './types';

/** Cases (办件): applications, the window's intake, the departments' review. After src/modules/cases. */
export const casesApi = {
  bundle: (code: string, signal?: AbortSignal) =>
    http.get<BundleDetail>(`/bundles/${encodeURIComponent(code)}`, undefined, signal),
  list: (q: { state?: string; page?: number; pageSize?: number }, signal?: AbortSignal) =>
    http.get<CaseListPage>('/cases', { page: 1, pageSize: 50, ...q }, signal),
  /** Cases by receipt number (exact) or title (contains), for the window's counter. */
  search: (q: string, signal?: AbortSignal) =>
    http.get<Page<CaseSummary>>('/cases', { q, page: 1, pageSize: 20 }, signal),
  get: (id: string, signal?: AbortSignal) =>
    http.get<CaseView>(`/cases/${encodeURIComponent(id)}`, undefined, signal),
  submit: (body: SubmitBody, idempotencyKey: string) =>
    http.request<{ checkCode: string; case: { id: string; receiptNo: string; state: string } }>(
      'POST',
      '/cases',
      { body, headers: { 'idempotency-key': idempotencyKey } },
    ),
  act: (id: string, path: string, body: Record<string, unknown>) =>
    http.post<{ result: unknown; case: CaseView }>(`/cases/${encodeURIComponent(id)}/${path}`, body),
  worklist: (signal?: AbortSignal) =>
    http.get<Page<WorkItem>>('/worklist', { page: 1, pageSize: 100 }, signal),
  inbox: (signal?: AbortSignal) =>
    http.get<Page<InboxMessage> & { unread: number }>('/inbox', { page: 1, pageSize: 50 }, signal),
  readMessage: (id: string) => http.post<unknown>(`/inbox/${encodeURIComponent(id)}/read`),
  documentUrl: (caseId: string, docId: string) =>
    `/api/v1/cases/${encodeURIComponent(caseId)}/documents/${encodeURIComponent(docId)}`,
  fileUrl: (fileId: string) => `/api/v1/files/${encodeURIComponent(fileId)}`,
};

/** Uploads one material with progress (XMLHttpRequest reports upload progress; fetch does not). */
export function uploadFile(
  file: File,
  onProgress: (pct: number) => void,
  url = '/api/v1/files',
): Promise<UploadedFile> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    xhr.setRequestHeader('accept', 'application/json');
    xhr.setRequestHeader('accept-language', i18n.language === 'en' ? 'en' : 'zh-CN');
    const csrf = readCookie('ow_csrf', document.cookie);
    if (csrf) xhr.setRequestHeader('x-csrf-token', csrf);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(Math.round((e.loaded / e.total) * 100));
    };
    xhr.onerror = () => reject(new Error('network'));
    xhr.onload = () => {
      const res = new Response(xhr.responseText, {
        status: xhr.status,
        headers: { 'content-type': xhr.getResponseHeader('content-type') ?? 'application/json' },
      });
      if (xhr.status >= 200 && xhr.status < 300) resolve(JSON.parse(xhr.responseText) as UploadedFile);
      else problemFrom(res).then(reject, reject);
    };
    const fd = new FormData();
    fd.append('file', file);
    xhr.send(fd);
  });
}

export type UploadedFile = Ok<'/api/v1/files', 'post'>;
export type BundleDetail = Ok<'/api/v1/bundles/{id}'>;
export type BundleMaterial = BundleDetail['materials'][number];
export type SubmitBody = Body<'/api/v1/cases'>;
export type CaseSummary = Ok<'/api/v1/cases'>['items'][number];
export type CaseView = Schemas['CaseView'];
export type CaseTask = CaseView['tasks'][number];
export type Clock = NonNullable<CaseTask['clock']>;
export type CaseMaterial = CaseView['materials'][number];
export type CaseDocument = CaseView['documents'][number];
export type WorkItem = Ok<'/api/v1/worklist'>['items'][number];
export type InboxMessage = Ok<'/api/v1/inbox'>['items'][number];
export type CaseListPage = Ok<'/api/v1/cases'>;

/** Fees of a case at the window (统一收费): payment forms, counter payments, waivers, their PDFs. After src/modules/fees. */
export const feesApi = {
  ofCase: (caseId: string, signal?: AbortSignal) =>
    http.get<CaseFees>(`/cases/${encodeURIComponent(caseId)}/fees`, undefined, signal),
  /** Issue a form by hand: the quantities the case form lacks (平方米, 台 …), per fee code. */
  issue: (
    caseId: string,
    body: { itemId?: string; quantities?: Record<string, number>; feeCodes?: string[] },
  ) => http.post<FeeForm>(`/cases/${encodeURIComponent(caseId)}/fee-forms`, body),
  /** Cash, or POS with the slip's reference; the amount in integer fen. */
  /** The key makes a retry (a timeout, a double click) find the payment already made instead of taking the money twice. */
  counterPayment: (formId: string, body: CounterPaymentBody, idempotencyKey: string) =>
    http.request<PaymentOutcome>('POST', `/fee-forms/${encodeURIComponent(formId)}/counter-payments`, {
      body,
      headers: { 'idempotency-key': idempotencyKey },
    }),
  waive: (
    formId: string,
    body: { version: number; feeCode: string; amountFen?: number; legalBasis: string; reason: string },
  ) => http.post<FeeForm>(`/fee-forms/${encodeURIComponent(formId)}/waivers`, body),
  formPdfUrl: (formId: string) => `/api/v1/fee-forms/${encodeURIComponent(formId)}/pdf`,
  receiptPdfUrl: (receiptId: string) => `/api/v1/fee-receipts/${encodeURIComponent(receiptId)}/pdf`,
};

/** The staff directory: active staff of my department (names and roles only). After src/modules/identity. */
export const staffApi = {
  list: (departmentId?: string, signal?: AbortSignal) =>
    http.get<{ items: StaffMember[] }>('/staff', { departmentId }, signal),
};

/** 首问负责: the inquiries I own. */
export const inquiriesApi = {
  open: (signal?: AbortSignal) => http.get<Page<Inquiry>>('/inquiries', { status: 'open' }, signal),
  record: (body: { personName: string; contact?: string; question: string; itemId?: string }) =>
    http.post<{ id: string; dueDate: string }>('/inquiries', body),
  answer: (id: string, body: { version: number; answer: string }) =>
    http.post<void>(`/inquiries/${encodeURIComponent(id)}/answer`, body),
  handover: (id: string, body: { version: number; toUserId: string; note: string }) =>
    http.post<void>(`/inquiries/${encodeURIComponent(id)}/handover`, body),
};

export type StaffMember = Ok<'/api/v1/staff'>['items'][number];
export type Inquiry = Ok<'/api/v1/inquiries'>['items'][number];
export type CounterPaymentBody = Body<'/api/v1/fee-forms/{id}/counter-payments'>;
export type CaseFees = Ok<'/api/v1/cases/{id}/fees'>;
export type FeeForm = CaseFees['forms'][number];
export type FeeLine = FeeForm['lines'][number];
export type FeePayment = FeeForm['payments'][number];
export type FeeReceipt = FeeForm['receipts'][number];
export type PaymentOutcome = Ok<'/api/v1/fee-forms/{id}/counter-payments', 'post'>;
export type FeeFormSummary = PaymentOutcome['form'];
