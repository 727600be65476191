import { fuzzCases, type FuzzCase } from './fuzz-cases.js';
import { routesOf, type OpenApiDocument } from './openapi-routes.js';
import { identityHeaders, type Identity, type Send } from './transport.js';
import type { IdPool } from './sample-value.js';

export interface FuzzOptions {
  /** At most this many requests. */
  maxRequests: number;
  /** Stop starting requests after this many milliseconds. */
  maxMs: number;
  /** Requests in flight at once. */
  concurrency: number;
  /** Seed of the order (a fixed order for a given document and seed). */
  seed: number;
  /** Real ids by collection, put into id parameters, so lookups find rows too. */
  ids: IdPool;
}

export interface FuzzFigures {
  routes: number;
  cases: number;
  requests: number;
  unsent: number;
  '2xx': number;
  '3xx': number;
  '4xx': number;
  '5xx': number;
  nonProblem: number;
  wrongLanguage: number;
}

export interface FuzzFailure {
  why: string;
  request: string;
  who: string;
  status: number;
  body: string;
}

const LANGS = ['zh-CN', 'en'] as const;
const CJK = /[\u4e00-\u9fff]/;

/**
 * Sends the fuzz cases of every route in the document as every identity, in a seeded order, bounded
 * in count and time. A pass is no 5xx, and every 4xx a problem+json whose detail is in the language
 * asked for (Chinese characters for zh-CN; for en, text that starts in Latin letters).
 */
export async function runFuzz(
  send: Send,
  doc: OpenApiDocument,
  identities: Identity[],
  opts: FuzzOptions,
): Promise<{ figures: FuzzFigures; failures: FuzzFailure[] }> {
  // Logging out would end the session the rest of the run uses.
  const routes = routesOf(doc).filter((r) => r.path !== '/api/v1/auth/logout');
  const cases = routes.flatMap((r) => fuzzCases(doc, r, opts.ids));
  const random = mulberry32(opts.seed);
  const plan = cases.flatMap((c) => identities.map((who) => ({ c, who })));
  shuffle(plan, random);
  const figures: FuzzFigures = {
    routes: routes.length,
    cases: cases.length,
    requests: 0,
    unsent: 0,
    '2xx': 0,
    '3xx': 0,
    '4xx': 0,
    '5xx': 0,
    nonProblem: 0,
    wrongLanguage: 0,
  };
  const failures: FuzzFailure[] = [];
  const started = performance.now();
  let next = 0;
  const worker = async () => {
    while (next < Math.min(plan.length, opts.maxRequests) && performance.now() - started < opts.maxMs) {
      const i = next++;
      const { c, who } = plan[i]!;
      const lang = LANGS[i % 2]!;
      let res;
      try {
        res = await send({
          method: c.route.method,
          url: c.url,
          headers: { ...c.headers, ...identityHeaders(who, c.route.method), 'accept-language': lang },
          ...(c.body !== undefined ? { body: c.body } : {}),
        });
      } catch {
        figures.unsent++;
        continue;
      }
      figures.requests++;
      const cls = `${Math.floor(res.status / 100)}xx` as '2xx';
      if (cls in figures) figures[cls]++;
      const why = judge(res, lang, c.route.path.startsWith('/open311/'));
      if (!why) continue;
      if (why === 'not problem+json' || why === 'not an Open311 error list') figures.nonProblem++;
      else if (why !== '5xx') figures.wrongLanguage++;
      if (failures.length < 50)
        failures.push({
          why,
          request: describe(c),
          who: who.name,
          status: res.status,
          body: res.body.slice(0, 300),
        });
    }
  };
  await Promise.all(Array.from({ length: opts.concurrency }, worker));
  return { figures, failures };
}

/**
 * Every error is problem+json in the asked language; under /open311/v2 it is GeoReport v2's own error
 * list instead ([{code, description}] in JSON, <errors><error> in XML), the description in that
 * language, except for refusals made before any route is found.
 */
function judge(
  res: { status: number; headers: Record<string, string>; body: string },
  lang: string,
  open311: boolean,
) {
  if (res.status >= 500) return '5xx';
  if (res.status < 400) return undefined;
  let detail = '';
  // (what is refused before a route is found, an over-long path say, is problem+json there too)
  const listed = open311
    ? open311Description(res.body, res.headers['content-type'] ?? '', res.status)
    : undefined;
  if (listed !== undefined) detail = listed;
  else if (open311 && !/^application\/problem\+json/.test(res.headers['content-type'] ?? ''))
    return 'not an Open311 error list';
  else {
    if (!/^application\/problem\+json/.test(res.headers['content-type'] ?? '')) return 'not problem+json';
    try {
      detail = String((JSON.parse(res.body) as { detail?: unknown }).detail ?? '');
    } catch {
      return 'not problem+json';
    }
  }
  if (res.headers['content-language'] !== lang) return `content-language is not ${lang}`;
  if (lang === 'zh-CN' ? !CJK.test(detail) : !/^[A-Za-z"]/.test(detail) || CJK.test(detail.slice(0, 8)))
    return `detail is not in ${lang}`;
  return undefined;
}

/** The description of an Open311 error list whose code is the status, or undefined if it is not one. */
function open311Description(body: string, type: string, status: number): string | undefined {
  if (/xml/.test(type)) {
    const m =
      /^<\?xml[^>]*\?><errors><error><code>(\d+)<\/code><description>([^<]*)<\/description><\/error><\/errors>$/.exec(
        body,
      );
    return m && Number(m[1]) === status ? m[2] : undefined;
  }
  try {
    const list = JSON.parse(body) as { code?: unknown; description?: unknown }[];
    const first = Array.isArray(list) ? list[0] : undefined;
    return first && first.code === status && typeof first.description === 'string'
      ? first.description
      : undefined;
  } catch {
    return undefined;
  }
}

const describe = (c: FuzzCase) => `${c.route.method} ${c.url.slice(0, 120)} (${c.label})`;

/** A small seeded generator: the same seed gives the same order on every run. */
function mulberry32(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffle<T>(a: T[], random: () => number) {
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [a[i], a[j]] = [a[j]!, a[i]!];
  }
}
