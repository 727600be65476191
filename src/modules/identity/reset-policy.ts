import { createHmac, randomInt } from 'node:crypto';
import type { GuessPolicy } from './address-failures.js';

export const RESET_POLICY = {
  /** How long a code is good for. */
  codeMinutes: 15,
  /** Wrong codes a reset takes before it is spent. */
  maxAttempts: 5,
  /** Requests per address in the window (whatever was asked). */
  askPerAddress: { maxFailures: 10, windowMinutes: 15 } satisfies GuessPolicy,
  /** Requests per username in the window, existing or not, so asking tells nothing. */
  askPerAccount: { maxFailures: 3, windowMinutes: 15 } satisfies GuessPolicy,
  /** Wrong codes per address in the window, across accounts. */
  guesses: { maxFailures: 10, windowMinutes: 15 } satisfies GuessPolicy,
};

/** Six digits, uniformly drawn. */
export const resetCode = (): string => String(randomInt(0, 1_000_000)).padStart(6, '0');

/** The stored form of a code: keyed by its reset's id, so equal codes of two resets differ. */
export const resetCodeHash = (resetId: string, code: string): string =>
  createHmac('sha256', resetId).update(code).digest('hex');

/** 2026-12-06 18:30, Beijing time: how a notice names the moment. */
export const beijingMinute = (d: Date): string =>
  new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
