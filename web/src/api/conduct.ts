import i18n from '../i18n';
import { http } from './http';
import { readCookie } from './client';
import { problemFrom } from './problem';
import type { Body, Ok } from './contract';

export type CommitmentView = Ok<'/api/v1/commitments/{id}'>;
export type PublishCommitmentBody = Body<'/api/v1/commitments'>;
export type CampaignView = Ok<'/api/v1/self-inspection/campaigns/{id}'>;
export type CampaignSummary = Ok<'/api/v1/self-inspection/campaigns'>['items'][number];
export type ReportView = CampaignView['reports'][number];
export type OpenCampaignBody = Body<'/api/v1/self-inspection/campaigns'>;
export type FileReportBody = Body<'/api/v1/self-inspection/reports/{id}/filing'>;
export type RoundView = Ok<'/api/v1/fee-review/rounds/{id}'>;
export type FeeLineView = RoundView['lines'][number];
export type FeeChanges = Ok<'/api/v1/public/fee-changes'>;
export type MaterialView = Ok<'/api/v1/learning/materials/{id}'>;
export type MaterialSummary = Ok<'/api/v1/learning/materials'>['items'][number];
export type QuizView = Ok<'/api/v1/learning/materials/{id}/attempts', 'post'>;
export type QuizResult = Ok<'/api/v1/learning/attempts/{id}/answers', 'post'>;
export type MyAssignments = Ok<'/api/v1/learning/my-assignments'>;
export type LearningProgress = Ok<'/api/v1/learning/progress'>;

const enc = encodeURIComponent;

/** Uploads one file (PDF, JPEG or PNG, checked by the server) with optional form fields first. */
export async function uploadTo<T>(url: string, file: File, fields: Record<string, string> = {}): Promise<T> {
  const fd = new FormData();
  for (const [k, v] of Object.entries(fields)) fd.append(k, v);
  fd.append('file', file);
  const headers: Record<string, string> = {
    accept: 'application/json',
    'accept-language': i18n.language === 'en' ? 'en' : 'zh-CN',
  };
  const csrf = readCookie('ow_csrf', document.cookie);
  if (csrf) headers['x-csrf-token'] = csrf;
  const res = await globalThis.fetch(`/api/v1${url}`, {
    method: 'POST',
    body: fd,
    headers,
    credentials: 'same-origin',
  });
  if (!res.ok) throw await problemFrom(res);
  return (await res.json()) as T;
}

/** Period commitments (部门承诺). After src/modules/commitments. */
export const commitmentsApi = {
  ofDepartment: (key: string, signal?: AbortSignal) =>
    http.get<{ items: CommitmentView[] }>(`/public/departments/${enc(key)}/commitments`, undefined, signal),
  list: (q: { period?: string; state?: string }, signal?: AbortSignal) =>
    http.get<{ items: CommitmentView[] }>('/commitments', q, signal),
  publish: (body: PublishCommitmentBody) => http.post<CommitmentView>('/commitments', body),
  milestoneDone: (id: string, seq: number, note?: string) =>
    http.post<CommitmentView>(`/commitments/${enc(id)}/milestones/${seq}/done`, note ? { note } : {}),
  judge: (id: string, body: { version: number; kept: boolean; note: string }) =>
    http.post<CommitmentView>(`/commitments/${enc(id)}/judgement`, body),
  explain: (id: string, body: { version: number; explanation: string }) =>
    http.post<CommitmentView>(`/commitments/${enc(id)}/explanation`, body),
  evidence: (id: string, file: File) => uploadTo<CommitmentView>(`/commitments/${enc(id)}/evidence`, file),
  evidenceUrl: (id: string, evidenceId: string) =>
    `/api/v1/commitments/${enc(id)}/evidence/${enc(evidenceId)}`,
};

