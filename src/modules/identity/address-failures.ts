import type { Db } from '../../db/database.js';
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
