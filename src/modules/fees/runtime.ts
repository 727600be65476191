import type { Db } from '../../db/database.js';
import type { Clock } from '../../shared/clock.js';
import type { FeesConfig } from '../../config/config.js';
import type { CalendarStore } from '../clock/calendar-store.js';

/** What the fee use cases need; built once per application context by fees-module.ts. */
export interface FeeRuntime {
  db: Db;
  clock: Clock;
  calendars: CalendarStore;
  config: FeesConfig;
  /** printed on forms and receipts: the verification and checkout addresses */
  publicBaseUrl: string;
}

export const verifyFormUrl = (rt: Pick<FeeRuntime, 'publicBaseUrl'>, number: string, code: string) =>
  `${rt.publicBaseUrl}/api/v1/verify/fee-forms/${encodeURIComponent(number)}?code=${encodeURIComponent(code)}`;
export const verifyReceiptUrl = (rt: Pick<FeeRuntime, 'publicBaseUrl'>, number: string, code: string) =>
  `${rt.publicBaseUrl}/api/v1/verify/fee-receipts/${encodeURIComponent(number)}?code=${encodeURIComponent(code)}`;
export const simulatedCheckoutUrl = (rt: Pick<FeeRuntime, 'publicBaseUrl'>, paymentCode: string) =>
  `${rt.publicBaseUrl}/api/v1/pay/${paymentCode}`;
