// Checks a downloaded case history offline, by the recipe published in
// docs/history-verification.md; `onewindow history verify FILE` prints what this finds.

import { Value } from '@sinclair/typebox/value';
import { GENESIS, eventHashV1, globalHash, publicEventHash } from './event-hash.js';
import { HistoryDownload, type HistoryDownloadT, type HistoryEventT } from './schemas-history.js';

export type HistoryCheck =
  | { ok: true; events: number; latestHash: string; head: HistoryDownloadT['globalHead'] }
  | { ok: false; seq: number | null; reason: string };

/** The event's hash recomputed by its recipe, or why it cannot be. */
function recompute(h: HistoryDownloadT, e: HistoryEventT): string | { error: string } {
  if (e.v === 1) {
    if (e.actorId === undefined) return { error: 'a version 1 event needs its actorId' };
    return eventHashV1(
      {
        caseId: h.caseId,
        seq: e.seq,
        globalSeq: e.globalSeq,
        at: e.at,
        actorId: e.actorId,
        actorRole: e.actorRole,
        kind: e.kind,
        data: e.data,
      },
      e.prevHash,
    );
  }
  if (e.v === 2) {
    if (e.commitment === undefined) return { error: 'a version 2 event needs its commitment' };
    const p = { caseId: h.caseId, seq: e.seq, at: e.at, actorRole: e.actorRole, kind: e.kind };
    return publicEventHash({ ...p, data: e.data, commitment: e.commitment }, e.prevHash);
  }
  return { error: `no recipe for hash version ${e.v}` };
}

/** Every link of the case's chain, each event's link in the global chain, and the head it names. */
export function verifyHistory(file: unknown): HistoryCheck {
  if (!Value.Check(HistoryDownload, file)) {
    const first = Value.Errors(HistoryDownload, file).First();
    return {
      ok: false,
      seq: null,
      reason: `not a case history download: ${first ? `${first.path || '/'} ${first.message}` : 'wrong shape'}`,
    };
  }
  const h = file;
  const broken = (e: HistoryEventT | null, reason: string): HistoryCheck => ({
    ok: false,
    seq: e?.seq ?? null,
    reason: e ? `event ${e.seq} (${e.kind}): ${reason}` : reason,
  });
  let prev: HistoryEventT | undefined;
  for (const [i, e] of h.events.entries()) {
    if (e.seq !== i + 1) return broken(e, `expected event ${i + 1} here (one is missing or out of order)`);
    if (e.prevHash !== (prev?.hash ?? GENESIS))
      return broken(e, 'prevHash is not the hash of the event before (an event was removed or changed)');
    const hash = recompute(h, e);
    if (typeof hash !== 'string') return broken(e, hash.error);
    if (hash !== e.hash) return broken(e, 'its content does not match its hash (altered)');
    if (
      globalHash({ globalSeq: e.globalSeq, caseId: h.caseId, seq: e.seq }, e.hash, e.globalPrevHash) !==
      e.globalHash
    )
      return broken(e, 'its link in the global chain does not match globalHash');
    if (prev && e.globalSeq <= prev.globalSeq)
      return broken(e, 'its global sequence does not follow the event before');
    if (prev && e.globalSeq === prev.globalSeq + 1 && e.globalPrevHash !== prev.globalHash)
      return broken(e, 'globalPrevHash is not the global hash of the event before');
    if (e.globalSeq > h.globalHead.height)
      return broken(e, 'it lies beyond the global head it was read with');
    prev = e;
  }
  if (h.eventCount !== h.events.length)
    return broken(null, `the file says ${h.eventCount} events but holds ${h.events.length}`);
  if (h.latestHash !== (prev?.hash ?? GENESIS))
    return broken(null, 'latestHash is not the hash of the last event (events removed at the end?)');
  if (prev && prev.globalSeq === h.globalHead.height && prev.globalHash !== h.globalHead.hash)
    return broken(prev, 'it is the global head, but the head hash differs');
  return { ok: true, events: h.events.length, latestHash: h.latestHash, head: h.globalHead };
}
