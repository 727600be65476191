/** JSON columns are stored as text on both databases; these keep parsing in one place. */
export const toJson = (v: unknown): string => JSON.stringify(v);

export function fromJson<T>(text: string | null | undefined, fallback: T): T {
  if (text === null || text === undefined || text === '') return fallback;
  return JSON.parse(text) as T;
}

/**
 * JSON with object keys sorted, so two values compare equal whatever order their keys came in. The
 * same text JSON.stringify gives with the keys sorted (toJSON, undefined, non-finite numbers and
 * boxed primitives as it treats them): hashes of the event chain are taken over it, so it must
 * never change. Written out directly, without a replacer copying every object, because every
 * submission hashes with it.
 */
export function canonicalJson(v: unknown): string {
  return write(v, '') as string;
}

const INDEX = /^(?:0|[1-9]\d{0,9})$/;
/**
 * The keys in sorted order as an object built in that order enumerates them: array-index-like keys
 * ("2", "10") come first in numeric order whatever the insertion order, then the others sorted.
 */
function sortedKeys(o: object): string[] {
  const keys = Object.keys(o);
  let indices = 0;
  for (const k of keys) if (INDEX.test(k) && Number(k) < 4_294_967_295) indices++;
  if (!indices) return keys.sort();
  // Object.keys already lists index keys first, ascending.
  return [...keys.slice(0, indices), ...keys.slice(indices).sort()];
}

function write(value: unknown, key: string): string | undefined {
  if (value !== null && typeof value === 'object') {
    const toJSON = (value as { toJSON?: unknown }).toJSON;
    if (typeof toJSON === 'function') value = (toJSON as (k: string) => unknown).call(value, key);
    if (value instanceof Number || value instanceof String || value instanceof Boolean)
      value = value.valueOf();
  }
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'number':
      return Number.isFinite(value) ? JSON.stringify(value) : 'null';
    case 'boolean':
      return value ? 'true' : 'false';
    case 'bigint':
      return JSON.stringify(value); // throws, as JSON.stringify does
    case 'object': {
      if (value === null) return 'null';
      if (Array.isArray(value)) {
        let out = '[';
        for (let i = 0; i < value.length; i++) out += (i ? ',' : '') + (write(value[i], String(i)) ?? 'null');
        return `${out}]`;
      }
      const o = value as Record<string, unknown>;
      let out = '{';
      let first = true;
      for (const k of sortedKeys(o)) {
        const text = write(o[k], k);
        if (text === undefined) continue;
        out += `${first ? '' : ','}${JSON.stringify(k)}:${text}`;
        first = false;
      }
      return `${out}}`;
    }
    default:
      return undefined; // undefined, functions, symbols: left out, as JSON.stringify leaves them
  }
}
