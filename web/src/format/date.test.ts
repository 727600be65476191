import { describe, expect, it } from 'vitest';
import { formatDate, formatDayRange, formatInstant, isCivilDate, todayInBeijing } from './date';

// ICU puts thin spaces around the range dash; compare words, not space widths.
const norm = (s: string) => s.replace(/\s+/g, ' ');

describe('dates', () => {
  it('formats civil dates without shifting them by the time zone', () => {
    expect(formatDate('2026-10-08', 'zh-CN')).toBe('2026年10月8日周四');
    expect(formatDate('2026-10-08', 'en')).toBe('Thu, 8 Oct 2026');
    expect(formatDate('2026-01-01', 'zh-CN', false)).toBe('2026年1月1日');
    expect(formatDate('not a date', 'en')).toBe('not a date');
  });

  it('writes a run of days once', () => {
    expect(formatDayRange('2026-10-01', '2026-10-07', 'zh-CN')).toBe('10月1日至7日');
    expect(norm(formatDayRange('2026-10-01', '2026-10-07', 'en'))).toBe('1 – 7 Oct');
    expect(formatDayRange('2026-02-15', '2026-02-23', 'zh-CN')).toBe('2月15日至23日');
    expect(norm(formatDayRange('2026-09-30', '2026-10-02', 'en'))).toBe('30 Sept – 2 Oct');
    expect(formatDayRange('2026-10-01', '2026-10-01', 'zh-CN')).toBe('10月1日');
  });

  it('shows instants in Beijing time', () => {
    expect(formatInstant('2026-09-30T16:30:00.000Z', 'zh-CN')).toBe('2026年10月1日 00:30');
    expect(formatInstant('2026-09-30T16:30:00.000Z', 'en')).toBe('1 Oct 2026, 00:30');
    expect(formatInstant(null, 'en')).toBe('');
  });

  it('knows today in Beijing and real dates', () => {
    expect(todayInBeijing(new Date('2026-09-30T16:30:00Z'))).toBe('2026-10-01');
    expect(todayInBeijing(new Date('2026-09-30T15:59:00Z'))).toBe('2026-09-30');
    expect(isCivilDate('2026-02-28')).toBe(true);
    expect(isCivilDate('2026-02-29')).toBe(false);
    expect(isCivilDate('2026-2-28')).toBe(false);
  });
});
