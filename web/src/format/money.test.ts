import { describe, expect, it } from 'vitest';
import { describeFeeRule, fenToYuanText, formatFen, parseYuanToFen } from './money';
import { unitLabel } from './units';
import i18n from '../i18n';

const t = (key: string, o: Record<string, unknown> = {}) =>
  `${key}(${Object.entries(o)
    .map(([k, v]) => `${k}=${v}`)
    .join(',')})`;

describe('money', () => {
  it('formats integer fen as yuan exactly', () => {
    expect(formatFen(8000, 'zh-CN')).toBe('¥80.00');
    expect(formatFen(5, 'zh-CN')).toBe('¥0.05');
    expect(formatFen(123456789, 'zh-CN')).toBe('¥1,234,567.89');
    expect(formatFen(0, 'en')).toBe('CN¥0.00');
    expect(formatFen(-150, 'en')).toBe('-CN¥1.50');
    // 1e12 fen, the API's maximum: no float rounding
    expect(formatFen(999999999999, 'zh-CN')).toBe('¥9,999,999,999.99');
    expect(() => formatFen(1.5, 'zh-CN')).toThrow(RangeError);
  });

  it('parses typed yuan into fen and refuses what is not an amount', () => {
    expect(parseYuanToFen('80')).toBe(8000);
    expect(parseYuanToFen('12.5')).toBe(1250);
    expect(parseYuanToFen(' 1,234.56 ')).toBe(123456);
    expect(parseYuanToFen('0.07')).toBe(7);
    expect(parseYuanToFen('0.1')).toBe(10);
    for (const bad of ['', 'abc', '1.234', '-1', '1e3', '.5']) expect(parseYuanToFen(bad)).toBeNull();
    expect(fenToYuanText(1250)).toBe('12.50');
    expect(parseYuanToFen(fenToYuanText(987654))).toBe(987654);
  });

  it('describes the three fee rules', () => {
    expect(describeFeeRule({ kind: 'fixed', amountFen: 8000 }, 'zh-CN', t)).toEqual({
      amount: '¥80.00',
      details: [],
    });
    const per = describeFeeRule(
      { kind: 'per_unit', unit: '平方米', unitFen: 150000, minFen: 0, maxFen: 100000 },
      'zh-CN',
      t,
    );
    expect(per.amount).toBe('money.perUnit(amount=¥1,500.00,unit=平方米)');
    expect(per.details).toEqual(['money.min(amount=¥0.00)', 'money.max(amount=¥1,000.00)']);
    const tiered = describeFeeRule(
      {
        kind: 'tiered',
        unit: '平方米',
        tiers: [
          { upTo: 50, unitFen: 1200 },
          { upTo: 200, unitFen: 900 },
          { upTo: null, unitFen: 600 },
        ],
      },
      'zh-CN',
      t,
    );
    expect(tiered.amount).toBe('money.tiered()');
    expect(tiered.details).toEqual([
      'money.tierUpTo(from=0,to=50,unit=平方米,price=money.perUnit(amount=¥12.00,unit=平方米))',
      'money.tierUpTo(from=50,to=200,unit=平方米,price=money.perUnit(amount=¥9.00,unit=平方米))',
      'money.tierAbove(from=200,unit=平方米,price=money.perUnit(amount=¥6.00,unit=平方米))',
    ]);
  });

  it('reads a fee rule’s unit in English in English mode ("per m²", not "per 平方米")', () => {
    const en = (key: string, o?: Record<string, unknown>) => String(i18n.t(key, { ...o, lng: 'en' }));
    const per = describeFeeRule({ kind: 'per_unit', unit: '平方米', unitFen: 300 }, 'en', en);
    expect(per.amount).toBe('CN¥3.00 per m²');
    const tiered = describeFeeRule(
      {
        kind: 'tiered',
        unit: '件',
        tiers: [
          { upTo: 10, unitFen: 500 },
          { upTo: null, unitFen: 300 },
        ],
      },
      'en',
      en,
    );
    expect(tiered.details.join(' ')).not.toMatch(/[\u4e00-\u9fff]/);
    expect(unitLabel('平方米', 'zh-CN')).toBe('平方米');
    expect(unitLabel('本市特殊单位', 'en')).toBe('本市特殊单位');
  });
});
