import { Type, type Static } from '@sinclair/typebox';
import { Nullable } from '../../shared/schema-helpers.js';

const Hash = Type.String({ pattern: '^[0-9a-f]{64}$', description: 'SHA-256, 64 lowercase hex digits' });

/** The head of the one chain across all cases: publishing it ties every case's history to it. */
export const ChainHead = Type.Object({
  height: Type.Integer({ minimum: 0, description: 'events in the global chain (the last global sequence)' }),
  hash: Hash,
  at: Nullable(Type.String({ description: 'when the last event was written' })),
  checkedAt: Type.String({ description: 'when this answer was read' }),
});
export type ChainHeadT = Static<typeof ChainHead>;

/** One event exactly as its hash covers it, personal fields replaced by their commitment (version 2). */
export const HistoryEvent = Type.Object({
  v: Type.Integer({ minimum: 1, description: 'the hash recipe (docs/history-verification.md)' }),
  seq: Type.Integer({ minimum: 1 }),
  globalSeq: Type.Integer({ minimum: 1 }),
  at: Type.String(),
  actorRole: Nullable(Type.String()),
  kind: Type.String(),
  data: Type.Record(Type.String(), Type.Unknown(), { description: 'the public fields of the event' }),
  commitment: Type.Optional(Hash),
  personalFields: Type.Optional(
    Type.Array(Type.String(), { description: 'what the commitment covers (informative, not hashed)' }),
  ),
  actorId: Type.Optional(
    Nullable(Type.String({ description: 'version 1 only: its hash covers the actor id in the clear' })),
  ),
  prevHash: Hash,
  hash: Hash,
  globalPrevHash: Hash,
  globalHash: Hash,
});
export type HistoryEventT = Static<typeof HistoryEvent>;

/** A case's history as the applicant downloads it: everything needed to check it offline. */
export const HistoryDownload = Type.Object({
  format: Type.Literal('onewindow.case-history'),
  formatVersion: Type.Literal(1),
  recipe: Type.String({ description: 'where the hash recipe is published' }),
  receiptNo: Type.String(),
  caseId: Type.String(),
  downloadedAt: Type.String(),
  latestHash: Hash,
  eventCount: Type.Integer({ minimum: 0 }),
  globalHead: ChainHead,
  events: Type.Array(HistoryEvent),
});
export type HistoryDownloadT = Static<typeof HistoryDownload>;
