import { http } from './http';
import type { Body, Ok } from './contract';
import type { Recorded } from './ratings';

export type InspectionView = Ok<'/api/v1/inspections/{id}'>;
export type InspectionPage = Ok<'/api/v1/inspections'>;
export type VerifyView = Ok<'/api/v1/inspect/{code}'>;
export type SignView = Ok<'/api/v1/enterprise/sign'>;
export type InspectionStats = Ok<'/api/v1/inspection-stats'>;
export type HistoryView = Ok<'/api/v1/enterprise/inspections'>;
export type ItemView = Ok<'/api/v1/inspection-items'>[number];
export type ViolationView = Ok<'/api/v1/inspection-standards'>[number];
export type InspectorView = Ok<'/api/v1/inspectors'>[number];
export type InspectionSettings = Ok<'/api/v1/inspection-settings'>;
export type Overview = Ok<'/api/v1/inspections/overview'>;
export type Registered = Ok<'/api/v1/inspections', 'post'>;
export type ItemBody = Body<'/api/v1/admin/inspection-items'>;
export type ViolationBody = Body<'/api/v1/admin/inspection-standards'>;
export type InspectorBody = Body<'/api/v1/admin/inspectors'>;
export type RegisterBody = Body<'/api/v1/inspections'>;
export type ResultBody = Body<'/api/v1/inspections/{id}/result'>;
export type SettingsBody = Body<'/api/v1/inspection-settings', 'put'>;
/** The enterprise's proof on a public page: the code on its sign and its check code. */
export interface Proof {
  code?: string;
  check?: string;
}

const enc = encodeURIComponent;

/** Enterprise inspections (涉企检查, 扫码入企). After src/modules/inspections. */
export const inspectionsApi = {
  list: (
    q: { from?: string; to?: string; department?: string; page: number; pageSize: number },
    signal?: AbortSignal,
  ) => http.get<InspectionPage>('/inspections', q, signal),
  get: (id: string, signal?: AbortSignal) =>
    http.get<InspectionView>(`/inspections/${enc(id)}`, undefined, signal),
  verify: (code: string, signal?: AbortSignal) =>
    http.get<VerifyView>(`/inspect/${enc(code)}`, undefined, signal),
  scan: (code: string) => http.post<InspectionView>('/inspections/scan', { code }),
  sign: (signal?: AbortSignal) => http.get<SignView>('/enterprise/sign', undefined, signal),
  history: (signal?: AbortSignal, proof?: Proof) =>
    http.get<HistoryView>('/enterprise/inspections', proof ? { ...proof } : undefined, signal),
  stats: (signal?: AbortSignal) => http.get<InspectionStats>('/inspection-stats', undefined, signal),
  recordUrl: (id: string) => `/api/v1/inspections/${enc(id)}/record`,
  /** The enterprise's own copy of the record (its account, or its code and check code). */
  enterpriseRecordUrl: (id: string, proof?: Proof) =>
    `/api/v1/enterprise/inspections/${enc(id)}/record` +
    (proof?.code && proof.check ? `?code=${enc(proof.code)}&check=${enc(proof.check)}` : ''),
  rate: (
    id: string,
    body: { level: number; indicators?: Record<string, number>; comment?: string },
    proof?: Proof,
  ) => http.post<Recorded>(`/enterprise/inspections/${enc(id)}/rating`, { ...proof, ...body }),
  receipt: (id: string, proof?: Proof) =>
    http.post<{ receivedAt: string }>(`/enterprise/inspections/${enc(id)}/receipt`, { ...proof }),

  items: (department?: string, signal?: AbortSignal) =>
    http.get<ItemView[]>('/inspection-items', department ? { department } : undefined, signal),
  standards: (department?: string, signal?: AbortSignal) =>
    http.get<ViolationView[]>('/inspection-standards', department ? { department } : undefined, signal),
  inspectors: (department?: string, signal?: AbortSignal) =>
    http.get<InspectorView[]>('/inspectors', department ? { department } : undefined, signal),
  publishItem: (body: ItemBody) => http.post<ItemView>('/admin/inspection-items', body),
  withdrawItem: (id: string) => http.post<ItemView>(`/admin/inspection-items/${enc(id)}/withdraw`),
  publishStandard: (body: ViolationBody) => http.post<ViolationView>('/admin/inspection-standards', body),
  withdrawStandard: (id: string) =>
    http.post<ViolationView>(`/admin/inspection-standards/${enc(id)}/withdraw`),
  saveInspector: (body: InspectorBody) => http.post<InspectorView>('/admin/inspectors', body),

  settings: (signal?: AbortSignal) => http.get<InspectionSettings>('/inspection-settings', undefined, signal),
  saveSettings: (body: SettingsBody) => http.put<InspectionSettings>('/inspection-settings', body),
  overview: (year?: number, signal?: AbortSignal) =>
    http.get<Overview>('/inspections/overview', year ? { year } : undefined, signal),

  register: (body: RegisterBody) => http.post<Registered>('/inspections', body),
  join: (id: string, version: number, withId: string) =>
    http.post<InspectionView>(`/inspections/${enc(id)}/join`, { version, withId }),
  end: (id: string, version: number) => http.post<InspectionView>(`/inspections/${enc(id)}/end`, { version }),
  result: (id: string, body: ResultBody) => http.post<InspectionView>(`/inspections/${enc(id)}/result`, body),
};
