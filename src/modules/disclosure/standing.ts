/**
 * How a normative document stands on a day. The stored status says what was done to it (valid,
 * amended, repealed); the dates say the rest: a valid document past its expiry date is expired, and
 * one not yet in effect says so. Computed from the injected clock's day on every read, never stored,
 * so an expired document is never shown as valid.
 */
export const DOCUMENT_STATUSES = ['valid', 'amended', 'repealed'] as const;
export type DocumentStatus = (typeof DOCUMENT_STATUSES)[number];
export const STANDINGS = ['in_force', 'not_yet_effective', 'expired', 'amended', 'repealed'] as const;
export type Standing = (typeof STANDINGS)[number];

export function standingOn(
  d: { status: string; effective_on: string; expires_on: string | null },
  today: string,
): Standing {
  if (d.status === 'repealed') return 'repealed';
  if (d.status === 'amended') return 'amended';
  if (d.expires_on !== null && today > d.expires_on) return 'expired';
  if (today < d.effective_on) return 'not_yet_effective';
  return 'in_force';
}
