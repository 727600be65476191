import { searchQueryTerms } from '../catalogue/catalogue-reads.js';
import { localDate } from '../clock/local-time.js';
import type { DisclosureDeps } from './disclosure-deps.js';
import { rankDocuments } from './document-terms.js';
import { documentSummary } from './presenter.js';
import {
  countDocumentRows,
  countDocuments,
  documentIdsIn,
  listDocumentRows,
  termHits,
} from './repository.js';

/**
 * The library, public: newest first, or searched by plain words ("低保 审核"), segmented by the
 * catalogue's jieba and widened by its synonyms, ranked by weight × idf. Each document says how it
 * stands today (an expired one says expired). A page is `limit` documents after `offset`, with the
 * total: both orders are total (ties broken by id), so paging neither repeats nor skips a document.
 */
export async function searchDocuments(
  deps: DisclosureDeps,
  q: { q?: string; status?: string; limit: number; offset?: number },
) {
  const today = localDate(deps.clock.now());
  const query = q.q?.trim() ?? '';
  const page = { offset: q.offset ?? 0, limit: q.limit };
  const status = q.status ? { status: q.status } : {};
  if (!query) {
    const [rows, total] = await Promise.all([
      listDocumentRows(deps.db, { ...status, ...page }),
      countDocumentRows(deps.db, status),
    ]);
    return { today, terms: [], items: rows.map((r) => documentSummary(r, today)), total, ...page };
  }
  const terms = await searchQueryTerms(deps.db, query);
  const [hits, all, inStatus] = await Promise.all([
    termHits(deps.db, [...terms.keys()]),
    countDocuments(deps.db),
    q.status ? documentIdsIn(deps.db, q.status) : null,
  ]);
  // Every term row names a document (a foreign key), so the ranking is the whole result.
  const ranked = rankDocuments(hits, terms, all).filter((r) => !inStatus || inStatus.has(r.id));
  const shown = ranked.slice(page.offset, page.offset + page.limit);
  const rows = await listDocumentRows(deps.db, { ids: shown.map((r) => r.id) });
  const byId = new Map(rows.map((r) => [r.id, r]));
  return {
    today,
    terms: [...terms.keys()],
    items: shown.flatMap((r) => {
      const row = byId.get(r.id);
      return row
        ? [{ ...documentSummary(row, today), score: Math.round(r.score * 100) / 100, matched: r.matched }]
        : [];
    }),
    total: ranked.length,
    ...page,
  };
}
