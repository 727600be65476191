import { idsFor, sampleValue, type IdPool } from './sample-value.js';
import { urlOf, type OpenApiDocument, type Param, type Route } from './openapi-routes.js';

/** One request the fuzzer sends, before an identity and a language are given to it. */
export interface FuzzCase {
  route: Route;
  /** What was made hostile, e.g. "query page=1e400" or "body deep nesting". */
  label: string;
  url: string;
  headers: Record<string, string>;
  body?: string;
}

const DEEP = `${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}`;

/** Hostile text for a path, query or header value: what a URL or a header can carry. */
const HOSTILE_TEXT: string[] = [
  '\u0000',
  'a\u0000b',
  '9999999999999999999',
  '1e400',
  '-1',
  '0',
  '1.5',
  'NaN',
  '',
  ' ',
  'x'.repeat(3000),
  '2026-02-30',
  '2026-13-01',
  '2026-12-31T23:59:60Z',
  '😀中文\u202e',
  '%',
  "' or '1'='1",
  '../../etc/passwd',
  '[object Object]',
];

/** Hostile JSON for one body member, as raw text (1e400 and huge integers cannot be built in JS). */
const HOSTILE_JSON: string[] = [
  'null',
  '"\\u0000"',
  '1e400',
  '-1',
  '9999999999999999999',
  '1.5',
  '""',
  `"${'x'.repeat(100_000)}"`,
  '[]',
  '{}',
  'true',
  '"2026-02-30"',
  '"😀中文\\u202e"',
  DEEP,
];

/** Whole bodies that are wrong as a whole: empty, not JSON, not an object, the wrong content type. */
const HOSTILE_BODIES: [label: string, contentType: string, text: string][] = [
  ['empty JSON body', 'application/json', ''],
  ['JSON null', 'application/json', 'null'],
  ['JSON array', 'application/json', '[]'],
  ['JSON string', 'application/json', '"x"'],
  ['broken JSON', 'application/json', '{"a":'],
  ['deep nesting', 'application/json', DEEP],
  ['text/plain', 'text/plain', 'hello'],
  ['form-urlencoded', 'application/x-www-form-urlencoded', 'a=b'],
  [
    'truncated multipart',
    'multipart/form-data; boundary=XyZ',
    '--XyZ\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\n\r\n%PDF',
  ],
];

/** Every fuzz case of a route: each parameter and body member made hostile in turn, and whole bodies. */
export function fuzzCases(doc: OpenApiDocument, route: Route, pool: IdPool): FuzzCase[] {
  const sample = (p: Param) =>
    String(sampleValue(doc, p.schema, pool, p.name, 0, idsFor(pool, route.path, p.name)));
  const valid = {
    path: Object.fromEntries(route.params.filter((p) => p.in === 'path').map((p) => [p.name, sample(p)])),
    query: Object.fromEntries(
      route.params.filter((p) => p.in === 'query' && p.required).map((p) => [p.name, sample(p)]),
    ),
    headers: Object.fromEntries(
      route.params.filter((p) => p.in === 'header').map((p) => [p.name, `fuzz-${p.name}-0001`]),
    ),
  };
  const body = route.body ? sampleValue(doc, route.body, pool) : undefined;
  const bodyText = body === undefined ? undefined : JSON.stringify(body);
  const json: Record<string, string> = bodyText === undefined ? {} : { 'content-type': 'application/json' };
  const make = (label: string, over: Partial<Omit<FuzzCase, 'route' | 'label'>> = {}): FuzzCase => ({
    route,
    label,
    url: urlOf(route, valid.path, valid.query),
    headers: { ...valid.headers, ...json },
    ...(bodyText !== undefined ? { body: bodyText } : {}),
    ...over,
  });

  const cases: FuzzCase[] = [make('valid-looking')];
  for (const p of route.params)
    for (const v of p.in === 'path' ? [...HOSTILE_TEXT, 'x'.repeat(300)] : HOSTILE_TEXT) {
      const label = `${p.in} ${p.name}=${JSON.stringify(v.slice(0, 20))}`;
      if (p.in === 'path')
        cases.push(make(label, { url: urlOf(route, { ...valid.path, [p.name]: v }, valid.query) }));
      if (p.in === 'query')
        cases.push(make(label, { url: urlOf(route, valid.path, { ...valid.query, [p.name]: v }) }));
      if (p.in === 'header') cases.push(make(label, { headers: { ...valid.headers, ...json, [p.name]: v } }));
    }
  if (body && typeof body === 'object' && !Array.isArray(body))
    for (const key of Object.keys(route.body?.properties ?? {}))
      for (const raw of HOSTILE_JSON) {
        const text = JSON.stringify({ ...body, [key]: '\u0001HOSTILE\u0001' }).replace(
          '"\\u0001HOSTILE\\u0001"',
          raw,
        );
        cases.push(make(`body ${key}=${raw.slice(0, 20)}`, { body: text }));
      }
  if (route.method !== 'GET')
    for (const [label, type, text] of HOSTILE_BODIES)
      cases.push(make(`body ${label}`, { headers: { ...valid.headers, 'content-type': type }, body: text }));
  return cases;
}
