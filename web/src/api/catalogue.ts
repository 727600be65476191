import { http } from './http';
import type {
  CalendarYear,
  Deadline,
  Department,
  Fee,
  FeeCategory,
  ItemDetail,
  ItemSummary,
  Page,
  SearchResult,
  Summary,
} from './types';

export interface ItemFilter {
  department?: string;
  lifeEvent?: string;
  type?: string;
  handlingClass?: string;
  page?: number;
  pageSize?: number;
}

export const catalogueApi = {
  summary: (signal?: AbortSignal) => http.get<Summary>('/catalogue/summary', undefined, signal),
  departments: (signal?: AbortSignal) =>
    http.get<{ items: Department[]; total: number }>('/departments', undefined, signal),
  department: (id: string, signal?: AbortSignal) =>
    http.get<Department>(`/departments/${encodeURIComponent(id)}`, undefined, signal),
  items: (f: ItemFilter, signal?: AbortSignal) =>
    http.get<Page<ItemSummary>>('/items', { page: 1, pageSize: 20, ...f }, signal),
  item: (id: string, signal?: AbortSignal) =>
    http.get<ItemDetail>(`/items/${encodeURIComponent(id)}`, undefined, signal),
  itemVersion: (id: string, no: number, signal?: AbortSignal) =>
    http.get<ItemDetail>(`/items/${encodeURIComponent(id)}/versions/${no}`, undefined, signal),
  search: (q: string, signal?: AbortSignal) => http.get<SearchResult>('/search', { q, limit: 20 }, signal),
  fees: (f: { department?: string; category?: FeeCategory }, signal?: AbortSignal) =>
    http.get<{ items: Fee[]; total: number }>('/fees', f, signal),
  deadline: (from: string, workdays: number, signal?: AbortSignal) =>
    http.get<Deadline>('/calendar/deadline', { from, workdays }, signal),
  calendarYear: (year: number, signal?: AbortSignal) =>
    http.get<CalendarYear>(`/calendar/${year}`, undefined, signal),

  /** Every published item, page by page (the API has no facet list; life events are read off the items). */
  async allItems(signal?: AbortSignal): Promise<ItemSummary[]> {
    const out: ItemSummary[] = [];
    for (let page = 1; page <= 50; page++) {
      const p = await http.get<Page<ItemSummary>>('/items', { page, pageSize: 200 }, signal);
      out.push(...p.items);
      if (out.length >= p.total || p.items.length === 0) break;
    }
    return out;
  },
};
