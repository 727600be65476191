import { searchQueryTerms } from '../catalogue/catalogue-reads.js';
import { localDate } from '../clock/local-time.js';
import type { DisclosureDeps } from './disclosure-deps.js';
import { rankDocuments } from './document-terms.js';
import { documentSummary } from './presenter.js';
import { countDocuments, listDocumentRows, termHits } from './repository.js';

/**
 * The library, public: newest first, or searched by plain words ("低保 审核"), segmented by the
 * catalogue's jieba and widened by its synonyms, ranked by weight × idf. Each document says how it
 * stands today (an expired one says expired).
 */
export async function searchDocuments(
  deps: DisclosureDeps,
  q: { q?: string; status?: string; limit: number },
) {
  const today = localDate(deps.clock.now());
  const query = q.q?.trim() ?? '';
  if (!query) {
    const rows = await listDocumentRows(deps.db, { ...(q.status ? { status: q.status } : {}) });
    return { today, terms: [], items: rows.slice(0, q.limit).map((r) => documentSummary(r, today)) };
  }
  const terms = await searchQueryTerms(deps.db, query);
  const [hits, total] = await Promise.all([termHits(deps.db, [...terms.keys()]), countDocuments(deps.db)]);
  const ranked = rankDocuments(hits, terms, total);
  const rows = await listDocumentRows(deps.db, {
    ids: ranked.map((r) => r.id),
    ...(q.status ? { status: q.status } : {}),
  });
  const byId = new Map(rows.map((r) => [r.id, r]));
  return {
    today,
    terms: [...terms.keys()],
    items: ranked
      .flatMap((r) => {
        const row = byId.get(r.id);
        return row
          ? [{ ...documentSummary(row, today), score: Math.round(r.score * 100) / 100, matched: r.matched }]
          : [];
      })
      .slice(0, q.limit),
  };
}
