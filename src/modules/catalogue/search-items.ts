import type { Db } from '../../db/database.js';
import { fromJson } from '../../shared/json.js';
import { countPublished, listSynonymRows, searchTermRows } from './repository.js';
import { queryTerms, rankItems } from './search/query-terms.js';
import { searchTokens } from './search/segmenter.js';
import { listItems } from './list-items.js';

/**
 * Plain-language search: "我想开餐馆" → 食品经营许可. Jieba segmentation of the query, the
 * administrator's synonyms, and a weighted term index built when an item is published.
 */
export async function searchItems(db: Db, query: string, limit: number) {
  const synonyms = new Map(
    (await listSynonymRows(db)).map((r) => [r.term.toLowerCase(), fromJson<string[]>(r.synonyms, [])]),
  );
  const terms = queryTerms(query, synonyms);
  const [hits, counts] = await Promise.all([searchTermRows(db, [...terms.keys()]), countPublished(db)]);
  const total = counts.byType.reduce((s, r) => s + r.n, 0);
  const ranked = rankItems(hits, terms, total).slice(0, limit);
  const bundles = await matchBundles(db, query, terms);
  if (ranked.length === 0) return { query, terms: [...terms.keys()], items: [], bundles };
  // Fetch summaries of just the ranked items, keeping the ranking's order.
  const { items } = await listItems(db, { ids: ranked.map((r) => r.id), limit: ranked.length, offset: 0 });
  const byId = new Map(items.map((i) => [i.id, i]));
  return {
    query,
    terms: [...terms.keys()],
    bundles,
    items: ranked.flatMap((r) => {
      const s = byId.get(r.id);
      return s ? [{ ...s, score: Math.round(r.score * 100) / 100, matched: [...new Set(r.matched)] }] : [];
    }),
  };
}

/** Bundles (一件事) whose name or keywords the need mentions, best first. */
async function matchBundles(db: Db, query: string, terms: Map<string, number>) {
  const q = query.normalize('NFKC').toLowerCase();
  const rows = await db
    .selectFrom('bundles')
    .select(['id', 'code', 'name', 'name_en', 'keywords', 'committed_days'])
    .where('status', '=', 'published')
    .execute();
  return rows
    .map((b) => {
      const words = [b.name, ...fromJson<string[]>(b.keywords, [])].map((w) => w.toLowerCase());
      // The English name's words, in the form the query's own English words take.
      const english = new Set(b.name_en ? searchTokens(b.name_en) : []);
      const score =
        words.reduce(
          (s, w) =>
            s +
            (q.includes(w) ? 3 : 0) +
            [...terms.keys()].filter((t) => t.length > 1 && w.includes(t)).length,
          0,
        ) + [...terms.keys()].filter((t) => english.has(t)).length;
      return {
        id: b.id,
        code: b.code,
        name: b.name,
        nameEn: b.name_en,
        committedDays: b.committed_days,
        score,
      };
    })
    .filter((b) => b.score > 0)
    .sort((a, b) => b.score - a.score || (a.code < b.code ? -1 : 1))
    .slice(0, 3);
}
