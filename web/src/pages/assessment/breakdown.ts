/** The pure parts of the assessment breakdown page: its address, its figures' text, order and samples. */

export const DIMS = ['item', 'staff', 'window'] as const;
export type Dim = (typeof DIMS)[number];

export interface Fig {
  value: number | null;
  sample: number;
}

/** The page's address: a department, a period and a dimension, so it can be bookmarked and shared. */
export function breakdownPath(departmentId: string, period: string, by: Dim = 'item'): string {
  return `/assessment/${encodeURIComponent(departmentId)}/breakdown?period=${encodeURIComponent(period)}&by=${by}`;
}

/** The dimension asked for in the address; anything else shows items. */
export function dimOf(by: string | null): Dim {
  return (DIMS as readonly string[]).includes(by ?? '') ? (by as Dim) : 'item';
}

/** A period code the server accepts (2026, 2026-Q4, 2026-11), or null. */
export function periodOf(p: string | null): string | null {
  return p && /^\d{4}(-Q[1-4]|-(0[1-9]|1[0-2]))?$/.test(p) ? p : null;
}

/** The units a measure is counted in that are written as symbols; the others are words (i18n). */
export const SYMBOL_UNITS = new Set(['%', '‰']);

/** A figure as a cell shows it: no value is a dash, a rate carries its symbol. */
export function figureText(f: Fig | undefined, unit: string): string {
  if (!f || f.value === null) return '—';
  return SYMBOL_UNITS.has(unit) ? `${f.value}${unit}` : String(f.value);
}

/** Ascending by value, a figure without value (no sample) always last, whichever way the column is sorted. */
export function compareFigures(
  a: Fig | undefined,
  b: Fig | undefined,
  order: 'ascend' | 'descend' | null = 'ascend',
) {
  const av = a?.value ?? null;
  const bv = b?.value ?? null;
  if (av === null && bv === null) return 0;
  // antd reverses the comparison for a descending column: keep the empty ones at the bottom anyway.
  const last = order === 'descend' ? -1 : 1;
  if (av === null) return last;
  if (bv === null) return -last;
  return av - bv;
}

/** The measures any row has a sample for: the columns worth showing, in the measures' order. */
export function measuresWithData<M extends { code: string }>(
  measures: M[],
  rows: { figures: Record<string, Fig> }[],
): M[] {
  return measures.filter((m) => rows.some((r) => (r.figures[m.code]?.sample ?? 0) > 0));
}

/** Too few decided cases to grade, as on the results page (which then shows no grade and no rank). */
export const tooFew = (sample: number, minSample: number) => sample < minSample;
