import { randomInt } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { AppError } from '../../server/errors.js';
import { sha256 } from '../../shared/ids.js';
import { fromJson } from '../../shared/json.js';
import { findGroup, findWindow, type GroupRow, type WindowRow } from './repository.js';
import { findTicket, type TicketRow } from './repository-tickets.js';
import type { Sessions } from './slots.js';

type Q = Kysely<Database>;

export const notFound = (resource: string, id: string) =>
  new AppError('resource_not_found', { resource, id });

export async function groupOrThrow(db: Q, id: string): Promise<GroupRow> {
  const g = await findGroup(db, id);
  if (!g) throw notFound('hall_group', id);
  return g;
}
export async function windowOrThrow(db: Q, id: string): Promise<WindowRow> {
  const w = await findWindow(db, id);
  if (!w) throw notFound('hall_window', id);
  return w;
}
export async function ticketOrThrow(db: Q, id: string): Promise<TicketRow> {
  const t = await findTicket(db, id);
  if (!t) throw notFound('hall_ticket', id);
  return t;
}

export const sessionsOf = (g: GroupRow): Sessions => fromJson<[string, string][]>(g.sessions, []);
export const itemIdsOf = (g: GroupRow): string[] => fromJson<string[]>(g.item_ids, []);
export const groupIdsOf = (w: WindowRow): string[] => fromJson<string[]>(w.group_ids, []);

/**
 * One person, however they book: by the hash of their resident ID (or credit code), so an account
 * and a phone booking with the same ID count their no-shows together; else their account.
 */
export const personKey = (idNumber: string | null | undefined, userId: string | null): string =>
  idNumber ? `id:${sha256(idNumber.trim().toUpperCase()).slice(0, 40)}` : `user:${userId}`;

// Codes read aloud and typed at a kiosk: no 0/O, 1/I/L.
const ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const appointmentCode = (): string =>
  Array.from({ length: 8 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');

/** A six-digit one-time code and the hash kept of it (bound to the code row, so hashes do not repeat). */
export const oneTimeCode = (): string => String(randomInt(1_000_000)).padStart(6, '0');
export const codeHash = (codeId: string, code: string): string => sha256(`${codeId}:${code}`);

/** A7 → "A007": the group's letter code and the day's sequence. */
export const ticketNumber = (groupCode: string, seq: number): string =>
  `${groupCode}${String(seq).padStart(3, '0')}`;

export const seconds = (fromIso: string, toIso: string): number =>
  Math.max(0, Math.round((Date.parse(toIso) - Date.parse(fromIso)) / 1000));

export const phoneTail = (phone: string) => phone.slice(-4);
