/**
 * Pure helpers of the villages' pages: the list's filters as they stand in the address, and the
 * periods a change of cadence may be asked to start from. The server decides what is allowed; these
 * only offer and mirror it.
 */
export type Cadence = 'quarterly' | 'monthly';

export interface VillageFilter {
  township: string | null;
  overdueOnly: boolean;
}

export function readFilter(params: URLSearchParams): VillageFilter {
  return { township: params.get('township') || null, overdueOnly: params.get('overdue') === '1' };
}

/** The address's query with the filter set (other parameters kept, empty ones dropped). */
export function writeFilter(params: URLSearchParams, f: VillageFilter): URLSearchParams {
  const next = new URLSearchParams(params);
  if (f.township) next.set('township', f.township);
  else next.delete('township');
  if (f.overdueOnly) next.set('overdue', '1');
  else next.delete('overdue');
  return next;
}

export function filterVillages<T extends { township: string; overdue: number }>(
  items: readonly T[],
  f: VillageFilter,
) {
  return items.filter((v) => (!f.township || v.township === f.township) && (!f.overdueOnly || v.overdue > 0));
}

/** The townships named by the villages, each once, in Chinese collation order. */
export const townshipsOf = (items: readonly { township: string }[]) =>
  [...new Set(items.map((v) => v.township))].sort((a, b) => a.localeCompare(b, 'zh-CN'));

const pad = (n: number) => String(n).padStart(2, '0');

/** The period holding a day: '2026-Q4' or '2026-11'. */
export function periodOf(cadence: Cadence, day: string): string {
  const y = Number(day.slice(0, 4));
  const m = Number(day.slice(5, 7));
  return cadence === 'monthly' ? `${y}-${pad(m)}` : `${y}-Q${Math.ceil(m / 3)}`;
}

/** The first day of the quarter holding a day: where a new village's disclosure begins by default. */
export function quarterStart(day: string): string {
  const m = Number(day.slice(5, 7));
  return `${day.slice(0, 4)}-${pad((Math.ceil(m / 3) - 1) * 3 + 1)}-01`;
}

/** `n` periods of a cadence from the one holding `day` on. */
export function periodsFrom(cadence: Cadence, day: string, n: number): string[] {
  const out: string[] = [];
  let y = Number(day.slice(0, 4));
  let m = Number(day.slice(5, 7));
  if (cadence === 'quarterly') m = (Math.ceil(m / 3) - 1) * 3 + 1;
  for (let i = 0; i < n; i++) {
    out.push(periodOf(cadence, `${y}-${pad(m)}-01`));
    m += cadence === 'monthly' ? 1 : 3;
    if (m > 12) [y, m] = [y + 1, m - 12];
  }
  return out;
}

/** Mirrors the server's village code: letters, digits and hyphens, up to 40. */
export const VILLAGE_CODE = /^[A-Za-z0-9-]{1,40}$/;
export const MAX_DUE_DAYS = 60;
