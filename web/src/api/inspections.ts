import { http } from './http';
import type { Ok } from './contract';
import type { Recorded } from './ratings';

export type InspectionView = Ok<'/api/v1/inspections/{id}'>;
export type InspectionPage = Ok<'/api/v1/inspections'>;
export type VerifyView = Ok<'/api/v1/inspect/{code}'>;
export type SignView = Ok<'/api/v1/enterprise/sign'>;
export type InspectionStats = Ok<'/api/v1/inspection-stats'>;
export type HistoryView = Ok<'/api/v1/enterprise/inspections'>;

/** Enterprise inspections (涉企检查, 扫码入企). After src/modules/inspections. */
export const inspectionsApi = {
  list: (q: { from?: string; to?: string; page: number; pageSize: number }, signal?: AbortSignal) =>
    http.get<InspectionPage>('/inspections', q, signal),
  verify: (code: string, signal?: AbortSignal) =>
    http.get<VerifyView>(`/inspect/${encodeURIComponent(code)}`, undefined, signal),
  scan: (code: string) => http.post<InspectionView>('/inspections/scan', { code }),
  sign: (signal?: AbortSignal) => http.get<SignView>('/enterprise/sign', undefined, signal),
  history: (signal?: AbortSignal) => http.get<HistoryView>('/enterprise/inspections', undefined, signal),
  stats: (signal?: AbortSignal) => http.get<InspectionStats>('/inspection-stats', undefined, signal),
  recordUrl: (id: string) => `/api/v1/inspections/${encodeURIComponent(id)}/record`,
  /** The enterprise's own copy of the record (its account). */
  enterpriseRecordUrl: (id: string) => `/api/v1/enterprise/inspections/${encodeURIComponent(id)}/record`,
  rate: (id: string, body: { level: number; indicators?: Record<string, number>; comment?: string }) =>
    http.post<Recorded>(`/enterprise/inspections/${encodeURIComponent(id)}/rating`, body),
};
