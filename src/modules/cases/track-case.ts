import { timingSafeEqual } from 'node:crypto';
import type { Db } from '../../db/database.js';
import type { Clock } from '../../shared/clock.js';
import { AppError } from '../../server/errors.js';
import { countLoginFailures } from '../identity/repository.js';
import { liveColour, type TrackingSnapshot } from './tracking.js';
import { prepared } from '../../db/prepared.js';
import { toJson } from '../../shared/json.js';
import { trackedFeesOf } from '../fees/fee-summary.js';

const DEADLINE = /"deadline":\{"status":"(\w+)","dueDate":"[^"]*","provisional":(?:true|false),"yellowAt":(null|"[^"]*"),"overdueAt":"([^"]*)"/;

/** The colour from a stored snapshot's deadline thresholds, read without parsing the whole snapshot. */
export function colourOfStored(tracking: string, nowIso: string): ReturnType<typeof liveColour> {
  // No case deadline yet (received, not accepted): no colour. The key cannot occur inside a string
  // value, where its quotes would be escaped.
  if (tracking.includes('"deadline":null')) return null;
  const m = DEADLINE.exec(tracking);
  if (!m) return liveColour(JSON.parse(tracking) as TrackingSnapshot, nowIso);
  const yellowAt = m[2] === 'null' ? null : m[2]!.slice(1, -1);
  return liveColour({ deadline: { status: m[1]!, yellowAt, overdueAt: m[3]! } } as unknown as TrackingSnapshot, nowIso);
}

// The one read of a lookup, built once: the snapshot, and whether the case has payment forms.
const trackingRow = prepared((db, receiptNo: string) => db.selectFrom('cases')
  .select((eb) => ['id', 'check_code', 'tracking', 'state', eb.selectFrom('fee_forms').select((f) => f.fn.countAll<number>().as('n')).whereRef('fee_forms.case_id', '=', 'cases.id').as('forms')])
  .where('receipt_no', '=', receiptNo));

/** Wrong receipt number or check code: at most this many per address in the window, then 429. */
export const TRACK_POLICY = { maxFailures: 10, windowMinutes: 10 };

const equal = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

/**
 * Public tracking without login: the receipt number and the check code printed on the acceptance
 * notice. A wrong pair is indistinguishable from an unknown receipt, and failures are counted per
 * address in the database (shared by every instance); a successful lookup is one indexed read of
 * the snapshot stored with the case.
 */
export class CaseTracker {
  /** Addresses that failed recently on this instance: only they pay for the failure count query. */
  private readonly suspects = new Map<string, number>();

  constructor(private readonly db: Db, private readonly clock: Clock) {}

  async track(receiptNo: string, code: string, ip: string): Promise<string> {
    const now = this.clock.now();
    const key = `track:${ip}`;
    const windowStart = new Date(now.getTime() - TRACK_POLICY.windowMinutes * 60_000).toISOString();
    const suspectSince = this.suspects.get(ip);
    if (suspectSince !== undefined && suspectSince >= now.getTime() - TRACK_POLICY.windowMinutes * 60_000) {
      if ((await countLoginFailures(this.db, key, windowStart)) >= TRACK_POLICY.maxFailures) {
        throw new AppError('rate_limited', { retryAfter: TRACK_POLICY.windowMinutes * 60 }, [], { retryAfter: TRACK_POLICY.windowMinutes * 60 });
      }
    }
    const [row] = await trackingRow(this.db, receiptNo);
    if (!row || row.state === 'draft' || !row.tracking || !equal(row.check_code, code.trim().toUpperCase())) {
      this.suspects.set(ip, now.getTime());
      if (this.suspects.size > 10_000) this.suspects.delete(this.suspects.keys().next().value!);
      await this.db.insertInto('login_failures').values({ key, at: now.toISOString() }).execute();
      throw new AppError('resource_not_found', { resource: 'case', id: `${receiptNo} (receipt number or check code wrong / 受理编号或查询码不正确)` });
    }
    // The stored snapshot goes out as it is, with the live colour in front: no parse, no re-serialise.
    // Fees are read as they stand (payments move them without a case action), and only for a case
    // that has payment forms.
    const colour = colourOfStored(row.tracking, now.toISOString());
    const fees = Number(row.forms) > 0 ? toJson(await trackedFeesOf(this.db, row.id)) : 'null';
    return `{"colour":${colour === null ? 'null' : `"${colour}"`},"checkedAt":"${now.toISOString()}","fees":${fees},${row.tracking.slice(1)}`;
  }
}
