/**
 * An outbox row that can never be delivered as written (unknown kind, payload not matching its kind,
 * unknown recipient type, missing case). The worker marks it failed instead of retrying it.
 * Messages name codes and field paths only, never payload values (they may be personal data).
 */
export class UndeliverableError extends Error {}

/** A channel's refusal that retrying cannot fix (e.g. SMTP 550 unknown mailbox, HTTP 400). */
export class PermanentDeliveryError extends Error {}

const EMAIL_LIKE = /([^\s@<>"'(),;:]{1,2})[^\s@<>"'(),;:]*@([^\s@<>"'(),;:]+)/g;
const PHONE_LIKE = /(?<!\d)(?:\+?86)?(1[3-9]\d)\d{4}(\d{4})(?!\d)/g;

/** An error as it may be stored in last_error or logged: addresses masked, length bounded. */
export function describeError(err: unknown): string {
  const e = err as { message?: unknown; code?: unknown; responseCode?: unknown; cause?: { code?: unknown } };
  const parts = [
    typeof e?.code === 'string' ? e.code : '',
    typeof e?.responseCode === 'number' ? String(e.responseCode) : '',
  ].filter(Boolean);
  // fetch says only "fetch failed"; the reason (ECONNREFUSED, a timeout) is in its cause.
  const cause = typeof e?.cause?.code === 'string' ? ` (${e.cause.code})` : '';
  const message = `${typeof e?.message === 'string' ? e.message : String(err)}${cause}`;
  const text = `${parts.length ? `${parts.join(' ')}: ` : ''}${message}`
    .replace(EMAIL_LIKE, '$1***@$2')
    .replace(PHONE_LIKE, '$1****$2');
  return text.length > 500 ? `${text.slice(0, 497)}...` : text;
}
