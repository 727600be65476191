import type { FeeRule } from '../api/types';
import { unitLabel } from './units';

/** Integer fen → "¥1,234.50" (zh-CN) or "CN¥1,234.50" (en). Exact: fen are split, never divided as floats. */
export function formatFen(fen: number, lang: string): string {
  if (!Number.isInteger(fen)) throw new RangeError(`fen must be an integer: ${fen}`);
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  const yuan = Math.floor(abs / 100);
  const cents = String(abs % 100).padStart(2, '0');
  const grouped = new Intl.NumberFormat(lang === 'en' ? 'en' : 'zh-CN', { maximumFractionDigits: 0 }).format(
    yuan,
  );
  return `${sign}${lang === 'en' ? 'CN¥' : '¥'}${grouped}.${cents}`;
}

/** "12.5" or "12.50" or "12" yuan → 1250 fen; null when it is not a valid amount (at most two decimals). */
export function parseYuanToFen(text: string): number | null {
  const s = text.trim().replace(/[,，\s]/g, '');
  const m = /^(\d{1,10})(?:\.(\d{1,2}))?$/.exec(s);
  if (!m) return null;
  return Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
}

/** 1250 fen → "12.50", the form an amount is edited in. */
export const fenToYuanText = (fen: number): string =>
  `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`;

export interface RuleText {
  /** The short amount ("¥80.00", "¥30.00 / 平方米"). */
  amount: string;
  /** Extra lines: minimum and maximum, or one line per band of a tiered rule. */
  details: string[];
}

type Translate = (key: string, opts?: Record<string, unknown>) => string;

/** How a fee rule reads to a person, in the UI language. */
export function describeFeeRule(rule: FeeRule, lang: string, t: Translate): RuleText {
  const money = (fen: number) => formatFen(fen, lang);
  const unit = 'unit' in rule ? unitLabel(rule.unit, lang) : '';
  switch (rule.kind) {
    case 'fixed':
      return { amount: money(rule.amountFen), details: [] };
    case 'per_unit': {
      const details: string[] = [];
      if (rule.minFen !== undefined) details.push(t('money.min', { amount: money(rule.minFen) }));
      if (rule.maxFen !== undefined) details.push(t('money.max', { amount: money(rule.maxFen) }));
      return { amount: t('money.perUnit', { amount: money(rule.unitFen), unit }), details };
    }
    case 'tiered': {
      let lower = 0;
      const details = rule.tiers.map((tier) => {
        const price = t('money.perUnit', { amount: money(tier.unitFen), unit });
        const line =
          tier.upTo === null
            ? t('money.tierAbove', { from: lower, unit, price })
            : t('money.tierUpTo', { from: lower, to: tier.upTo, unit, price });
        lower = tier.upTo ?? lower;
        return line;
      });
      return { amount: t('money.tiered'), details };
    }
  }
}
