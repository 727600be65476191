import { http } from './http';
import type { Ok } from './contract';

export type ItemActuals = Ok<'/api/v1/items/{id}/actuals'>;
export type Dashboard = Ok<'/api/v1/public/dashboard'>;
export type DashboardDepartment = Dashboard['departments'][number];
export type DashboardFigure = Dashboard['center']['figures']['on_time_rate'];
export type DashboardMeasure = keyof Dashboard['center']['figures'];
export type OpenDataIndex = Ok<'/api/v1/public/open-data'>;
export type OpenDataset = OpenDataIndex['datasets'][number];

const enc = encodeURIComponent;

/** The public dashboard, an item's commitment against actuals and the open data. After src/modules/dashboard. */
export const dashboardApi = {
  itemActuals: (id: string, signal?: AbortSignal) =>
    http.get<ItemActuals>(`/items/${enc(id)}/actuals`, undefined, signal),
  dashboard: (signal?: AbortSignal) => http.get<Dashboard>('/public/dashboard', undefined, signal),
  openData: (signal?: AbortSignal) => http.get<OpenDataIndex>('/public/open-data', undefined, signal),
};
