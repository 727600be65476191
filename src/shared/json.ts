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
 * submission hashes with it; and with a stack of its own instead of recursion, so a value nested
 * thousands deep is written, not a stack overflow.
 */
export function canonicalJson(v: unknown): string {
  const root = open(v, '');
  if (!(root instanceof Container)) return root as string;
  const stack = [root];
  for (;;) {
    const top = stack[stack.length - 1]!;
    const next = top.next();
    if (next) {
      const child = open(next.value, next.key);
      if (child instanceof Container) stack.push(child);
      else top.add(next.key, child);
      continue;
    }
    stack.pop();
    const parent = stack[stack.length - 1];
    if (!parent) return top.close();
    parent.add(top.key, top.close());
  }
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

/** An array or object being written: its members are visited in order, each written once. */
class Container {
  private out: string;
  private i = 0;
  private written = 0;
  private readonly keys: string[] | null;
  constructor(
    readonly key: string,
    private readonly value: unknown[] | Record<string, unknown>,
  ) {
    const isArray = Array.isArray(value);
    this.out = isArray ? '[' : '{';
    this.keys = isArray ? null : sortedKeys(value);
  }

  next(): { key: string; value: unknown } | undefined {
    if (this.keys === null) {
      const a = this.value as unknown[];
      if (this.i >= a.length) return undefined;
      const i = this.i++;
      return { key: String(i), value: a[i] };
    }
    if (this.i >= this.keys.length) return undefined;
    const k = this.keys[this.i++]!;
    return { key: k, value: (this.value as Record<string, unknown>)[k] };
  }

  /** An array writes a member that has no JSON as null; an object leaves it out. */
  add(key: string, text: string | undefined) {
    if (this.keys === null) this.out += (this.written++ ? ',' : '') + (text ?? 'null');
    else if (text !== undefined) this.out += `${this.written++ ? ',' : ''}${JSON.stringify(key)}:${text}`;
  }

  close(): string {
    return this.out + (this.keys === null ? ']' : '}');
  }
}

/** A value's text, or the container to write it through; toJSON and boxed primitives first. */
function open(value: unknown, key: string): string | undefined | Container {
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
    case 'object':
      if (value === null) return 'null';
      return new Container(key, value as unknown[] | Record<string, unknown>);
    default:
      return undefined; // undefined, functions, symbols: left out, as JSON.stringify leaves them
  }
}
