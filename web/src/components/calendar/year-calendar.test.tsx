import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen } from '@testing-library/react';
import i18n from '../../i18n';
import { fakeFetch, renderApp } from '../../test/render';
import { YearCalendar } from './YearCalendar';

const year = (y: number) => ({
  year: y,
  confirmed: true,
  source: 'chinese-days',
  workingDays: 248,
  days: [
    ...['01', '02', '03', '04', '05', '06', '07'].map((d) => ({
      date: `${y}-10-${d}`,
      kind: 'holiday',
      name: '国庆节',
      source: 'chinese-days',
    })),
    { date: `${y}-10-10`, kind: 'workday', name: '国庆节', source: 'chinese-days' },
  ],
});

function show() {
  vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-12-01T02:00:00Z') });
  vi.stubGlobal('fetch', fakeFetch({ '/api/v1/calendar/2026': year(2026) }));
  renderApp(<YearCalendar />);
}
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('the year calendar speaks the page’s language', () => {
  it('names holidays and the data source in English in English mode', async () => {
    await i18n.changeLanguage('en');
    show();
    expect((await screen.findAllByText('National Day')).length).toBe(2);
    expect(screen.queryByText(/国庆/)).toBeNull();
    expect(screen.getByText(/^Source: the chinese-days open data set/)).toBeTruthy();
    expect(screen.queryByText(/来源/)).toBeNull();
    expect(document.body.textContent).not.toMatch(/[\u4e00-\u9fff]/);
  });

  it('keeps the Chinese names in Chinese', async () => {
    await i18n.changeLanguage('zh-CN');
    show();
    expect((await screen.findAllByText('国庆节')).length).toBe(2);
    expect(screen.getByText(/^来源：chinese-days 开源数据/)).toBeTruthy();
  });
});
