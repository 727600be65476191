import { http } from './http';
import type { Body, Ok } from './contract';

export type ComplaintView = Ok<'/api/v1/complaints/{id}'>;
export type QueueRow = Ok<'/api/v1/complaints/workbench'>['items'][number];
export type SupervisorView = Ok<'/api/v1/complaints/supervision'>;
export type TrackView = Ok<'/api/v1/complaints/track/{ticketNo}'>;
export type CategoryInfo = Ok<'/api/v1/complaints/categories'>[number];
export type ComplaintStats = Ok<'/api/v1/complaints/stats'>;
export type DuplicateInfo = Ok<'/api/v1/complaints/{id}/duplicates'>['items'][number];
export type FeeContext = Ok<'/api/v1/complaints/{id}/fee-context'>;
export type SubmitComplaintBody = Body<'/api/v1/complaints'>;
export type Submitted = Ok<'/api/v1/complaints', 'post'>;
export type StepResult = Ok<'/api/v1/complaints/{id}/accept', 'post'>;
export type WorkbenchList = Ok<'/api/v1/complaints/workbench'>;
export type WorkbenchCounts = WorkbenchList['counts'];
export type QueueQuery = { state?: string; colour?: string; deadline?: string; limit?: number };

const at = (id: string) => `/complaints/${encodeURIComponent(id)}`;

/** The reporting center (举报中心): intake, tracking, the queues and the steps of a ticket. After src/modules/complaints. */
export const complaintsApi = {
  categories: (signal?: AbortSignal) => http.get<CategoryInfo[]>('/complaints/categories', undefined, signal),
  stats: (signal?: AbortSignal) => http.get<ComplaintStats>('/complaints/stats', undefined, signal),
  submit: (body: SubmitComplaintBody) => http.post<Submitted>('/complaints', body),
  track: (ticketNo: string, code: string, signal?: AbortSignal) =>
    http.get<TrackView>(`/complaints/track/${encodeURIComponent(ticketNo)}`, { code }, signal),
  workbench: (q: QueueQuery, signal?: AbortSignal) =>
    http.get<WorkbenchList>('/complaints/workbench', { limit: 200, ...q }, signal),
  department: (signal?: AbortSignal) =>
    http.get<{ items: QueueRow[] }>('/complaints/department', { limit: 200 }, signal),
  supervision: (signal?: AbortSignal) =>
    http.get<SupervisorView>('/complaints/supervision', { limit: 200 }, signal),
  get: (id: string, signal?: AbortSignal) => http.get<ComplaintView>(at(id), undefined, signal),
  duplicates: (id: string, signal?: AbortSignal) =>
    http.get<{ items: DuplicateInfo[] }>(`${at(id)}/duplicates`, undefined, signal),
  feeContext: (id: string, signal?: AbortSignal) =>
    http.get<FeeContext>(`${at(id)}/fee-context`, undefined, signal),
  /** One step of the loop (accept, refuse, dispatch, return, decide-return, reassign, reply, close, callback, merge, rate, reopen). */
  act: (id: string, step: string, body: Record<string, unknown>) =>
    http.post<StepResult>(`${at(id)}/${step}`, body),
  attachmentUrl: (id: string, attachmentId: string) =>
    `/api/v1${at(id)}/attachments/${encodeURIComponent(attachmentId)}`,
};

/** A file as the base64 the intake takes (the server checks its content like case materials). */
export function fileToBase64(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsDataURL(file);
  });
}
