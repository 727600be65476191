import type { Kysely } from 'kysely';
import type { Database, OutboxTable } from '../../db/schema.js';
import { UndeliverableError } from './errors.js';
import type { ChannelName } from './kinds.js';
import { localeOf, type Locale } from './render.js';
import { prepared } from '../../db/prepared.js';

/** A person a notice is for: their account (for the inbox) if any, their contacts, their language. */
export interface Recipient {
  userId: string | null;
  locale: Locale;
  email: string | null;
  phone: string | null;
}

/** One place to send one message: a channel, an address on it, and the language to write in. */
export interface Address {
  channel: ChannelName;
  address: string;
  locale: Locale;
}

export type OutboxTarget = Pick<
  OutboxTable,
  'recipient_type' | 'recipient_id' | 'subject_type' | 'subject_id'
>;

const STAFF: Record<string, string[]> = { department_head: ['head'], department: ['reviewer', 'head'] };

function need(id: string | null, what: string): string {
  if (!id) throw new UndeliverableError(`recipient type "${what}" needs a recipient id`);
  return id;
}

function activeUsers(db: Kysely<Database>) {
  return db
    .selectFrom('users')
    .select(['id', 'locale', 'email', 'phone'])
    .where('status', '=', 'active')
    .orderBy('id');
}
// Every applicant notice is resolved twice (expanded, then delivered): both lookups are prepared.
const caseContacts = prepared((db, caseId: string) =>
  db
    .selectFrom('cases')
    .select(['applicant_user_id', 'applicant_phone', 'applicant_email'])
    .where('id', '=', caseId),
);
const activeUser = prepared((db, id: string, status: string) =>
  db
    .selectFrom('users')
    .select(['id', 'locale', 'email', 'phone'])
    .where('id', '=', id)
    .where('status', '=', status),
);
const asRecipient = (u: {
  id: string;
  locale: string;
  email: string | null;
  phone: string | null;
}): Recipient => ({ userId: u.id, locale: localeOf(u.locale), email: u.email, phone: u.phone });

/**
 * Who an outbox row reaches, today: a user; a department's head(s); a department's reviewers and
 * heads; all supervisors; or a case's applicant (the account if there is one, else the contacts
 * given on the case). Disabled accounts are skipped.
 */
export async function resolveRecipients(
  db: Kysely<Database>,
  row: OutboxTarget,
  known?: ApplicantLookup,
): Promise<Recipient[]> {
  const type = row.recipient_type;
  if (type === 'user')
    return (await activeUsers(db).where('id', '=', need(row.recipient_id, type)).execute()).map(asRecipient);
  if (type === 'department_head' || type === 'department') {
    return (
      await activeUsers(db)
        .where('department_id', '=', need(row.recipient_id, type))
        .where('role', 'in', STAFF[type]!)
        .execute()
    ).map(asRecipient);
  }
  if (type === 'supervisors')
    return (await activeUsers(db).where('role', '=', 'supervisor').execute()).map(asRecipient);
  if (type === 'applicant') return applicantOf(db, row, known);
  if (type === 'complainant') return complainantOf(db, need(row.recipient_id, type));
  if (type === 'hall_visitor') return hallVisitorOf(db, row.subject_type, need(row.recipient_id, type));
  if (type === 'account_holder') return accountHolderOf(db, need(row.recipient_id, type));
  throw new UndeliverableError(`unknown recipient type "${type.slice(0, 40)}"`);
}

const applicantCaseId = (row: OutboxTarget) =>
  row.recipient_id ?? (row.subject_type === 'case' ? row.subject_id : null);

type CaseContact = {
  applicant_user_id: string | null;
  applicant_phone: string | null;
  applicant_email: string | null;
};
type UserContact = { id: string; locale: string; email: string | null; phone: string | null };

/** The applicants of a batch of outbox rows, read with two queries instead of two per row. */
export interface ApplicantLookup {
  /** Case ids looked up (found or not). */
  asked: Set<string>;
  cases: Map<string, CaseContact>;
  /** Active accounts among those cases' applicants. */
  users: Map<string, UserContact>;
}

const CHUNK = 500;
export async function lookUpApplicants(
  db: Kysely<Database>,
  rows: readonly OutboxTarget[],
): Promise<ApplicantLookup> {
  const asked = new Set(
    rows
      .filter((r) => r.recipient_type === 'applicant')
      .map(applicantCaseId)
      .filter((id): id is string => !!id),
  );
  const cases = new Map<string, CaseContact>();
  const users = new Map<string, UserContact>();
  const ids = [...asked];
  for (let i = 0; i < ids.length; i += CHUNK) {
    for (const c of await db
      .selectFrom('cases')
      .select(['id', 'applicant_user_id', 'applicant_phone', 'applicant_email'])
      .where('id', 'in', ids.slice(i, i + CHUNK))
      .execute())
      cases.set(c.id, c);
  }
  const userIds = [
    ...new Set([...cases.values()].map((c) => c.applicant_user_id).filter((id): id is string => !!id)),
  ];
  for (let i = 0; i < userIds.length; i += CHUNK) {
    for (const u of await activeUsers(db)
      .where('id', 'in', userIds.slice(i, i + CHUNK))
      .execute())
      users.set(u.id, u);
  }
  return { asked, cases, users };
}

