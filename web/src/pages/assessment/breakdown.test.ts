import { describe, expect, it } from 'vitest';
import {
  breakdownPath,
  compareFigures,
  dimOf,
  figureText,
  measuresWithData,
  periodOf,
  tooFew,
} from './breakdown';

describe('assessment breakdown helpers', () => {
  it('keeps department, period and dimension in the address, and reads them back', () => {
    expect(breakdownPath('d/1', '2026-Q4', 'staff')).toBe(
      '/assessment/d%2F1/breakdown?period=2026-Q4&by=staff',
    );
    expect(breakdownPath('d1', '2026')).toBe('/assessment/d1/breakdown?period=2026&by=item');
    expect(dimOf('window')).toBe('window');
    expect(dimOf('floor')).toBe('item');
    expect(dimOf(null)).toBe('item');
    expect(periodOf('2026-11')).toBe('2026-11');
    expect(periodOf('2026-Q5')).toBeNull();
    expect(periodOf(null)).toBeNull();
  });

  it('writes a figure with its symbol, and a dash when there is none', () => {
    expect(figureText({ value: 66.7, sample: 3 }, '%')).toBe('66.7%');
    expect(figureText({ value: 2, sample: 3 }, '‰')).toBe('2‰');
    expect(figureText({ value: 4.5, sample: 2 }, 'd')).toBe('4.5');
    expect(figureText({ value: null, sample: 0 }, '%')).toBe('—');
    expect(figureText(undefined, 'n')).toBe('—');
  });

  it('sorts by value either way with empty figures last', () => {
    const figs = [
      { value: 3, sample: 1 },
      { value: null, sample: 0 },
      { value: 1, sample: 1 },
    ];
    const up = [...figs].sort((a, b) => compareFigures(a, b, 'ascend')).map((f) => f.value);
    expect(up).toEqual([1, 3, null]);
    // antd sorts a descending column by the comparison reversed.
    const down = [...figs].sort((a, b) => -compareFigures(a, b, 'descend')).map((f) => f.value);
    expect(down).toEqual([3, 1, null]);
  });

  it('shows the measures some row has a sample for, and marks small samples', () => {
    const measures = [{ code: 'a' }, { code: 'b' }, { code: 'c' }];
    const rows: { figures: Record<string, { value: number | null; sample: number }> }[] = [
      { figures: { a: { value: null, sample: 0 }, b: { value: 1, sample: 1 } } },
      { figures: { a: { value: null, sample: 0 }, c: { value: 2, sample: 4 } } },
    ];
    expect(measuresWithData(measures, rows).map((m) => m.code)).toEqual(['b', 'c']);
    expect(tooFew(2, 3)).toBe(true);
    expect(tooFew(3, 3)).toBe(false);
  });
});
