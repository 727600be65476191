import { http } from './http';
import type { Ok } from './contract';

/**
 * Case tracking (办件查询) and bundles (一件事) come with the case API. Their pages call these
 * routes and say the service is coming when the API answers 404 route_not_found.
 */
export const servicesApi = {
  bundles: (signal?: AbortSignal) => http.get<{ items: Bundle[] }>('/bundles', undefined, signal),
  track: (receiptNo: string, code: string, signal?: AbortSignal) =>
    http.get<Tracking>(`/track/${encodeURIComponent(receiptNo)}`, { code }, signal),
  /** The case's verifiable history as a JSON download (`onewindow history verify FILE` checks it). */
  historyUrl: (receiptNo: string, code: string) =>
    `/api/v1/track/${encodeURIComponent(receiptNo)}/history?code=${encodeURIComponent(code)}`,
};

export type Bundle = Ok<'/api/v1/bundles'>['items'][number];
/** The public tracking page of a case (after src/modules/cases/schemas.ts TrackingView). */
export type Tracking = Ok<'/api/v1/track/{receiptNo}'>;
/** The case's payment forms and totals; null when none was issued (after src/modules/fees/fee-summary.ts). */
export type TrackedFees = NonNullable<Tracking['fees']>;
