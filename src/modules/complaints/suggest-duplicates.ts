import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { rankDuplicates, type DuplicateProbe } from './duplicates.js';
import { duplicateCandidates } from './repository.js';

export interface DuplicateSuggestion {
  id: string;
  ticketNo: string;
  state: string;
  score: number;
  near: boolean;
}

/**
 * The word sets of recent tickets, made once from the words stored with each ticket at its intake
 * (a ticket's words never change): every new ticket is compared with up to DUPLICATE_CANDIDATES of
 * them. Bounded; the oldest entries go first.
 */
const wordSets = new Map<string, ReadonlySet<string>>();
const MAX_WORD_SETS = 20_000;
function wordsOf(id: string, terms: string | null): ReadonlySet<string> {
  let w = wordSets.get(id);
  if (!w) {
    w = new Set(terms ? terms.split(' ') : []);
    if (wordSets.size >= MAX_WORD_SETS) wordSets.delete(wordSets.keys().next().value!);
    wordSets.set(id, w);
  }
  return w;
}

/** The likely duplicates of a (new or existing) ticket among recent ones of its department and category. */
export async function suggestDuplicates(
  db: Kysely<Database>,
  probe: DuplicateProbe & { departmentId: string; categoryCode: string; excludeId: string | null },
  windowDays: number,
): Promise<DuplicateSuggestion[]> {
  const since = new Date(Date.parse(probe.createdAt) - windowDays * 86_400_000).toISOString();
  const rows = await duplicateCandidates(db, {
    departmentId: probe.departmentId,
    categoryCode: probe.categoryCode,
    sinceIso: since,
    excludeId: probe.excludeId,
  });
  const ranked = rankDuplicates(
    probe,
    rows.map((r) => ({
      id: r.id,
      ticketNo: r.ticket_no,
      state: r.state,
      terms: wordsOf(r.id, r.terms),
      lat: r.lat,
      lng: r.lng,
      createdAt: r.created_at,
    })),
  );
  return ranked.map((r) => ({
    id: r.candidate.id,
    ticketNo: r.candidate.ticketNo,
    state: r.candidate.state,
    score: r.score,
    near: r.near,
  }));
}
