import { afterEach, describe, expect, it, vi } from 'vitest';
import { configure, screen } from '@testing-library/react';
import i18n from '../../i18n';
import { fakeFetch, renderApp } from '../../test/render';
import WindowPage from './WindowPage';

configure({ asyncUtilTimeout: 10_000 });
afterEach(() => vi.unstubAllGlobals());

const row = (id: string, state: string, dueDate: string | null, colour: string | null) => ({
  id,
  receiptNo: `QH${id}`,
  title: '食品经营许可',
  state,
  channel: 'window',
  applicantName: '张*',
  createdAt: '2026-12-01T02:00:00.000Z',
  submittedAt: '2026-12-01T02:00:00.000Z',
  decision: null,
  version: 1,
  leadDepartmentId: 'd1',
  dueDate,
  colour,
});

describe("the clerk's queue", () => {
  it('shows every open state at once with counts, soonest deadline first', async () => {
    await i18n.changeLanguage('zh-CN');
    const calls: { url: string }[] = [];
    vi.stubGlobal(
      'fetch',
      fakeFetch(
        {
          '/api/v1/cases': {
            items: [
              row('2', 'under_review', '2026-12-20', 'green'),
              row('1', 'received', '2026-12-08', 'yellow'),
            ],
            total: 2,
            page: 1,
            pageSize: 100,
            counts: { received: 1, under_review: 1, completed: 7 },
          },
        },
        calls,
      ),
    );
    renderApp(<WindowPage />, '/window');
    expect(await screen.findByText('全部待办 2')).toBeTruthy();
    expect(screen.getByText('已收件 1')).toBeTruthy();
    expect(screen.getByText('已办结 7')).toBeTruthy();
    const asked = new URL(calls.find((c) => c.url.includes('/api/v1/cases'))!.url, 'http://x');
    expect(asked.searchParams.get('state')).toBe('received,awaiting_supplement,under_review,decided');
    const numbers = screen.getAllByText(/^QH[12]$/).map((e) => e.textContent);
    expect(numbers).toEqual(['QH1', 'QH2']);
    expect(screen.getByText('黄灯')).toBeTruthy();
  });
});
