import type { Db } from '../../db/database.js';
import type { DialectName } from '../../db/column-types.js';
import { AppError } from '../../server/errors.js';
import { attemptsOf, countAttempt, countLoginFailures, uncountAttempt } from './repository.js';

/**
 * Failed guesses per address (a login, a tracking code, a document's check code), counted in the
 * database so every instance sees them; `key` names the door and the address (`track:1.2.3.4`).
 */
export const countFailures = (db: Db, key: string, sinceIso: string): Promise<number> =>
  countLoginFailures(db, key, sinceIso);

export interface GuessPolicy {
  maxFailures: number;
  windowMinutes: number;
}

/** An attempt counted before it is checked; released when it turns out not to be a failure. */
export interface Guess {
  release(): Promise<void>;
}

const limited = (seconds: number) => {
  const retryAfter = Math.max(1, seconds);
  return new AppError('rate_limited', { retryAfter }, [], { retryAfter });
};

const windowOf = (policy: GuessPolicy, now: Date) => ({
  nowIso: now.toISOString(),
  sinceIso: new Date(now.getTime() - policy.windowMinutes * 60_000).toISOString(),
});

/**
 * Counts an attempt before the slow or telling check (a password hash, a code compared), in one
 * atomic statement in the database: concurrent attempts, on any instance, each take their own number,
 * so those in flight count and no more than the policy's failures are ever checked in a window.
 * Over the limit it is a 429 (and the attempt is not kept); the caller releases a success.
 */
export async function reserveGuess(db: Db, key: string, policy: GuessPolicy, now: Date): Promise<Guess> {
  const { nowIso, sinceIso } = windowOf(policy, now);
  const { attempts, window_start } = await countAttempt(db, key, nowIso, sinceIso);
  const release = () => uncountAttempt(db, key, window_start);
  if (attempts > policy.maxFailures) {
    await release();
    const ends = Date.parse(window_start) + policy.windowMinutes * 60_000;
    throw limited(Math.ceil((ends - now.getTime()) / 1000));
  }
  return { release };
}

/** Counts a failure found after the check (where a reservation would cost every success a write). */
export async function recordFailure(db: Db, key: string, policy: GuessPolicy, now: Date): Promise<number> {
  const { nowIso, sinceIso } = windowOf(policy, now);
  return (await countAttempt(db, key, nowIso, sinceIso)).attempts;
}

/** The failures counted in the key's current window (a read). */
export function failuresOf(db: Db, key: string, policy: GuessPolicy, now: Date): Promise<number> {
  return attemptsOf(db, key, windowOf(policy, now).sinceIso);
}

export const rateLimited = (policy: GuessPolicy) => limited(policy.windowMinutes * 60);

/**
 * A door guarded per address (a tracking code, a ticket's check code): at most the policy's wrong
 * guesses in the window, then 429, with guesses in flight counted.
 *
 * Guesses in flight are counted here and failures in the database, so a lookup that succeeds writes
 * nothing: a write per guess (a reservation, then its release: two durable commits, all of one
 * address's on one row) made every public lookup on PostgreSQL queue behind the commits of the others
 * from the same address, and at 1,000 lookups a second from behind one address most were refused.
 * On SQLite one process serves the file, so only addresses that failed recently pay for the count.
 * On PostgreSQL instances share the database: every guess reads the failures of its address there
 * (an indexed read, no write), so a failure seen by any instance counts at once on all of them; what
 * one instance cannot see is another's guesses still in flight, so a burst spread over N instances
 * can have up to N times the limit checked at once, once per window, before its failures are counted.
 */
export class AddressGate {
  private readonly suspects = new Map<string, number>();
  private readonly inFlight = new Map<string, number>();

  constructor(
    private readonly db: Db,
    private readonly dialect: DialectName,
    private readonly door: string,
    readonly policy: GuessPolicy,
  ) {}

  /** Runs the check; its undefined is a wrong guess, counted against the address (then 429 when over). */
  async guard<T>(ip: string, now: Date, check: () => Promise<T | undefined>): Promise<T | undefined> {
    const key = `${this.door}:${ip}`;
    const held = this.inFlight.get(ip) ?? 0;
    this.inFlight.set(ip, held + 1);
    try {
      const suspectSince = this.suspects.get(ip);
      const suspect =
        this.dialect === 'postgres' ||
        (suspectSince !== undefined && suspectSince >= now.getTime() - this.policy.windowMinutes * 60_000);
      if (
        (suspect || held > 0) &&
        (suspect ? await failuresOf(this.db, key, this.policy, now) : 0) + held >= this.policy.maxFailures
      )
        throw rateLimited(this.policy);
      const found = await check();
      if (found !== undefined) return found;
      this.suspects.set(ip, now.getTime());
      if (this.suspects.size > 10_000) this.suspects.delete(this.suspects.keys().next().value!);
      // Another process on the same file (HTTP_WORKERS) may have counted failures meanwhile.
      if ((await recordFailure(this.db, key, this.policy, now)) > this.policy.maxFailures)
        throw rateLimited(this.policy);
      return undefined;
    } finally {
      const left = (this.inFlight.get(ip) ?? 1) - 1;
      if (left > 0) this.inFlight.set(ip, left);
      else this.inFlight.delete(ip);
    }
  }
}
