import { Type, type Static, type TSchema } from '@sinclair/typebox';

export const CHANNEL_NAMES = ['inbox', 'email', 'sms'] as const;
export type ChannelName = (typeof CHANNEL_NAMES)[number];

/**
 * Who an outbox row is for; recipientId is a user, a department, (applicant) a case id or
 * (complainant) a complaint ticket's id, (hall_visitor) a hall code, appointment or queue ticket's
 * id (the subject type says which), (account_holder) a password reset's id: the one address it was asked for.
 */
export const RECIPIENT_TYPES = [
  'user',
  'department_head',
  'department',
  'supervisors',
  'applicant',
  'complainant',
  'hall_visitor',
  'account_holder',
] as const;
export type RecipientType = (typeof RECIPIENT_TYPES)[number];

const Text = Type.String({ minLength: 1, maxLength: 2000 });
const Day = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' });
const List = Type.Array(Type.String({ minLength: 1, maxLength: 500 }), { minItems: 1, maxItems: 100 });
const Fen = Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER });
const CaseRef = { receiptNo: Type.String({ minLength: 1, maxLength: 64 }), title: Text };
const TicketRef = { ticketNo: Type.String({ minLength: 1, maxLength: 64 }) };

// Applicants hear about their case on every channel they gave us. Staff read the inbox and email;
// a supervision order is urgent enough for the head's phone too.
const EVERYWHERE: readonly ChannelName[] = ['inbox', 'email', 'sms'];
const DESK: readonly ChannelName[] = ['inbox', 'email'];

/**
 * Every kind of notification: which channels carry it and what its payload must hold. The payload
 * is checked when the outbox row is expanded, so a wrong one fails once, loudly, and is not retried.
 */
