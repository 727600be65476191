import { timingSafeEqual } from 'node:crypto';
import type { Db } from '../../db/database.js';
import type { Clock } from '../../shared/clock.js';
import { AppError } from '../../server/errors.js';
import { countFailures as countLoginFailures } from '../identity/address-failures.js';
import { fromJson } from '../../shared/json.js';
import { trackedFeesOf } from '../fees/fee-summary.js';
import { findTracked } from './repository.js';
import { trackingView, type TrackingSnapshot, type TrackingView } from './tracking.js';

/** Wrong receipt number or check code: at most this many per address in the window, then 429. */
export const TRACK_POLICY = { maxFailures: 10, windowMinutes: 10 };

const equal = (a: string, b: string) =>
  a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

/**
 * Public tracking without login: the receipt number and the check code printed on the acceptance
 * notice. A wrong pair is indistinguishable from an unknown receipt, and failures are counted per
 * address in the database (shared by every instance); a successful lookup is one indexed read of
 * the snapshot stored with the case.
 */
export class CaseTracker {
  /** Addresses that failed recently on this instance: only they pay for the failure count query. */
  private readonly suspects = new Map<string, number>();

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
  ) {}

  async track(receiptNo: string, code: string, ip: string): Promise<TrackingView> {
    const now = this.clock.now();
    const suspectSince = this.suspects.get(ip);
    const windowStart = now.getTime() - TRACK_POLICY.windowMinutes * 60_000;
    if (
      suspectSince !== undefined &&
      suspectSince >= windowStart &&
      (await countLoginFailures(this.db, `track:${ip}`, new Date(windowStart).toISOString())) >=
        TRACK_POLICY.maxFailures
    ) {
      throw new AppError('rate_limited', { retryAfter: TRACK_POLICY.windowMinutes * 60 }, [], {
        retryAfter: TRACK_POLICY.windowMinutes * 60,
      });
    }
    const [row] = await findTracked(this.db, receiptNo);
    if (!row || row.state === 'draft' || !row.tracking || !equal(row.check_code, code.trim().toUpperCase()))
      return this.refuse(receiptNo, ip, now);
    // Fees are read as they stand (payments move them without a case action), and only for a case
    // that has payment forms.
    const fees = Number(row.forms) > 0 ? await trackedFeesOf(this.db, row.id) : null;
    return trackingView(fromJson<TrackingSnapshot>(row.tracking, {} as TrackingSnapshot), fees, now);
  }

  private async refuse(receiptNo: string, ip: string, now: Date): Promise<never> {
    this.suspects.set(ip, now.getTime());
    if (this.suspects.size > 10_000) this.suspects.delete(this.suspects.keys().next().value!);
    await this.db
      .insertInto('login_failures')
      .values({ key: `track:${ip}`, at: now.toISOString() })
      .execute();
    // One message for an unknown number and a wrong code, so a guess learns nothing; each language alone.
    throw new AppError('tracking_not_found', { receiptNo });
  }
}
