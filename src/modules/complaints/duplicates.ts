/** Likely duplicates (domain.md §7): same department and category, close in time or place, similar text. */

export interface DuplicateProbe {
  terms: string[];
  lat: number | null;
  lng: number | null;
  createdAt: string;
}

export interface DuplicateCandidate extends Omit<DuplicateProbe, 'terms'> {
  /** Its words, as a list or as the set made of them once (suggest-duplicates.ts keeps them). */
  terms: readonly string[] | ReadonlySet<string>;
  id: string;
  ticketNo: string;
  state: string;
}

/** Metres on the earth's surface (haversine); close enough at the scale of a city. */
export function metresBetween(a: { lat: number; lng: number }, b: { lat: number; lng: number }): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLng = (b.lng - a.lng) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * 6_371_000 * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Shared words over all words (Jaccard) of two segmented texts. */
export function textSimilarity(a: readonly string[], b: readonly string[]): number {
  return a.length && b.length ? similarityTo(new Set(a), b) : 0;
}

/** Jaccard of a word set made once (the probe's) with another text's words. */
function similarityTo(sa: ReadonlySet<string>, b: readonly string[] | ReadonlySet<string>): number {
  const sb = b instanceof Set ? (b as ReadonlySet<string>) : new Set(b as readonly string[]);
  if (!sa.size || !sb.size) return 0;
  let shared = 0;
  for (const t of sb) if (sa.has(t)) shared++;
  return shared / (sa.size + sb.size - shared);
}

export const NEAR_METRES = 500;
const NEAR_DAYS = 3;
const TEXT_ALONE = 0.3;
const TEXT_WHEN_NEAR = 0.1;

/**
 * Scores candidates against the probe; only likely ones are kept, best first. Text decides alone at
 * 0.3; a place within 500 m (or a report within 3 days) lowers that bar to 0.1.
 */
export function rankDuplicates(
  probe: DuplicateProbe,
  candidates: readonly DuplicateCandidate[],
  max = 5,
): { candidate: DuplicateCandidate; score: number; near: boolean }[] {
  const out = [];
  const probeWords = new Set(probe.terms);
  const probeAt = Date.parse(probe.createdAt);
  for (const c of candidates) {
    const text = similarityTo(probeWords, c.terms);
    const near =
      probe.lat !== null && probe.lng !== null && c.lat !== null && c.lng !== null
        ? metresBetween({ lat: probe.lat, lng: probe.lng }, { lat: c.lat, lng: c.lng }) <= NEAR_METRES
        : false;
    const recent = Math.abs(probeAt - Date.parse(c.createdAt)) <= NEAR_DAYS * 86_400_000;
    if (text < TEXT_ALONE && !((near || recent) && text >= TEXT_WHEN_NEAR)) continue;
    const score = Math.min(1, text + (near ? 0.2 : 0) + (recent ? 0.1 : 0));
    out.push({ candidate: c, score: Math.round(score * 100) / 100, near });
  }
  return out.sort((a, b) => b.score - a.score).slice(0, max);
}
