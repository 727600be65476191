import type { Actor } from '../../shared/actor.js';
import type { DocumentState } from '../documents/schemas.js';
import { maskCreditCode, maskIdNumber, maskName, maskPhone } from '../identity/presenter.js';
import type { LetterViewT } from './schemas.js';
import type { LetterKind } from './letter-kinds.js';
import type { LetterAction } from './letter-machine.js';
import { letterPolicy } from './policy.js';
import type { LetterListRow, LetterRow } from './repository.js';

const maskId = (id: string | null) =>
  id ? (/^\d{17}[\dX]$/.test(id) ? maskIdNumber(id) : maskCreditCode(id)) : null;

/**
 * Who wrote, as this viewer may see it. The registry and the department that must reply see the
 * sender in full; anyone else (supervisors, administrators) masked contact details, and a citizen's
 * name masked. Enterprises, agencies and deputies or members writing in office write under a name
 * that is public: it stays.
 */
function sender(actor: Actor, l: LetterRow) {
  const entitled = letterPolicy.readSender(actor, { departmentId: l.department_id });
  if (entitled)
    return {
      senderName: l.sender_name,
      senderOrganization: l.sender_organization,
      senderMasked: false,
      senderIdNumber: l.sender_id_number,
      senderPhone: l.sender_phone,
      senderAddress: l.sender_address,
    };
  return {
    senderName: l.kind === 'citizen' ? maskName(l.sender_name) : l.sender_name,
    senderOrganization: l.sender_organization,
    senderMasked: true,
    senderIdNumber: maskId(l.sender_id_number),
    senderPhone: maskPhone(l.sender_phone),
    senderAddress: l.sender_address ? '***' : null,
  };
}

const isOverdue = (clockStatus: string | null, overdueAt: string | null, nowIso: string) =>
  clockStatus !== null && clockStatus !== 'stopped' && overdueAt !== null && overdueAt <= nowIso;

export function presentLetterSummary(actor: Actor, r: LetterListRow, nowIso: string) {
  const { senderName, senderOrganization, senderMasked } = sender(actor, r);
  return {
    id: r.id,
    number: r.number,
    kind: r.kind as LetterKind,
    senderName,
    senderOrganization,
    senderMasked,
    receivedDate: r.received_date,
    subject: r.subject,
    state: r.state as LetterViewT['state'],
    departmentId: r.department_id,
    departmentName: r.department_name,
    dueDate: r.due_date,
    colour: (r.colour as LetterViewT['colour']) ?? null,
    overdue: isOverdue(r.clock_status, r.overdue_at, nowIso),
    hasOriginal: r.original_key !== null,
    extensionPending: r.extension_days !== null,
    replyNumber: r.reply_number,
    repliedAt: r.replied_at,
    version: r.version,
  };
}

export function presentLetter(
  actor: Actor,
  l: LetterListRow,
  nowIso: string,
  extra: {
    clock: LetterViewT['clock'];
    allowedActions: LetterAction[];
    replyDocument?: { state: DocumentState; sha256: string | null } | undefined;
  },
): LetterViewT {
  const s = sender(actor, l);
  return {
    ...presentLetterSummary(actor, l, nowIso),
    senderIdNumber: s.senderIdNumber,
    senderPhone: s.senderPhone,
    senderAddress: s.senderAddress,
    summary: l.summary,
    limitDays: l.limit_days,
    registeredAt: l.registered_at,
    assignedAt: l.assigned_at,
    // The scan shows the sender: its details go only to those who may open it.
    original:
      l.original_key && !s.senderMasked
        ? {
            name: l.original_name!,
            mime: l.original_mime!,
            size: l.original_size!,
            sha256: l.original_sha256!,
          }
        : null,
    extensionRequest:
      l.extension_days !== null
        ? { days: l.extension_days, reason: l.extension_reason ?? '', requestedBy: l.extension_requested_by }
        : null,
    reply: l.reply_number
      ? {
          number: l.reply_number,
          text: l.reply_text ?? '',
          repliedAt: l.replied_at!,
          repliedBy: l.replied_by,
          // the PDF's SHA-256 once rendered (older replies carry it on the letter)
          state: extra.replyDocument?.state ?? 'ready',
          sha256: extra.replyDocument ? extra.replyDocument.sha256 : l.reply_sha256,
        }
      : null,
    clock: extra.clock,
    allowedActions: extra.allowedActions,
  };
}