/** Self-inspection campaigns (自查自纠). After src/modules/self-inspection. */
export const inspectionApi = {
  published: (signal?: AbortSignal) =>
    http.get<{ items: CampaignSummary[] }>('/public/self-inspection', undefined, signal),
  list: (signal?: AbortSignal) =>
    http.get<{ items: CampaignSummary[] }>('/self-inspection/campaigns', undefined, signal),
  get: (id: string, signal?: AbortSignal) =>
    http.get<CampaignView>(`/self-inspection/campaigns/${enc(id)}`, undefined, signal),
  open: (body: OpenCampaignBody) => http.post<CampaignView>('/self-inspection/campaigns', body),
  file: (reportId: string, body: FileReportBody) =>
    http.post<CampaignView>(`/self-inspection/reports/${enc(reportId)}/filing`, body),
  review: (reportId: string, body: { version: number; decision: 'accept' | 'reject'; reason?: string }) =>
    http.post<CampaignView>(`/self-inspection/reports/${enc(reportId)}/review`, body),
  addProblem: (reportId: string, body: { description: string; measure: string; rectifyBy: string }) =>
    http.post<CampaignView>(`/self-inspection/reports/${enc(reportId)}/problems`, body),
  spotCheck: (id: string, sharePct: number) =>
    http.post<CampaignView>(`/self-inspection/campaigns/${enc(id)}/spot-checks`, { sharePct }),
  publish: (id: string, body: { version: number; summary: string }) =>
    http.post<CampaignView>(`/self-inspection/campaigns/${enc(id)}/summary`, body),
  rectify: (problemId: string, version: number, note: string, file: File) =>
    uploadTo<CampaignView>(
      `/self-inspection/problems/${enc(problemId)}/rectification?version=${version}`,
      file,
      { note },
    ),
};

/** The periodic review of fees (清理收费). After src/modules/fee-review. */
export const feeReviewApi = {
  changes: (signal?: AbortSignal) => http.get<FeeChanges>('/public/fee-changes', undefined, signal),
  rounds: (signal?: AbortSignal) =>
    http.get<Ok<'/api/v1/fee-review/rounds'>>('/fee-review/rounds', undefined, signal),
  round: (id: string, signal?: AbortSignal) =>
    http.get<RoundView>(`/fee-review/rounds/${enc(id)}`, undefined, signal),
  open: (body: Body<'/api/v1/fee-review/rounds'>) => http.post<RoundView>('/fee-review/rounds', body),
  propose: (lineId: string, body: Body<'/api/v1/fee-review/lines/{id}/proposal'>) =>
    http.post<FeeLineView>(`/fee-review/lines/${enc(lineId)}/proposal`, body),
  decide: (lineId: string, body: Body<'/api/v1/fee-review/lines/{id}/decision'>) =>
    http.post<FeeLineView>(`/fee-review/lines/${enc(lineId)}/decision`, body),
};

/** Staff learning (职业教育). After src/modules/learning. */
export const learningApi = {
  materials: (volume: string | undefined, signal?: AbortSignal) =>
    http.get<{ items: MaterialSummary[] }>('/learning/materials', volume ? { volume } : undefined, signal),
  material: (id: string, signal?: AbortSignal) =>
    http.get<MaterialView>(`/learning/materials/${enc(id)}`, undefined, signal),
  study: (id: string, body: { seconds: number; sections: number[] }) =>
    http.post<MaterialView>(`/learning/materials/${enc(id)}/study`, body),
  startQuiz: (id: string) => http.post<QuizView>(`/learning/materials/${enc(id)}/attempts`, {}),
  submitQuiz: (attemptId: string, answers: number[]) =>
    http.post<QuizResult>(`/learning/attempts/${enc(attemptId)}/answers`, { answers }),
  mine: (signal?: AbortSignal) => http.get<MyAssignments>('/learning/my-assignments', undefined, signal),
  progress: (departmentId: string | undefined, signal?: AbortSignal) =>
    http.get<LearningProgress>('/learning/progress', departmentId ? { departmentId } : undefined, signal),
  pdfUrl: (id: string) => `/api/v1/learning/materials/${enc(id)}/pdf`,
};
