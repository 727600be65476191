import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { newId, sha256 } from '../../shared/ids.js';
import { canonicalJson, fromJson, toJson } from '../../shared/json.js';

const GENESIS = '0'.repeat(64);

export interface HistoryEntry {
  at: string;
  actorId: string | null;
  actorRole: string | null;
  kind: string;
  data: Record<string, unknown>;
}

/** The hash covers the entry and the one before it, so a changed or removed row breaks the chain. */
export const entryHash = (complaintId: string, seq: number, e: HistoryEntry, prev: string): string =>
  sha256(`${prev}|${canonicalJson({ complaintId, seq, ...e })}`);

/** The next link of a ticket's chain, hashed but not yet written, and the ticket's new head. */
export function nextLink(t: { id: string; last_hash: string | null; event_count: number }, e: HistoryEntry) {
  const seq = t.event_count + 1;
  const hash = entryHash(t.id, seq, e, t.last_hash ?? GENESIS);
  return {
    row: {
      id: newId(Date.parse(e.at)),
      complaint_id: t.id,
      seq,
      at: e.at,
      actor_id: e.actorId,
      actor_role: e.actorRole,
      kind: e.kind,
      data: toJson(e.data),
      hash,
    },
    head: { last_hash: hash, event_count: seq },
  };
}

export const insertLink = (db: Kysely<Database>, row: ReturnType<typeof nextLink>['row']) =>
  db.insertInto('complaint_events').values(row).execute();

/**
 * Appends to a ticket's hash-chained history (append-only) and returns the new head; the caller
 * stores it with the ticket in the same unit of work.
 */
export async function appendHistory(
  db: Kysely<Database>,
  t: { id: string; last_hash: string | null; event_count: number },
  e: HistoryEntry,
): Promise<{ last_hash: string; event_count: number }> {
  const link = nextLink(t, e);
  await insertLink(db, link.row);
  return link.head;
}

export async function historyOf(db: Kysely<Database>, complaintId: string) {
  const rows = await db
    .selectFrom('complaint_events')
    .selectAll()
    .where('complaint_id', '=', complaintId)
    .orderBy('seq')
    .execute();
  return rows.map((r) => ({ ...r, data: fromJson<Record<string, unknown>>(r.data, {}) }));
}

/** Recomputes a ticket's chain; the first broken link's sequence number, or null when intact. */
export async function verifyHistory(db: Kysely<Database>, complaintId: string): Promise<number | null> {
  let prev = GENESIS;
  for (const r of await historyOf(db, complaintId)) {
    const e = { at: r.at, actorId: r.actor_id, actorRole: r.actor_role, kind: r.kind, data: r.data };
    if (entryHash(complaintId, r.seq, e, prev) !== r.hash) return r.seq;
    prev = r.hash;
  }
  return null;
}
