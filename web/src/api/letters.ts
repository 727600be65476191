import i18n from '../i18n';
import { http } from './http';
import { readCookie } from './client';
import { problemFrom } from './problem';
import type { Body, Ok } from './contract';
import type { Page } from './types';

export type LetterView = Ok<'/api/v1/letters/{id}'>;
export type LetterSummary = Ok<'/api/v1/letters'>['items'][number];
export type LetterKindInfo = Ok<'/api/v1/letter-kinds'>[number];
export type RegisterLetterBody = Body<'/api/v1/letters'>;
export type LetterQuery = {
  state?: string;
  kind?: string;
  department?: string;
  overdue?: boolean;
  q?: string;
  page: number;
  pageSize: number;
};

const at = (id: string) => `/letters/${encodeURIComponent(id)}`;

/** Letters answered (来函必复): the registry, the department's letters, their actions. After src/modules/letters. */
export const lettersApi = {
  kinds: (signal?: AbortSignal) => http.get<LetterKindInfo[]>('/letter-kinds', undefined, signal),
  list: (q: LetterQuery, signal?: AbortSignal) => http.get<Page<LetterSummary>>('/letters', q, signal),
  department: (signal?: AbortSignal) =>
    http.get<Page<LetterSummary>>('/letters/department', { page: 1, pageSize: 100 }, signal),
  overdue: (signal?: AbortSignal) =>
    http.get<Page<LetterSummary>>('/letters/overdue', { page: 1, pageSize: 100 }, signal),
  get: (id: string, signal?: AbortSignal) => http.get<LetterView>(at(id), undefined, signal),
  register: (body: RegisterLetterBody) => http.post<LetterView>('/letters', body),
  act: (id: string, path: string, body: Record<string, unknown>) =>
    http.post<LetterView>(`${at(id)}/${path}`, body),
  originalUrl: (id: string) => `/api/v1${at(id)}/original`,
  replyUrl: (id: string) => `/api/v1${at(id)}/reply`,
};

/** Attaches the scanned original (checked by the server like any material: PDF, JPEG or PNG). */
export async function uploadOriginal(id: string, version: number, file: File): Promise<LetterView> {
  const fd = new FormData();
  fd.append('file', file);
  const headers: Record<string, string> = {
    accept: 'application/json',
    'accept-language': i18n.language === 'en' ? 'en' : 'zh-CN',
  };
  const csrf = readCookie('ow_csrf', document.cookie);
  if (csrf) headers['x-csrf-token'] = csrf;
  const res = await globalThis.fetch(`/api/v1${at(id)}/original?version=${version}`, {
    method: 'POST',
    body: fd,
    headers,
    credentials: 'same-origin',
  });
  if (!res.ok) throw await problemFrom(res);
  return (await res.json()) as LetterView;
}
