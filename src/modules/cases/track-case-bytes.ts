import { timingSafeEqual } from 'node:crypto';
import type { Db } from '../../db/database.js';
import type { Clock } from '../../shared/clock.js';
import { AppError } from '../../server/errors.js';
import { countLoginFailures } from '../identity/repository.js';
import { liveColour, type TrackingSnapshot } from './tracking.js';
import { prepared } from '../../db/prepared.js';
import { toJson } from '../../shared/json.js';
import { sql } from 'kysely';
import { dialectOf } from '../../db/column-types.js';
import { trackedFeesOf } from '../fees/fee-summary.js';

const DEADLINE =
  /^"deadline":\{"status":"(\w+)","dueDate":"[^"]*","provisional":(?:true|false),"yellowAt":(null|"[^"]*"),"overdueAt":"([^"]*)"/;

const DEADLINE_KEY = '"deadline":';

/**
 * The colour from a stored snapshot's deadline thresholds, read without parsing the whole snapshot:
 * from its text, or from its UTF-8 bytes as the lookup reads them. The key cannot occur inside a
 * string value, where its quotes would be escaped, so its first occurrence is the snapshot's own.
 */
export function colourOfStored(tracking: string | Buffer, nowIso: string): ReturnType<typeof liveColour> {
  const at = tracking.indexOf(DEADLINE_KEY);
  // The thresholds are ASCII and come first in the deadline: a latin1 window holds them.
  const head =
    at < 0
      ? ''
      : typeof tracking === 'string'
        ? tracking.slice(at, at + 300)
        : tracking.toString('latin1', at, at + 300);
  // No case deadline yet (received, not accepted): no colour.
  if (head.startsWith('"deadline":null')) return null;
  const m = DEADLINE.exec(head);
  if (!m) return liveColour(JSON.parse(tracking.toString()) as TrackingSnapshot, nowIso);
  const yellowAt = m[2] === 'null' ? null : m[2]!.slice(1, -1);
  return liveColour(
    { deadline: { status: m[1]!, yellowAt, overdueAt: m[3]! } } as unknown as TrackingSnapshot,
    nowIso,
  );
}

// The one read of a lookup, built once: the snapshot as the UTF-8 bytes it goes out as (no decoding
// into a string and encoding back), and whether the case has payment forms.
const trackingRow = prepared((db, receiptNo: string) =>
  db
    .selectFrom('cases')
    .select((eb) => [
      'id',
      'check_code',
      'state',
      (dialectOf(db) === 'postgres'
        ? sql<Buffer | null>`convert_to(tracking, 'UTF8')`
        : sql<Buffer | null>`cast(tracking as blob)`
      ).as('tracking'),
      eb
        .selectFrom('fee_forms')
        .select((f) => f.fn.countAll<number>().as('n'))
        .whereRef('fee_forms.case_id', '=', 'cases.id')
        .as('forms'),
    ])
    .where('receipt_no', '=', receiptNo),
);

type TrackingRow = {
  id: string;
  check_code: string;
  tracking: Buffer | null;
  state: string;
  forms: number | null;
};

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

  /**
   * The answer's JSON as UTF-8 bytes: at once when the read could run synchronously (an SQLite file,
   * the usual case), else a promise. A wrong pair always comes back as a rejected promise.
   */
  track(receiptNo: string, code: string, ip: string): Buffer | Promise<Buffer> {
    const now = this.clock.now();
    const suspectSince = this.suspects.get(ip);
    if (suspectSince !== undefined && suspectSince >= now.getTime() - TRACK_POLICY.windowMinutes * 60_000)
      return this.trackSuspect(receiptNo, code, ip, now);
    const rows = trackingRow.now(this.db, receiptNo);
    if (rows) return this.answer(rows[0], receiptNo, code, ip, now);
    return trackingRow(this.db, receiptNo).then(([row]) => this.answer(row, receiptNo, code, ip, now));
  }

  /** An address that failed recently: its failures are counted (in the database, shared by every instance) first. */
  private async trackSuspect(receiptNo: string, code: string, ip: string, now: Date): Promise<Buffer> {
    const windowStart = new Date(now.getTime() - TRACK_POLICY.windowMinutes * 60_000).toISOString();
    if ((await countLoginFailures(this.db, `track:${ip}`, windowStart)) >= TRACK_POLICY.maxFailures) {
      throw new AppError('rate_limited', { retryAfter: TRACK_POLICY.windowMinutes * 60 }, [], {
        retryAfter: TRACK_POLICY.windowMinutes * 60,
      });
    }
    const [row] = await trackingRow(this.db, receiptNo);
    return this.answer(row, receiptNo, code, ip, now);
  }

  private answer(
    row: TrackingRow | undefined,
    receiptNo: string,
    code: string,
    ip: string,
    now: Date,
  ): Buffer | Promise<Buffer> {
    if (!row || row.state === 'draft' || !row.tracking || !equal(row.check_code, code.trim().toUpperCase()))
      return this.refuse(receiptNo, ip, now);
    // The stored snapshot goes out as it is, with the live colour in front: no parse, no re-serialise.
    // Fees are read as they stand (payments move them without a case action), and only for a case
    // that has payment forms.
    const tracking = row.tracking;
    const nowIso = now.toISOString();
    const colour = colourOfStored(tracking, nowIso);
    const bytes = (fees: string) =>
      Buffer.concat([
        Buffer.from(
          `{"colour":${colour === null ? 'null' : `"${colour}"`},"checkedAt":"${nowIso}","fees":${fees},`,
        ),
        tracking.subarray(1),
      ]);
    if (Number(row.forms) > 0) return trackedFeesOf(this.db, row.id).then((fees) => bytes(toJson(fees)));
    return bytes('null');
  }

  private async refuse(receiptNo: string, ip: string, now: Date): Promise<never> {
    this.suspects.set(ip, now.getTime());
    if (this.suspects.size > 10_000) this.suspects.delete(this.suspects.keys().next().value!);
    await this.db
      .insertInto('login_failures')
      .values({ key: `track:${ip}`, at: now.toISOString() })
      .execute();
    throw new AppError('resource_not_found', {
      resource: 'case',
      id: `${receiptNo} (receipt number or check code wrong / 受理编号或查询码不正确)`,
    });
  }
}