async function applicantOf(
  db: Kysely<Database>,
  row: OutboxTarget,
  known?: ApplicantLookup,
): Promise<Recipient[]> {
  const caseId = applicantCaseId(row);
  if (!caseId) throw new UndeliverableError('an applicant notice needs the case id (subject type "case")');
  const c = known?.asked.has(caseId) ? known.cases.get(caseId) : (await caseContacts(db, caseId))[0];
  if (!c) throw new UndeliverableError(`case ${caseId} does not exist`);
  const user = !c.applicant_user_id
    ? undefined
    : known?.asked.has(caseId)
      ? known.users.get(c.applicant_user_id)
      : (await activeUser(db, c.applicant_user_id, 'active'))[0];
  if (!user && !c.applicant_phone && !c.applicant_email) return [];
  return [
    {
      userId: user?.id ?? null,
      locale: localeOf(user?.locale),
      email: user?.email || c.applicant_email,
      phone: user?.phone || c.applicant_phone,
    },
  ];
}

/**
 * A complaint's reporter: the account, else the contacts given with the report. An anonymous
 * reporter gave none and is reached by tracking only.
 */
async function complainantOf(db: Kysely<Database>, complaintId: string): Promise<Recipient[]> {
  const t = await db
    .selectFrom('complaints')
    .select(['reporter_user_id', 'reporter_phone', 'reporter_email'])
    .where('id', '=', complaintId)
    .executeTakeFirst();
  if (!t) throw new UndeliverableError(`complaint ${complaintId} does not exist`);
  const user = t.reporter_user_id ? (await activeUser(db, t.reporter_user_id, 'active'))[0] : undefined;
  if (!user && !t.reporter_phone && !t.reporter_email) return [];
  return [
    {
      userId: user?.id ?? null,
      locale: localeOf(user?.locale),
      email: user?.email || t.reporter_email,
      phone: user?.phone || t.reporter_phone,
    },
  ];
}

/**
 * A person in the hall: the phone a booking code goes to, or an appointment's or a queue ticket's
 * account and phone. Nobody given neither is reached on the ticket's page only.
 */
async function hallVisitorOf(db: Kysely<Database>, subjectType: string, id: string): Promise<Recipient[]> {
  const table =
    subjectType === 'hall_code'
      ? 'hall_codes'
      : subjectType === 'hall_appointment'
        ? 'hall_appointments'
        : subjectType === 'hall_ticket'
          ? 'hall_tickets'
          : undefined;
  if (!table)
    throw new UndeliverableError(`a hall visitor notice needs a hall subject, not "${subjectType}"`);
  const row =
    table === 'hall_codes'
      ? await db.selectFrom('hall_codes').select(['phone']).where('id', '=', id).executeTakeFirst()
      : await db.selectFrom(table).select(['phone', 'user_id']).where('id', '=', id).executeTakeFirst();
  if (!row) throw new UndeliverableError(`${subjectType} ${id} does not exist`);
  const userId = 'user_id' in row ? row.user_id : null;
  const user = userId ? (await activeUser(db, userId, 'active'))[0] : undefined;
  if (!user && !row.phone) return [];
  return [
    {
      userId: user?.id ?? null,
      locale: localeOf(user?.locale),
      email: user?.email ?? null,
      phone: row.phone || user?.phone || null,
    },
  ];
}

/**
 * A password reset's code goes to the one registered address it was asked for (the phone or the
 * email), never to the inbox: whoever asks is not signed in. Written in the account's language.
 */
async function accountHolderOf(db: Kysely<Database>, resetId: string): Promise<Recipient[]> {
  const r = await db
    .selectFrom('password_resets')
    .innerJoin('users', 'users.id', 'password_resets.user_id')
    .select(['password_resets.channel', 'password_resets.address', 'users.locale', 'users.status'])
    .where('password_resets.id', '=', resetId)
    .executeTakeFirst();
  if (!r) throw new UndeliverableError(`password reset ${resetId} does not exist`);
  if (r.status !== 'active') return [];
  return [
    {
      userId: null,
      locale: localeOf(r.locale),
      email: r.channel === 'email' ? r.address : null,
      phone: r.channel === 'sms' ? r.address : null,
    },
  ];
}

/** Mainland mobile numbers only (SMS cannot reach a landline): +86 and separators removed. */
export function mobileNumber(phone: string | null): string | null {
  const digits = phone?.replace(/[\s-]/g, '').replace(/^(?:\+?86)(?=1\d{10}$)/, '');
  return digits && /^1[3-9]\d{9}$/.test(digits) ? digits : null;
}
const emailAddress = (email: string | null): string | null =>
  email && /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email.trim()) ? email.trim() : null;

/** Every (channel, address) the recipients can be reached at, once each, in the given channels. */
export function addressesFor(recipients: Recipient[], channels: readonly ChannelName[]): Address[] {
  const out = new Map<string, Address>();
  for (const r of recipients) {
    const at: Record<ChannelName, string | null> = {
      inbox: r.userId,
      email: emailAddress(r.email),
      sms: mobileNumber(r.phone),
    };
    for (const channel of channels) {
      const address = at[channel];
      const key = `${channel}|${address?.toLowerCase()}`;
      if (address && !out.has(key)) out.set(key, { channel, address, locale: r.locale });
    }
  }
  return [...out.values()];
}
