import { searchTokens } from '../catalogue/catalogue-reads.js';

/** Weights: the title says most, then the number people quote, the issuer, the interpretation, the text. */
const W = { wholeTitle: 30, title: 10, docNo: 20, issuer: 4, interpretation: 2, body: 1 };

/**
 * The terms under which a document is found, each with its strongest weight: the catalogue's jieba
 * search-mode words (the same segmenter and synonyms as the service guide's search).
 */
export function documentTerms(d: {
  title: string;
  docNo: string;
  issuer: string;
  body: string;
  interpretation: string | null;
}): Map<string, number> {
  const terms = new Map<string, number>();
  const add = (t: string, w: number) => {
    const k = t.normalize('NFKC').trim().toLowerCase();
    if (k && k.length <= 100 && (terms.get(k) ?? 0) < w) terms.set(k, w);
  };
  const bare = d.title.replace(/^《|》$/g, '');
  add(bare, W.wholeTitle);
  for (const t of searchTokens(bare)) add(t, W.title);
  add(d.docNo, W.docNo);
  for (const t of searchTokens(d.docNo)) add(t, W.docNo / 2);
  add(d.issuer, W.issuer);
  for (const t of searchTokens(d.issuer)) add(t, W.issuer);
  for (const t of searchTokens(d.interpretation ?? '')) add(t, W.interpretation);
  for (const t of searchTokens(d.body)) add(t, W.body);
  return terms;
}

/**
 * Scores documents by Σ query weight × field weight × idf, in application code so both databases
 * rank alike; ties break by document number.
 */
export function rankDocuments(
  hits: { document_id: string; term: string; weight: number }[],
  qTerms: ReadonlyMap<string, number>,
  total: number,
): { id: string; score: number; matched: string[] }[] {
  const df = new Map<string, number>();
  for (const h of hits) df.set(h.term, (df.get(h.term) ?? 0) + 1);
  const scores = new Map<string, { id: string; score: number; matched: string[] }>();
  for (const h of hits) {
    const idf = Math.log(1 + Math.max(total, 1) / df.get(h.term)!);
    const s = scores.get(h.document_id) ?? { id: h.document_id, score: 0, matched: [] };
    s.score += (qTerms.get(h.term) ?? 0) * h.weight * idf;
    s.matched.push(h.term);
    scores.set(h.document_id, s);
  }
  return [...scores.values()]
    .map((s) => ({ ...s, matched: [...new Set(s.matched)].sort() }))
    .sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1));
}
