import { http } from './http';
import type { Body, Ok } from './contract';

export type AssessmentView = Ok<'/api/v1/assessment'>;
export type AssessmentRow = AssessmentView['rows'][number];
export type MeasureView = AssessmentView['measures'][number];
export type TraceView = Ok<'/api/v1/assessment/trace'>;
export type BreakdownView = Ok<'/api/v1/assessment/breakdown'>;
export type BreakdownRow = BreakdownView['rows'][number];
export type SchemeList = Ok<'/api/v1/assessment/schemes'>;
export type SchemeBody = Body<'/api/v1/assessment/schemes'>;

const enc = encodeURIComponent;

/** Performance assessment (效能考核). After src/modules/assessment. */
export const assessmentApi = {
  get: (period: string | undefined, signal?: AbortSignal) =>
    http.get<AssessmentView>('/assessment', { period }, signal),
  trace: (
    q: { period: string; departmentId: string; measure: string; dim?: string; dimId?: string },
    signal?: AbortSignal,
  ) => http.get<TraceView>('/assessment/trace', { ...q, limit: 100 }, signal),
  breakdown: (q: { period: string; departmentId: string; by: string }, signal?: AbortSignal) =>
    http.get<BreakdownView>('/assessment/breakdown', q, signal),
  schemes: (period: string, signal?: AbortSignal) =>
    http.get<SchemeList>('/assessment/schemes', { period }, signal),
  saveScheme: (body: SchemeBody) => http.post<SchemeList[number]>('/assessment/schemes', body),
  comment: (departmentId: string, period: string, comment: string) =>
    http.post<{ state: string }>(`/assessment/results/${enc(departmentId)}/comment`, { period, comment }),
  finalise: (departmentId: string, period: string) =>
    http.post<{ state: string }>(`/assessment/results/${enc(departmentId)}/finalise`, { period }),
  exportUrl: (period: string, format: 'csv' | 'xlsx', lang: string) =>
    `/api/v1/assessment/export?period=${enc(period)}&format=${format}&lang=${lang === 'en' ? 'en' : 'zh-CN'}`,
  pdfUrl: (departmentId: string, period: string, lang: string) =>
    `/api/v1/assessment/results/${enc(departmentId)}/report.pdf?period=${enc(period)}&lang=${lang === 'en' ? 'en' : 'zh-CN'}`,
};
