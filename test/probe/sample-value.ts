import { resolve, type OpenApiDocument, type Schema } from './openapi-routes.js';

/**
 * A valid-looking value for a schema: what a well-behaved client would send, so the fuzzer's
 * mutations reach past the first validation error into the handlers. Ids come from a pool of real
 * ones when the caller has some, so lookups find rows too.
 */
export function sampleValue(
  doc: OpenApiDocument,
  schema: Schema,
  pool: IdPool = {},
  name = '',
  depth = 0,
  /** The real ids that fit where this value goes (a path parameter's are found from the route). */
  ids: readonly string[] = idsFor(pool, '', name),
): unknown {
  const s = resolve(doc, schema);
  if (s.const !== undefined) return s.const;
  if (s.enum?.length) return s.enum[0];
  if (s.default !== undefined) return s.default;
  const branch = s.anyOf?.[0] ?? s.oneOf?.[0] ?? s.allOf?.[0];
  if (branch) return sampleValue(doc, branch, pool, name, depth, ids);
  const type = Array.isArray(s.type) ? s.type.find((t) => t !== 'null') : s.type;
  switch (type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      if (depth > 6) return out;
      for (const [k, p] of Object.entries(s.properties ?? {}))
        if (s.required?.includes(k) || k === 'version') out[k] = sampleValue(doc, p, pool, k, depth + 1);
      return out;
    }
    case 'array': {
      const n = Math.max(s.minItems ?? 0, 1);
      return Array.from({ length: n }, () => sampleValue(doc, s.items ?? {}, pool, name, depth + 1, ids));
    }
    case 'integer':
    case 'number':
      return Math.max(s.minimum ?? 1, Math.min(s.maximum ?? 1, 1));
    case 'boolean':
      return true;
    case 'string':
      return sampleString(s, ids, name);
    default:
      return 'x';
  }
}

function sampleString(s: Schema, ids: readonly string[], name: string): string {
  if (s.format === 'date') return '2026-12-01';
  if (s.format === 'date-or-month') return '2026-12';
  if (s.format === 'date-time') return '2026-12-01T09:30:00+08:00';
  if (s.format === 'email') return 'someone@example.com';
  if (/id$/i.test(name) && ids.length) return ids[0] ?? 'x';
  const min = s.minLength ?? 1;
  const text = /name|title|reason|note|question|answer/i.test(name) ? '清河示例' : 'sample';
  return text.padEnd(min, 'x').slice(0, Math.max(min, Math.min(s.maxLength ?? 50, 50)));
}

/** Real ids by the collection they belong to ("cases", "items", …), for probes that should find rows. */
export type IdPool = Record<string, string[]>;

/**
 * The real ids that fit a path parameter: those of the collection named just before it
 * (/cases/{id} → cases), or for a body member named like one (itemId → items).
 */
export function idsFor(pool: IdPool, routePath: string, param: string): string[] {
  const before = new RegExp(`/([\\w-]+)/\\{${param}\\}`).exec(routePath)?.[1];
  if (before && pool[before]) return pool[before];
  const named = /^(\w+)Id$/.exec(param)?.[1];
  return (named && pool[`${named}s`]) || [];
}
