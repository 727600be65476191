import { timingSafeEqual } from 'node:crypto';
import type { Db } from '../../db/database.js';
import type { DialectName } from '../../db/column-types.js';
import type { Clock } from '../../shared/clock.js';
import { AppError } from '../../server/errors.js';
import { AddressGate } from '../identity/address-failures.js';
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
 * Lookups in flight count until they are answered (AddressGate), so a burst of parallel guesses
 * gets no more answers than the limit.
 */
export class CaseTracker {
  private readonly gate: AddressGate;

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    dialect: DialectName,
  ) {
    this.gate = new AddressGate(db, dialect, 'track', TRACK_POLICY);
  }

  async track(receiptNo: string, code: string, ip: string): Promise<TrackingView> {
    const now = this.clock.now();
    const view = await this.gate.guard(ip, now, () => this.lookUp(receiptNo, code, now));
    return view ?? this.refuse(receiptNo);
  }

  /** The view, or undefined for a wrong pair (which the gate counts against the address). */
  private async lookUp(receiptNo: string, code: string, now: Date): Promise<TrackingView | undefined> {
    const [row] = await findTracked(this.db, receiptNo);
    if (!row || row.state === 'draft' || !row.tracking || !equal(row.check_code, code.trim().toUpperCase()))
      return undefined;
    // Fees are read as they stand (payments move them without a case action), and only for a case
    // that has payment forms.
    const fees = Number(row.forms) > 0 ? await trackedFeesOf(this.db, row.id) : null;
    return trackingView(fromJson<TrackingSnapshot>(row.tracking, {} as TrackingSnapshot), fees, now);
  }

  private refuse(receiptNo: string): never {
    // One message for an unknown number and a wrong code, so a guess learns nothing; each language alone.
    throw new AppError('tracking_not_found', { receiptNo });
  }
}
