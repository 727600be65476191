import { searchTokens } from './segmenter.js';

export type SynonymMap = ReadonlyMap<string, readonly string[]>;

/**
 * What to look up for a plain-language need, each term with how much it counts: the words of the
 * query (1), and the administrator's synonyms of any word or phrase the query contains (0.8 for the
 * synonym phrase, 0.6 for its words).
 */
export function queryTerms(query: string, synonyms: SynonymMap): Map<string, number> {
  const q = query.normalize('NFKC').trim().toLowerCase();
  const out = new Map<string, number>();
  const add = (t: string, w: number) => {
    const k = t.trim().toLowerCase();
    if (k && (out.get(k) ?? 0) < w) out.set(k, w);
  };
  const tokens = searchTokens(q);
  add(q, 1);
  for (const t of tokens) add(t, 1);
  for (const [term, syns] of synonyms) {
    if (!q.includes(term)) continue;
    for (const s of syns) {
      add(s, 0.8);
      for (const t of searchTokens(s)) add(t, 0.6);
    }
  }
  return out;
}

export interface TermHit {
  item_id: string;
  code: string;
  term: string;
  weight: number;
}

/**
 * Scores items by Σ query weight × field weight × idf. Computed here rather than in SQL so that
 * both databases give the same ranking, to the last tie (ties break by item code).
 */
export function rankItems(hits: TermHit[], qTerms: ReadonlyMap<string, number>, totalItems: number) {
  const sorted = [...hits].sort((a, b) =>
    a.term < b.term ? -1 : a.term > b.term ? 1 : a.code < b.code ? -1 : a.code > b.code ? 1 : 0,
  );
  const df = new Map<string, number>();
  for (const h of sorted) df.set(h.term, (df.get(h.term) ?? 0) + 1);
  const scores = new Map<string, { id: string; code: string; score: number; matched: string[] }>();
  for (const h of sorted) {
    const idf = Math.log(1 + Math.max(totalItems, 1) / df.get(h.term)!);
    const s = scores.get(h.item_id) ?? { id: h.item_id, code: h.code, score: 0, matched: [] };
    s.score += (qTerms.get(h.term) ?? 0) * h.weight * idf;
    s.matched.push(h.term);
    scores.set(h.item_id, s);
  }
  return [...scores.values()].sort((a, b) => b.score - a.score || (a.code < b.code ? -1 : 1));
}
