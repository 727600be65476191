import { http } from './http';
import type { Body, Ok } from './contract';
import { uploadFile } from './cases';

export type Profile = Ok<'/api/v1/me/profile'>;
export type ProfileBody = Body<'/api/v1/me/profile', 'put'>;
export type MaterialFile = Ok<'/api/v1/admin/material-files', 'post'>;

/** The applicant's own account: a forgotten password, the profile forms are prefilled from. */
export const accountApi = {
  requestReset: (username: string, contact: string) =>
    http.post<{ minutes: number }>('/auth/password-reset', { username, contact }),
  confirmReset: (username: string, code: string, newPassword: string) =>
    http.post<void>('/auth/password-reset/confirm', { username, code, newPassword }),
  profile: (signal?: AbortSignal) => http.get<Profile>('/me/profile', undefined, signal),
  saveProfile: (body: ProfileBody) => http.put<Profile>('/me/profile', body),
  /** A material's blank form or sample, for an item draft to name. */
  uploadMaterialFile: (file: File, onProgress: (pct: number) => void) =>
    uploadFile(file, onProgress, '/api/v1/admin/material-files') as Promise<MaterialFile>,
  materialFileUrl: (itemId: string, fileId: string, versionNo?: number) =>
    `/api/v1/items/${encodeURIComponent(itemId)}/material-files/${encodeURIComponent(fileId)}${versionNo ? `?version=${versionNo}` : ''}`,
};
