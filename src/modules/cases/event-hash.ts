// The recipes of a case event's hash and of its link in the global chain, as published in
// docs/history-verification.md. Pure and import-light: the server, `onewindow audit verify` and the
// applicant's verifier (`onewindow history verify`) all hash with these, so they cannot drift.

import { sha256 } from '../../shared/ids.js';
import { canonicalJson } from '../../shared/json.js';

export const GENESIS = '0'.repeat(64);
/** The recipe new events are hashed with. */
export const CURRENT_HASH_VERSION = 2;

/**
 * The fields of an event's data that name or describe a person (a delivery's recipient, the staff
 * of a site verification, free-text reasons and notes). From version 2 they are hashed only
 * through the commitment, with the actor's id. The list is part of the version 2 recipe: events
 * already hashed would split differently under another list, so a change needs a version 3.
 */
export const PERSONAL_DATA_KEYS = ['note', 'reason', 'recipient', 'staff'] as const;

export interface ChainedEvent {
  caseId: string;
  seq: number;
  globalSeq: number;
  at: string;
  actorId: string | null;
  actorRole: string | null;
  kind: string;
  data: Record<string, unknown>;
}

/** An event as anyone may see it: the personal fields replaced by their commitment. */
export interface PublicEvent {
  caseId: string;
  seq: number;
  at: string;
  actorRole: string | null;
  kind: string;
  data: Record<string, unknown>;
  commitment: string;
}

const isPersonal = (k: string) => (PERSONAL_DATA_KEYS as readonly string[]).includes(k);

/** The event's data without its personal fields, and the personal fields (with the actor's id) apart. */
export function splitPersonal(e: Pick<ChainedEvent, 'actorId' | 'data'>): {
  data: Record<string, unknown>;
  personal: { actorId: string | null; data: Record<string, unknown> };
} {
  const data: Record<string, unknown> = {};
  const personalData: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(e.data)) (isPersonal(k) ? personalData : data)[k] = v;
  return { data, personal: { actorId: e.actorId, data: personalData } };
}

/** SHA-256 of salt, "|", and the canonical JSON of the personal fields: binds them without showing them. */
export const commitment = (salt: string, personal: unknown): string =>
  sha256(`${salt}|${canonicalJson(personal)}`);

/** Version 1: the content in the clear, after the hash before it. */
export const eventHashV1 = (e: ChainedEvent, prev: string): string =>
  sha256(
    `${prev}|${canonicalJson({ caseId: e.caseId, seq: e.seq, at: e.at, actorId: e.actorId, actorRole: e.actorRole, kind: e.kind, data: e.data })}`,
  );

/** Version 2: the public content and the commitment to the personal fields, after the hash before it. */
export const publicEventHash = (e: PublicEvent, prev: string): string =>
  sha256(
    `${prev}|${canonicalJson({ v: 2, caseId: e.caseId, seq: e.seq, at: e.at, actorRole: e.actorRole, kind: e.kind, data: e.data, commitment: e.commitment })}`,
  );

/** The public form of an event hashed with version 2 and this salt. */
export function publicEvent(e: ChainedEvent, salt: string): PublicEvent {
  const { data, personal } = splitPersonal(e);
  return {
    caseId: e.caseId,
    seq: e.seq,
    at: e.at,
    actorRole: e.actorRole,
    kind: e.kind,
    data,
    commitment: commitment(salt, personal),
  };
}

/** An event's hash by the recipe it was written with; version 2 needs the event's salt. */
export function eventHash(e: ChainedEvent, prev: string, version: number, salt: string | null): string {
  if (version === 1) return eventHashV1(e, prev);
  if (version === 2 && salt !== null) return publicEventHash(publicEvent(e, salt), prev);
  throw new Error(`no recipe for hash version ${version}${salt === null ? ' without a salt' : ''}`);
}

/** The event's link in the one chain across all cases: covers no personal field in any version. */
export const globalHash = (
  e: Pick<ChainedEvent, 'globalSeq' | 'caseId' | 'seq'>,
  caseHash: string,
  prev: string,
): string => sha256(`${prev}|${e.globalSeq}|${e.caseId}|${e.seq}|${caseHash}`);
