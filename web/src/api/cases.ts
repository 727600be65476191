import i18n from '../i18n';
import { http } from './http';
import { readCookie } from './client';
import { problemFrom } from './problem';
import type { Explanation, Page } from './types';

/** Cases (办件): applications, the window's intake, the departments' review. After src/modules/cases. */
export const casesApi = {
  bundle: (code: string, signal?: AbortSignal) => http.get<BundleDetail>(`/bundles/${encodeURIComponent(code)}`, undefined, signal),
  list: (q: { state?: string; page?: number; pageSize?: number }, signal?: AbortSignal) => http.get<Page<CaseSummary>>('/cases', { page: 1, pageSize: 50, ...q }, signal),
  get: (id: string, signal?: AbortSignal) => http.get<CaseView>(`/cases/${encodeURIComponent(id)}`, undefined, signal),
  submit: (body: SubmitBody, idempotencyKey: string) => http.request<{ checkCode: string; case: { id: string; receiptNo: string; state: string } }>('POST', '/cases', { body, headers: { 'idempotency-key': idempotencyKey } }),
  act: (id: string, path: string, body: Record<string, unknown>) => http.post<{ result: unknown; case: CaseView }>(`/cases/${encodeURIComponent(id)}/${path}`, body),
  worklist: (signal?: AbortSignal) => http.get<Page<WorkItem>>('/worklist', { page: 1, pageSize: 100 }, signal),
  inbox: (signal?: AbortSignal) => http.get<Page<InboxMessage> & { unread: number }>('/inbox', { page: 1, pageSize: 50 }, signal),
  readMessage: (id: string) => http.post<unknown>(`/inbox/${encodeURIComponent(id)}/read`),
  documentUrl: (caseId: string, docId: string) => `/api/v1/cases/${encodeURIComponent(caseId)}/documents/${encodeURIComponent(docId)}`,
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
    xhr.upload.onprogress = (e) => { if (e.lengthComputable) onProgress(Math.round((e.loaded / e.total) * 100)); };
    xhr.onerror = () => reject(new Error('network'));
    xhr.onload = () => {
      const res = new Response(xhr.responseText, { status: xhr.status, headers: { 'content-type': xhr.getResponseHeader('content-type') ?? 'application/json' } });
      if (xhr.status >= 200 && xhr.status < 300) resolve(JSON.parse(xhr.responseText) as UploadedFile);
      else problemFrom(res).then(reject, reject);
    };
    const fd = new FormData();
    fd.append('file', file);
    xhr.send(fd);
  });
}

export interface UploadedFile { id: string; name: string; size: number; mime: string; sha256: string }

export interface BundleMaterial { name: string; required: boolean; deferrable: boolean; source: string; form: string; copies: number; items?: string[]; notes?: string }
export interface BundleDetail {
  id: string;
  code: string;
  name: string;
  description: string;
  committedDays: number;
  keywords?: string[];
  leadDepartment: { id: string; code: string; name: string } | null;
  items: { id: string; code: string; name: string; department: { code: string; name: string } | null; committedDays: number; handlingClass: string }[];
  materials: BundleMaterial[];
}

export interface SubmitBody {
  itemId?: string;
  bundleCode?: string;
  applicant?: { kind: 'person' | 'enterprise'; name: string; idNumber?: string; creditCode?: string; phone?: string };
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

export interface CaseMaterial { id: string; name: string; required: boolean; deferrable: boolean; status: string; fileId: string | null; deferredUntil: string | null }
export interface CaseDocument { id: string; kind?: string; number: string; issuedAt?: string }

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
  items: { itemId: string; name: string; role: string; department: { id: string; code: string; name: string } | null }[];
  materials: CaseMaterial[];
  tasks: CaseTask[];
  supplementNotices?: { items?: { name: string; requirement: string }[]; reason?: string | null }[];
  records?: { id: string; kind: string; taskId?: string | null; status?: string; text?: string; data?: Record<string, unknown> }[];
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
}

export interface InboxMessage { id: string; kind: string; title: string; body: string; subjectType: string | null; subjectId: string | null; createdAt: string; readAt: string | null }
