import { http } from './http';
import { uploadTo } from './conduct';
import type { Body, Ok } from './contract';

export type DocumentList = Ok<'/api/v1/disclosure/documents'>;
export type DocumentSummary = DocumentList['items'][number];
export type DocumentView = Ok<'/api/v1/disclosure/documents/{id}'>;
export type PublishDocumentBody = Body<'/api/v1/disclosure/documents'>;
export type RepealBody = Body<'/api/v1/disclosure/documents/{id}/repeal'>;
export type ItemDocuments = Ok<'/api/v1/disclosure/items/{code}/documents'>;
export type VillageList = Ok<'/api/v1/disclosure/villages'>;
export type VillageSummary = VillageList['items'][number];
export type VillageView = Ok<'/api/v1/disclosure/villages/{id}'>;
export type PeriodView = VillageView['periods'][number];
export type StatementView = Ok<'/api/v1/disclosure/statements/{id}'>;
export type StatementBody = Body<'/api/v1/disclosure/villages/{id}/statements'>;
export type Standing = DocumentSummary['standing'];
export type VillageBody = Body<'/api/v1/disclosure/villages'>;
export type CadenceBody = Body<'/api/v1/disclosure/villages/{id}/cadence'>;

const enc = encodeURIComponent;

/** Disclosure (政务公开): the normative documents' library and village disclosure. After src/modules/disclosure. */
export const disclosureApi = {
  documents: (q: { q?: string; status?: string; limit?: number; offset?: number }, signal?: AbortSignal) =>
    http.get<DocumentList>('/disclosure/documents', q, signal),
  document: (id: string, signal?: AbortSignal) =>
    http.get<DocumentView>(`/disclosure/documents/${enc(id)}`, undefined, signal),
  publish: (body: PublishDocumentBody) => http.post<DocumentView>('/disclosure/documents', body),
  repeal: (id: string, body: RepealBody) =>
    http.post<DocumentView>(`/disclosure/documents/${enc(id)}/repeal`, body),
  link: (body: { itemCode: string; documentId: string; basisTitle?: string }) =>
    http.post<{ id: string }>('/disclosure/item-links', body),
  unlink: (id: string) => http.del<null>(`/disclosure/item-links/${enc(id)}`),
  ofItem: (code: string, signal?: AbortSignal) =>
    http.get<ItemDocuments>(`/disclosure/items/${enc(code)}/documents`, undefined, signal),
  villages: (signal?: AbortSignal) => http.get<VillageList>('/disclosure/villages', undefined, signal),
  village: (key: string, signal?: AbortSignal) =>
    http.get<VillageView>(`/disclosure/villages/${enc(key)}`, undefined, signal),
  registerVillage: (body: VillageBody) => http.post<VillageView>('/disclosure/villages', body),
  changeCadence: (id: string, body: CadenceBody) =>
    http.post<VillageView>(`/disclosure/villages/${enc(id)}/cadence`, body),
  publishStatement: (village: string, body: StatementBody) =>
    http.post<StatementView>(`/disclosure/villages/${enc(village)}/statements`, body),
  statement: (id: string, signal?: AbortSignal) =>
    http.get<StatementView>(`/disclosure/statements/${enc(id)}`, undefined, signal),
  attach: (id: string, file: File) =>
    uploadTo<StatementView>(`/disclosure/statements/${enc(id)}/files`, file),
  fileUrl: (id: string, fileId: string) => `/api/v1/disclosure/statements/${enc(id)}/files/${enc(fileId)}`,
};
