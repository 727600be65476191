/** JSON columns are stored as text on both databases; these keep parsing in one place. */
export const toJson = (v: unknown): string => JSON.stringify(v);

export function fromJson<T>(text: string | null | undefined, fallback: T): T {
  if (text === null || text === undefined || text === '') return fallback;
  return JSON.parse(text) as T;
}
