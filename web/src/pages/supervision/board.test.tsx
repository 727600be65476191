import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen } from '@testing-library/react';
import i18n from '../../i18n';
import { fakeFetch, renderApp } from '../../test/render';
import BoardPage from './BoardPage';

const board = {
  departments: [
    { departmentId: 'd1', code: 'SCJ', name: '市场监管局', red: 1, yellow: 0, green: 2, paused: 0 },
    // A department with only paused clocks leaves the red and yellow stacks empty: ECharts' own
    // description read those as NaN.
    { departmentId: null, code: null, name: null, red: 0, yellow: 0, green: 0, paused: 3 },
  ],
  totals: { red: 1, yellow: 0, green: 2, paused: 3 },
};

function showBoard() {
  document.cookie = 'ow_csrf=t; path=/';
  // ECharts measures its box; jsdom lays nothing out.
  vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockReturnValue(800);
  vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockReturnValue(300);
  vi.stubGlobal(
    'fetch',
    fakeFetch({
      '/api/v1/auth/me': { id: 'u1', username: 'supervisor', role: 'supervisor', departmentId: null },
      '/api/v1/supervision/board': board,
    }),
  );
  renderApp(<BoardPage />, '/supervision/board');
}
afterEach(() => vi.unstubAllGlobals());

describe('the board chart is described in words a screen reader can read', () => {
  it('names each department and its counts, with no NaN, in Chinese', async () => {
    await i18n.changeLanguage('zh-CN');
    showBoard();
    // ECharts writes its description over the chart's own label in an effect after the first paint:
    // wait for it, rather than read the label in between (which failed now and then under load).
    const chart = await screen.findByRole('img', { name: /红黄灯堆叠柱状图.*：/ });
    const text = chart.getAttribute('aria-label')!;
    expect(text).not.toMatch(/NaN|undefined/);
    expect(text).toContain('市场监管局：红灯（超期） 1，黄灯（预警） 0，绿灯（正常） 2，暂停计时 0');
    expect(text).toContain('未分配部门：红灯（超期） 0');
    expect(text).not.toMatch(/This is a chart/);
  });

  it('reads in English in English mode', async () => {
    await i18n.changeLanguage('en');
    showBoard();
    const chart = await screen.findByRole('img', {
      name: /Stacked bar chart of clocks for 2 departments.*:/,
    });
    const text = chart.getAttribute('aria-label')!;
    expect(text).not.toMatch(/NaN/);
    expect(text).toContain('No department: Red (overdue) 0, Yellow (warning) 0, Green (on time) 0, Paused 3');
  });
});