export const NOTIFICATION_KINDS = {
  supervision_order_opened: {
    channels: EVERYWHERE,
    payload: Type.Object({ label: Text, dueDate: Day, answerBy: Day }),
  },
  supervision_order_answered: {
    channels: DESK,
    payload: Type.Object({ answer: Type.String({ maxLength: 5000 }) }),
  },
  case_received: { channels: EVERYWHERE, payload: Type.Object({ ...CaseRef }) },
  /** The check code (查询码) appears here and nowhere else: the applicant needs it to track the case. */
  case_accepted: {
    channels: EVERYWHERE,
    payload: Type.Object({
      ...CaseRef,
      dueDate: Day,
      checkCode: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
    }),
  },
  /** seq: which notice of the case this is; only the first is the one-time notice (一次性告知). */
  supplement_requested: {
    channels: EVERYWHERE,
    payload: Type.Object({
      ...CaseRef,
      materials: List,
      seq: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000 })),
      reason: Type.Optional(Text),
    }),
  },
  case_not_accepted: { channels: EVERYWHERE, payload: Type.Object({ ...CaseRef, reasons: List }) },
  case_extended: {
    channels: EVERYWHERE,
    payload: Type.Object({
      ...CaseRef,
      days: Type.Integer({ minimum: 1, maximum: 365 }),
      newDueDate: Day,
      reason: Text,
    }),
  },
  special_procedure_started: {
    channels: EVERYWHERE,
    payload: Type.Object({
      ...CaseRef,
      procedure: Text,
      expectedDays: Type.Integer({ minimum: 0, maximum: 3650 }),
    }),
  },
  case_decided: {
    channels: EVERYWHERE,
    payload: Type.Object({
      ...CaseRef,
      decision: Type.Union([Type.Literal('approved'), Type.Literal('refused')]),
    }),
  },
  case_completed: { channels: EVERYWHERE, payload: Type.Object({ ...CaseRef }) },
  case_withdrawn: { channels: EVERYWHERE, payload: Type.Object({ ...CaseRef }) },
  task_assigned: { channels: DESK, payload: Type.Object({ ...CaseRef, dueDate: Day }) },
  /** A letter handed to the department, which must reply by the date (来函必复). */
  letter_assigned: {
    channels: DESK,
    payload: Type.Object({
      number: Type.String({ minLength: 1, maxLength: 32 }),
      subject: Text,
      dueDate: Day,
    }),
  },
  /** A payment form (缴款书) for the case: what to pay, by when, and the code to pay it with. */
  fee_form_issued: {
    channels: EVERYWHERE,
    payload: Type.Object({
      ...CaseRef,
      formNumber: Type.String({ minLength: 1, maxLength: 32 }),
      amountFen: Fen,
      dueDate: Day,
      paymentCode: Type.String({ minLength: 1, maxLength: 32 }),
    }),
  },
  fee_refund_paid: {
    channels: EVERYWHERE,
    payload: Type.Object({
      ...CaseRef,
      formNumber: Type.String({ minLength: 1, maxLength: 32 }),
      amountFen: Fen,
    }),
  },
  /** To a complaint's reporter: accepted or not (within 15 working days), and the result. */
  complaint_accepted: { channels: EVERYWHERE, payload: Type.Object({ ...TicketRef, dueDate: Day }) },
  complaint_not_accepted: { channels: EVERYWHERE, payload: Type.Object({ ...TicketRef, reasons: List }) },
  complaint_result: {
    channels: EVERYWHERE,
    payload: Type.Object({ ...TicketRef, reply: Type.String({ minLength: 1, maxLength: 5000 }) }),
  },
  /** Advance notice to an enterprise of a registered inspection, where the items allow it. */
  inspection_notice: {
    channels: EVERYWHERE,
    payload: Type.Object({
      number: Type.String({ minLength: 1, maxLength: 32 }),
      department: Text,
      plannedDate: Day,
      items: List,
    }),
  },
  /** To the handling department: never the reporter's identity. */
  complaint_assigned: {
    channels: DESK,
    payload: Type.Object({ ...TicketRef, category: Text, dueDate: Day }),
  },
  /** A one-time code to book a hall appointment by phone; the code is scrubbed once delivered. */
  hall_code: {
    channels: ['sms'],
    payload: Type.Object({
      code: Type.String({ minLength: 4, maxLength: 8 }),
      minutes: Type.Integer({ minimum: 1, maximum: 60 }),
    }),
  },
  hall_appointment_booked: {
    channels: EVERYWHERE,
    payload: Type.Object({
      appointmentCode: Type.String({ minLength: 1, maxLength: 16 }),
      group: Text,
      groupEn: Text,
      day: Day,
      slot: Text,
    }),
  },
  /** A waiting person's number is near: this many are ahead. */
  hall_ticket_near: {
    channels: EVERYWHERE,
    payload: Type.Object({
      ...TicketRef,
      ahead: Type.Integer({ minimum: 0, maximum: 1000 }),
      group: Text,
      groupEn: Text,
    }),
  },
  /** To the applicant when a matter ends, and once more after some days if it is still unrated (好差评). */
  rating_invitation: {
    channels: EVERYWHERE,
    payload: Type.Object({ ...CaseRef, link: Type.String({ minLength: 1, maxLength: 500 }) }),
  },
  rating_reminder: {
    channels: EVERYWHERE,
    payload: Type.Object({ ...CaseRef, link: Type.String({ minLength: 1, maxLength: 500 }) }),
  },
  /** A one-time code to reset a forgotten password, to the one registered address it was asked for; scrubbed once delivered. */
  password_reset_code: {
    channels: ['sms', 'email'],
    payload: Type.Object({
      code: Type.String({ minLength: 6, maxLength: 8 }),
      minutes: Type.Integer({ minimum: 1, maximum: 60 }),
    }),
  },
  /** To the account, everywhere: its password was changed (by a reset), so a stranger's reset is noticed. */
  password_changed: {
    channels: EVERYWHERE,
    payload: Type.Object({ username: Type.String({ minLength: 1, maxLength: 64 }), at: Text }),
  },
} as const satisfies Record<string, { channels: readonly ChannelName[]; payload: TSchema }>;

export type NotificationKind = keyof typeof NOTIFICATION_KINDS;
export type PayloadOf<K extends NotificationKind> = Static<(typeof NOTIFICATION_KINDS)[K]['payload']>;

/** Kinds about a case, sent to its applicant. */
export type ApplicantKind = Exclude<
  NotificationKind,
  | 'supervision_order_opened'
  | 'supervision_order_answered'
  | 'task_assigned'
  | 'letter_assigned'
  | 'complaint_accepted'
  | 'complaint_not_accepted'
  | 'complaint_result'
  | 'complaint_assigned'
  | 'inspection_notice'
  | 'hall_code'
  | 'hall_appointment_booked'
  | 'hall_ticket_near'
  | 'password_reset_code'
  | 'password_changed'
>;

export const isKnownKind = (kind: string): kind is NotificationKind =>
  Object.hasOwn(NOTIFICATION_KINDS, kind);

/** Payload fields that must not outlive delivery: removed from the outbox row once it is settled. */
export const SECRET_PAYLOAD_FIELDS = ['checkCode', 'code'] as const;
