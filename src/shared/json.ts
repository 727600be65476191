/** JSON columns are stored as text on both databases; these keep parsing in one place. */
export const toJson = (v: unknown): string => JSON.stringify(v);

export function fromJson<T>(text: string | null | undefined, fallback: T): T {
  if (text === null || text === undefined || text === '') return fallback;
  return JSON.parse(text) as T;
}

/** JSON with object keys sorted, so two values compare equal whatever order their keys came in. */
export function canonicalJson(v: unknown): string {
  return JSON.stringify(v, (_k, value) =>
    value && typeof value === 'object' && !Array.isArray(value)
      ? Object.fromEntries(Object.keys(value).sort().map((k) => [k, (value as Record<string, unknown>)[k]]))
      : value);
}
