import { timingSafeEqual } from 'node:crypto';
import type { Db } from '../../db/database.js';
import type { DialectName } from '../../db/column-types.js';
import type { Clock } from '../../shared/clock.js';
import { AppError } from '../../server/errors.js';
import { failuresOf, rateLimited, recordFailure, reserveGuess } from '../identity/address-failures.js';
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
 *
 * Lookups in flight count as failures until they are answered, so a burst of parallel guesses gets
 * no more answers than the limit. On PostgreSQL, where instances share the database, each lookup is
 * counted before it is made (one atomic statement) and released when it succeeds. On SQLite one
 * process serves the file, and a write per lookup would queue every lookup behind the write
 * connection: lookups in flight are counted here, failures in the database.
 */
export class CaseTracker {
  /** Addresses that failed recently on this instance: only they pay for the failure count query. */
  private readonly suspects = new Map<string, number>();
  /** Lookups in flight per address on this instance (SQLite). */
  private readonly inFlight = new Map<string, number>();

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly dialect: DialectName,
  ) {}

  async track(receiptNo: string, code: string, ip: string): Promise<TrackingView> {
    const now = this.clock.now();
    if (this.dialect === 'postgres') {
      const guess = await reserveGuess(this.db, `track:${ip}`, TRACK_POLICY, now);
      const view = await this.lookUp(receiptNo, code, ip, now);
      if (view) await guess.release();
      return view ?? this.refuse(receiptNo);
    }
    const held = this.inFlight.get(ip) ?? 0;
    this.inFlight.set(ip, held + 1);
    try {
      const suspectSince = this.suspects.get(ip);
      const suspect =
        suspectSince !== undefined && suspectSince >= now.getTime() - TRACK_POLICY.windowMinutes * 60_000;
      if (
        (suspect || held > 0) &&
        (suspect ? await failuresOf(this.db, `track:${ip}`, TRACK_POLICY, now) : 0) + held >=
          TRACK_POLICY.maxFailures
      )
        throw rateLimited(TRACK_POLICY);
      const view = await this.lookUp(receiptNo, code, ip, now);
      if (view) return view;
      // Another process on the same file (HTTP_WORKERS) may have counted failures meanwhile.
      if ((await recordFailure(this.db, `track:${ip}`, TRACK_POLICY, now)) > TRACK_POLICY.maxFailures)
        throw rateLimited(TRACK_POLICY);
      return this.refuse(receiptNo);
    } finally {
      const left = (this.inFlight.get(ip) ?? 1) - 1;
      if (left > 0) this.inFlight.set(ip, left);
      else this.inFlight.delete(ip);
    }
  }

  /** The view, or undefined for a wrong pair (which marks the address a suspect). */
  private async lookUp(
    receiptNo: string,
    code: string,
    ip: string,
    now: Date,
  ): Promise<TrackingView | undefined> {
    const [row] = await findTracked(this.db, receiptNo);
    if (!row || row.state === 'draft' || !row.tracking || !equal(row.check_code, code.trim().toUpperCase())) {
      this.suspects.set(ip, now.getTime());
      if (this.suspects.size > 10_000) this.suspects.delete(this.suspects.keys().next().value!);
      return undefined;
    }
    // Fees are read as they stand (payments move them without a case action), and only for a case
    // that has payment forms.
    const fees = Number(row.forms) > 0 ? await trackedFeesOf(this.db, row.id) : null;
    return trackingView(fromJson<TrackingSnapshot>(row.tracking, {} as TrackingSnapshot), fees, now);
  }

  private refuse(receiptNo: string): never {
    throw new AppError('resource_not_found', {
      resource: 'case',
      id: `${receiptNo} (receipt number or check code wrong / 受理编号或查询码不正确)`,
    });
  }
}
