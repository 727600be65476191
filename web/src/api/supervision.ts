import { http } from './http';
import type { Page } from './types';
import type { Board, ClockView, Order, Signal } from './supervision-types';

export interface ListQuery {
  page: number;
  pageSize: number;
  [k: string]: string | number | undefined;
}

export const supervisionApi = {
  board: (signal?: AbortSignal) => http.get<Board>('/supervision/board', undefined, signal),
  clocks: (q: ListQuery, signal?: AbortSignal) => http.get<Page<ClockView>>('/supervision/clocks', q, signal),
  clock: (clockId: string, signal?: AbortSignal) =>
    http.get<ClockView>(`/clocks/${encodeURIComponent(clockId)}`, undefined, signal),
  signals: (q: ListQuery, signal?: AbortSignal) => http.get<Page<Signal>>('/supervision/signals', q, signal),
  orders: (q: ListQuery, signal?: AbortSignal) => http.get<Page<Order>>('/supervision/orders', q, signal),
  answer: (orderId: string, version: number, answer: string) =>
    http.post<{ id: string; status: string; version: number }>(
      `/supervision/orders/${encodeURIComponent(orderId)}/answer`,
      { version, answer },
    ),
  close: (orderId: string, version: number, note: string) =>
    http.post<{ id: string; status: string; version: number }>(
      `/supervision/orders/${encodeURIComponent(orderId)}/close`,
      { version, note },
    ),
};
