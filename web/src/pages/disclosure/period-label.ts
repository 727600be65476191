import type { TFunction } from 'i18next';

/** '2026-Q3' → 2026年第3季度 / Q3 2026; '2026-09' → 2026年9月 / September 2026. */
export function periodLabel(t: TFunction, period: string): string {
  const year = period.slice(0, 4);
  const q = /-Q([1-4])$/.exec(period);
  if (q) return t('disclosure.period.quarter', { year, q: q[1] });
  return t('disclosure.period.month', { year, month: Number(period.slice(5, 7)) });
}
