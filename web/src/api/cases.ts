import i18n from '../i18n';
import { http } from './http';
import { readCookie } from './client';
import { problemFrom } from './problem';
import type { Explanation, Page } from './types';

/** Cases (办件): applications, the window's intake, the departments' review. After src/modules/cases. */
export const casesApi = {
  bundle: (code: string, signal?: AbortSignal) =>
    http.get<BundleDetail>(`/bundles/${encodeURIComponent(code)}`, undefined, signal),
  list: (q: { state?: string; page?: number; pageSize?: number }, signal?: AbortSignal) =>
    http.get<Page<CaseSummary>>('/cases', { page: 1, pageSize: 50, ...q }, signal),
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
export function uploadFile(file: File, onProgress: (pct: number) => void): Promise<UploadedFile> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/api/v1/files');
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

export interface UploadedFile {
  id: string;
  name: string;
  size: number;
  mime: string;
  sha256: string;
}

export interface BundleMaterial {
  name: string;
  required: boolean;
  deferrable: boolean;
  source: string;
  form: string;
  copies: number;
  items?: string[];
  notes?: string;
}
export interface BundleDetail {
  id: string;
  code: string;
  name: string;
  description: string;
  committedDays: number;
  keywords?: string[];
  leadDepartment: { id: string; code: string; name: string } | null;
  items: {
    id: string;
    code: string;
    name: string;
    department: { code: string; name: string } | null;
    committedDays: number;
    handlingClass: string;
  }[];
  materials: BundleMaterial[];
}

export interface SubmitBody {
  itemId?: string;
  bundleCode?: string;
  applicant?: {
    kind: 'person' | 'enterprise';
    name: string;
    idNumber?: string;
    creditCode?: string;
    phone?: string;
  };
  form: Record<string, unknown>;
  materials: { name: string; fileId?: string; paper?: boolean }[];
  submit?: boolean;
}

export interface CaseSummary {
  id: string;
  receiptNo: string | null;
  title: string;
  state: string;
  channel: string;
  applicantName: string;
  createdAt: string;
  submittedAt: string | null;
  decision: string | null;
  version: number;
}

export interface Clock {
  id: string;
  label: string;
  status: string;
  colour: string | null;
  dueDate: string;
  provisional: boolean;
  remainingWorkingDays: number | null;
  explanation?: Explanation[];
}

export interface CaseTask {
  id: string;
  department: { id: string; code: string; name: string } | null;
  itemId: string;
  state: string;
  decision: string | null;
  reasons: string[];
  decidedAt: string | null;
  clock: Clock | null;
}

export interface CaseMaterial {
  id: string;
  name: string;
  required: boolean;
  deferrable: boolean;
  status: string;
  fileId: string | null;
  deferredUntil: string | null;
}
export interface CaseDocument {
  id: string;
  kind?: string;
  number: string;
  issuedAt?: string;
}

export interface CaseView {
  id: string;
  receiptNo: string | null;
  title: string;
  state: string;
  shortfall: boolean;
  channel: string;
  committedDays: number;
  applicant: { kind: string; name: string; id: string; phone: string | null } | null;
  checkCode: string | null;
  form?: Record<string, unknown>;
  submittedAt: string | null;
  acceptanceDate: string | null;
  decision: string | null;
  completedAt: string | null;
  version: number;
  latestHash: string | null;
  items: {
    itemId: string;
    name: string;
    role: string;
    department: { id: string; code: string; name: string } | null;
  }[];
  materials: CaseMaterial[];
  tasks: CaseTask[];
  supplementNotices?: { items?: { name: string; requirement: string }[]; reason?: string | null }[];
  records?: {
    id: string;
    kind: string;
    taskId?: string | null;
    status?: string;
    text?: string;
    data?: Record<string, unknown>;
  }[];
  documents: CaseDocument[];
  clocks: { acceptance: Clock | null; case: Clock | null; delivery: Clock | null };
  history: { seq: number; at: string; kind: string; actorRole: string | null }[];
  allowedActions: string[];
}

export interface WorkItem {
  taskId: string;
  taskState: string;
  caseId: string;
  receiptNo: string;
  title: string;
  caseState: string;
  caseVersion: number;
  dueDate: string | null;
  colour: string | null;
  clockStatus: string | null;
  /** An extension request of this task waits for the department head. */
  extensionPending: boolean;
}

export interface InboxMessage {
  id: string;
  kind: string;
  title: string;
  body: string;
  subjectType: string | null;
  subjectId: string | null;
  createdAt: string;
  readAt: string | null;
}

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

export interface StaffMember {
  id: string;
  displayName: string;
  role: string;
  departmentId: string | null;
}

export interface Inquiry {
  id: string;
  personName: string;
  contact: string | null;
  question: string;
  status: string;
  dueDate: string;
  version: number;
  answer?: string | null;
}

export interface CounterPaymentBody {
  method: 'cash' | 'pos';
  amountFen: number;
  reference?: string;
}

export interface FeeLine {
  id: string;
  seq: number;
  feeCode: string;
  name: string;
  basis: string;
  standard: string;
  quantity: string;
  note: string | null;
  chargedFen: number;
  waivedFen: number;
  paidFen: number;
  refundedFen: number;
  waiverBasis: string | null;
  waiverReason: string | null;
}
export interface FeePayment {
  id: string;
  channel: string;
  gateway: string | null;
  reference: string | null;
  amountFen: number;
  appliedFen: number;
  excessFen: number;
  paidAt: string;
  status: string;
}
export interface FeeReceipt {
  id: string;
  number: string;
  checkCode: string;
  paymentId: string;
  amountFen: number;
  issuedAt: string;
  status: string;
  lines: { feeCode: string; name: string; amountFen: number }[];
}
export interface FeeFormSummary {
  id: string;
  number: string;
  paymentCode: string;
  caseId: string;
  receiptNo: string | null;
  itemId: string;
  itemName: string | null;
  departmentId: string;
  departmentName: string | null;
  paymentPoint: string;
  payer: { name: string; idMasked: string };
  status: string;
  chargedFen: number;
  waivedFen: number;
  paidFen: number;
  outstandingFen: number;
  dueDate: string;
  issuedAt: string;
  checkoutUrl: string | null;
  version: number;
  lines: FeeLine[];
}
export interface FeeForm extends FeeFormSummary {
  payments: FeePayment[];
  receipts: FeeReceipt[];
  refunds: { id: string; amountFen: number; status: string }[];
}
export interface CaseFees {
  caseId: string;
  receiptNo: string;
  forms: FeeForm[];
  /** charged items whose form is not issued yet (a quantity the case form lacks, or a cancelled form) */
  awaiting: {
    itemId: string;
    itemName: string;
    paymentPoint: string;
    missingQuantities: { feeCode: string; unit: string }[];
  }[];
  totals: {
    chargedFen: number;
    waivedFen: number;
    paidFen: number;
    outstandingFen: number;
    refundedFen: number;
  };
}
export interface PaymentOutcome {
  form: FeeFormSummary;
  payment: FeePayment;
  receipt: FeeReceipt | null;
  refund: { id: string; amountFen: number; status: string } | null;
}
