import type { OutboxInput } from '../supervision/signals.js';
import type { ComplaintRow } from './repository.js';

/** The reporter has an account or left a contact: then they are told (an anonymous one tracks instead). */
export const reachable = (t: ComplaintRow): boolean =>
  !!t.reporter_user_id || !!t.reporter_phone || !!t.reporter_email;

/** A notice to the reporter of a ticket, or none when the reporter cannot be reached. */
export function reporterNotice(
  t: ComplaintRow,
  kind: 'complaint_accepted' | 'complaint_not_accepted' | 'complaint_result',
  payload: Record<string, unknown>,
): OutboxInput[] {
  if (!reachable(t)) return [];
  return [
    {
      kind,
      recipientType: t.reporter_user_id ? 'user' : 'complainant',
      recipientId: t.reporter_user_id ?? t.id,
      subjectType: 'complaint',
      subjectId: t.id,
      payload: { ticketNo: t.ticket_no, ...payload },
    },
  ];
}
