import { afterEach, describe, expect, it, vi } from 'vitest';
import { configure, screen } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { fill, user as person } from '../../test/user';
import { renderApp } from '../../test/render';
import { json, serve, signOut } from '../complaints/fake-server';
import RateOnlinePage from './RateOnlinePage';
import SatisfactionPage from './SatisfactionPage';

configure({ asyncUtilTimeout: 10_000 });
afterEach(signOut);

const INDICATORS = {
  levels: [
    { level: 5, zh: '非常满意', en: 'Very satisfied' },
    { level: 4, zh: '满意', en: 'Satisfied' },
    { level: 3, zh: '基本满意', en: 'Fairly satisfied' },
    { level: 2, zh: '不满意', en: 'Dissatisfied' },
    { level: 1, zh: '非常不满意', en: 'Very dissatisfied' },
  ],
  sets: {
    online: [
      { code: 'overall', zh: '整体满意度', en: 'Overall' },
      { code: 'efficiency', zh: '办事效率', en: 'Efficiency' },
    ],
    on_site: [{ code: 'overall', zh: '整体满意度', en: 'Overall' }],
  },
};

describe('rating a matter online', () => {
  it('asks the visitor for the check code, sends the level and says a bad rating is followed up', async () => {
    const calls = serve({
      'GET /api/v1/ratings/indicators': INDICATORS,
      'POST /api/v1/ratings/online': () => json(201, { id: 'r1', rectificationId: 'x1' }),
    });
    renderApp(
      <Routes>
        <Route path="/rate/:receiptNo" element={<RateOnlinePage />} />
      </Routes>,
      '/rate/QH20260000001',
    );
    await person.click(await screen.findByRole('button', { name: '提交评价' }));
    expect(await screen.findByText('请填写查询码')).toBeTruthy();
    await fill(screen.getByLabelText('查询码'), 'K7P2QX8M');
    await person.click(screen.getByText('不满意'));
    await fill(screen.getByLabelText('意见建议'), '窗口让我跑了三次');
    await person.click(screen.getByRole('button', { name: '提交评价' }));
    expect(await screen.findByText('感谢您的评价')).toBeTruthy();
    expect(screen.getByText(/整改单/)).toBeTruthy();
    expect(calls.find((c) => c.method === 'POST')!.body).toEqual({
      receiptNo: 'QH20260000001',
      code: 'K7P2QX8M',
      level: 2,
      indicators: {},
      comment: '窗口让我跑了三次',
    });
  });
});

describe('the published satisfaction', () => {
  it('shows satisfaction per department and every exclusion with its reason', async () => {
    serve({
      'GET /api/v1/ratings/stats': {
        by: 'department',
        from: null,
        to: null,
        groups: [
          {
            key: 'd-scj',
            name: '清河市市场监督管理局',
            departmentName: null,
            counted: 10,
            levels: { 5: 6, 4: 2, 3: 1, 2: 1, 1: 0 },
            satisfaction: 0.9,
            excluded: 1,
            bad: 1,
            rectified: 0,
            rectifying: 1,
            overdue: 0,
          },
        ],
        exclusions: [
          {
            department: '清河市市场监督管理局',
            channel: 'on_site',
            level: 1,
            ratedAt: '2026-11-30T02:00:00.000Z',
            reason: '误触评价器',
          },
        ],
      },
    });
    renderApp(<SatisfactionPage />, '/ratings');
    expect(await screen.findByText('90.0%')).toBeTruthy();
    expect(screen.getByText('误触评价器')).toBeTruthy();
    await vi.waitFor(() => expect(screen.getAllByText('清河市市场监督管理局').length).toBe(2));
  });
});
