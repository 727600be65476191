import { randomBytes } from 'node:crypto';
import { sha256 } from '../../shared/ids.js';

/** Letters and digits that cannot be misread on paper (no 0/O, 1/I/L). */
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
const LENGTH = 12;

/** A one-time ballot code: 12 characters, about 59 bits, printed or sent; never stored. */
export function newBallotCode(): string {
  const bytes = randomBytes(LENGTH * 2);
  let s = '';
  for (let i = 0; s.length < LENGTH; i++) {
    if (i >= bytes.length) return newBallotCode();
    const b = bytes[i]!;
    // Rejection sampling keeps every character equally likely.
    if (b < 248) s += ALPHABET[b % ALPHABET.length];
  }
  return s;
}

/** Codes are typed by hand: spaces and dashes dropped, lower case accepted. */
export const normaliseCode = (code: string) => code.replace(/[\s-]/g, '').toUpperCase();

/** What is stored of a code: its hash within its campaign, so a code is only ever valid for one. */
export const codeHash = (campaignId: string, code: string) => sha256(`${campaignId}:${normaliseCode(code)}`);
