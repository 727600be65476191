import i18n from '../i18n';
import { createClient } from './client';
import type { Body, Ok } from './contract';
import type { Ticket } from './hall';
import type { Recorded } from './ratings';

export type OwnDevice = Ok<'/api/v1/hall/device'>;
export type PendingVisit = Ok<'/api/v1/ratings/on-site/pending'>['visit'];
export type DeviceKind = OwnDevice['device']['kind'];

const KEY = 'ow_device_token';

/** The token an administrator issued for this device, entered once on it and kept in the browser. */
export const storedDeviceToken = (): string | null => {
  try {
    return localStorage.getItem(KEY);
  } catch {
    return null;
  }
};
export const storeDeviceToken = (token: string | null): void => {
  if (token) localStorage.setItem(KEY, token);
  else localStorage.removeItem(KEY);
};

/**
 * The client of the hall's devices (kiosk, window tablet, screen): every request carries the
 * device's bearer token and no cookie, so whoever is signed in on the browser does not matter.
 */
const deviceHttp = createClient({
  baseUrl: '',
  fetch: (input, init) =>
    globalThis.fetch(input, {
      ...init,
      credentials: 'omit',
      headers: {
        ...(init?.headers as Record<string, string>),
        authorization: `Bearer ${storedDeviceToken() ?? ''}`,
      },
    }),
  language: () => (i18n.language === 'en' ? 'en' : 'zh-CN'),
  csrfToken: () => null,
});

export const deviceApi = {
  me: (signal?: AbortSignal) => deviceHttp.get<OwnDevice>('/hall/device', undefined, signal),
  take: (body: Body<'/api/v1/hall/tickets'>) => deviceHttp.post<Ticket>('/hall/tickets', body),
  checkIn: (code: string) => deviceHttp.post<Ticket>('/hall/tickets/check-in', { code }),
  pending: (signal?: AbortSignal) =>
    deviceHttp.get<{ visit: PendingVisit }>('/ratings/on-site/pending', undefined, signal),
  rateOnSite: (body: Body<'/api/v1/ratings/on-site'>) => deviceHttp.post<Recorded>('/ratings/on-site', body),
};
