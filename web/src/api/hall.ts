import { http } from './http';
import type { Body, Ok } from './contract';

export type HallGroup = Ok<'/api/v1/hall/groups'>['items'][number];
export type SlotDays = Ok<'/api/v1/hall/groups/{id}/slots'>;
export type Appointment = Ok<'/api/v1/hall/appointments/{token}'>;
export type BookBody = Body<'/api/v1/hall/appointments'>;
export type Ticket = Ok<'/api/v1/hall/tickets', 'post'>;
export type TakeTicketBody = Body<'/api/v1/hall/tickets'>;
export type TicketStatus = Ok<'/api/v1/hall/tickets/status/{token}'>;
export type Display = Ok<'/api/v1/hall/display'>;
export type Call = Display['calls'][number];
export type Panel = Ok<'/api/v1/hall/panel'>;
export type CaseVisits = Ok<'/api/v1/hall/cases/{id}/visits'>;

const e = encodeURIComponent;

/** The hall: booking, tickets, calling and the screens. After src/modules/hall. */
export const hallApi = {
  groups: (signal?: AbortSignal) => http.get<{ items: HallGroup[] }>('/hall/groups', undefined, signal),
  slots: (groupId: string, signal?: AbortSignal) =>
    http.get<SlotDays>(`/hall/groups/${e(groupId)}/slots`, undefined, signal),
  sendCode: (body: { phone: string; idNumber: string }) =>
    http.post<{ codeId: string; expiresAt: string }>('/hall/booking-codes', body),
  book: (body: BookBody) => http.post<Appointment>('/hall/appointments', body),
  mine: (signal?: AbortSignal) =>
    http.get<{ items: Appointment[] }>('/hall/appointments/mine', undefined, signal),
  appointment: (token: string, signal?: AbortSignal) =>
    http.get<Appointment>(`/hall/appointments/${e(token)}`, undefined, signal),
  cancel: (token: string) => http.post<Appointment>(`/hall/appointments/${e(token)}/cancel`),
  reschedule: (token: string, body: { day: string; slot: string }) =>
    http.post<Appointment>(`/hall/appointments/${e(token)}/reschedule`, body),
  take: (body: TakeTicketBody) => http.post<Ticket>('/hall/tickets', body),
  checkIn: (code: string) => http.post<Ticket>('/hall/tickets/check-in', { code }),
  status: (token: string, signal?: AbortSignal) =>
    http.get<TicketStatus>(`/hall/tickets/status/${e(token)}`, undefined, signal),
  display: (signal?: AbortSignal) => http.get<Display>('/hall/display', undefined, signal),
  panel: (signal?: AbortSignal) => http.get<Panel>('/hall/panel', undefined, signal),
  sit: (windowId: string, leave = false) => http.post<null>('/hall/windows/sit', { windowId, leave }),
  callNext: () => http.post<{ ticket: Ticket | null }>('/hall/windows/mine/call-next'),
  recall: () => http.post<Ticket>('/hall/windows/mine/recall'),
  absent: () => http.post<Ticket>('/hall/windows/mine/absent'),
  transfer: (groupId: string) => http.post<Ticket>('/hall/windows/mine/transfer', { groupId }),
  finish: (body: { receiptNo?: string; caseId?: string }) =>
    http.post<Ticket>('/hall/windows/mine/finish', body),
  visits: (caseId: string, signal?: AbortSignal) =>
    http.get<CaseVisits>(`/hall/cases/${e(caseId)}/visits`, undefined, signal),
  /** The server-sent event streams of the display and of a ticket (EventSource sends the Accept header). */
  displayStream: () => new EventSource('/api/v1/hall/display'),
  statusStream: (token: string) => new EventSource(`/api/v1/hall/tickets/status/${e(token)}`),
};

/** The link on a ticket's QR code: the ticket's page on the person's phone. */
export const ticketLink = (token: string) => `${window.location.origin}/hall/t/${encodeURIComponent(token)}`;

export type GroupBody = Body<'/api/v1/admin/hall/groups/{code}', 'put'>;
export type WindowBody = Body<'/api/v1/admin/hall/windows/{code}', 'put'>;
export type HallWindow = Panel['windows'][number];
export type HallDevice = Ok<'/api/v1/admin/hall/devices'>['items'][number];
export type DeviceBody = Body<'/api/v1/admin/hall/devices'>;
export type DeviceRegistered = Ok<'/api/v1/admin/hall/devices', 'post'>;
export type HallSettings = Ok<'/api/v1/admin/hall/settings'>;

/** The hall's configuration: groups, windows, devices and settings (administrators). */
export const hallAdminApi = {
  saveGroup: (code: string, body: GroupBody) => http.put<HallGroup>(`/admin/hall/groups/${e(code)}`, body),
  saveWindow: (code: string, body: WindowBody) =>
    http.put<HallWindow>(`/admin/hall/windows/${e(code)}`, body),
  devices: (signal?: AbortSignal) =>
    http.get<{ items: HallDevice[] }>('/admin/hall/devices', undefined, signal),
  registerDevice: (body: DeviceBody) => http.post<DeviceRegistered>('/admin/hall/devices', body),
  revokeDevice: (id: string) => http.post<HallDevice>(`/admin/hall/devices/${e(id)}/revoke`),
  settings: (signal?: AbortSignal) => http.get<HallSettings>('/admin/hall/settings', undefined, signal),
  saveSettings: (body: HallSettings) => http.put<HallSettings>('/admin/hall/settings', body),
};
