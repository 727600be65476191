import { createHmac, timingSafeEqual } from 'node:crypto';

export const SIGNATURE_HEADER = 'x-ow-signature';
export const TIMESTAMP_HEADER = 'x-ow-timestamp';

/** HMAC-SHA256 over "timestamp.body" (the body exactly as sent), hex, prefixed with the scheme. */
export function signBody(secret: string, timestamp: number, rawBody: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${rawBody}`).digest('hex')}`;
}

export type SignatureCheck =
  { ok: true; timestamp: number } | { ok: false; reason: 'missing' | 'malformed' | 'mismatch' | 'stale' };

/**
 * Checks a notification's signature and freshness. The timestamp is signed with the body, so an old
 * notification cannot be re-sent with a new time: outside the window it is refused as a replay (and
 * within it the notification id makes a second delivery a no-op).
 */
export function checkSignature(
  secret: string,
  headers: Record<string, string | string[] | undefined>,
  rawBody: string,
  nowMs: number,
  maxAgeSeconds: number,
): SignatureCheck {
  const sig = headers[SIGNATURE_HEADER];
  const ts = headers[TIMESTAMP_HEADER];
  if (typeof sig !== 'string' || typeof ts !== 'string') return { ok: false, reason: 'missing' };
  if (!/^\d{9,12}$/.test(ts) || !/^sha256=[0-9a-f]{64}$/.test(sig)) return { ok: false, reason: 'malformed' };
  const timestamp = Number(ts);
  const expected = Buffer.from(signBody(secret, timestamp, rawBody));
  const given = Buffer.from(sig);
  if (expected.length !== given.length || !timingSafeEqual(expected, given))
    return { ok: false, reason: 'mismatch' };
  if (Math.abs(nowMs / 1000 - timestamp) > maxAgeSeconds) return { ok: false, reason: 'stale' };
  return { ok: true, timestamp };
}
