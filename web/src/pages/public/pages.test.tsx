import { describe, expect, it, vi } from 'vitest';
import { screen } from '@testing-library/react';
import { renderApp, fakeFetch } from '../../test/render';
import { HomePage } from './HomePage';
import BundlesPage from './BundlesPage';
import SearchPage from './SearchPage';
import ItemGuidePage from './ItemGuidePage';
import TrackPage from './TrackPage';
import search from '../../test/fixtures/search-restaurant.json';
import foodItem from '../../test/fixtures/item-food-licence.json';
import { Route, Routes } from 'react-router';

const summary = {
  departments: 31,
  licensingItems: 136,
  feeAndConvenienceItems: 62,
  totalItems: 198,
  publishedFees: 21,
  byType: {},
  byHandlingClass: { instant: 33 },
};

describe('public pages', () => {
  it('the link printed on a notice (its QR code) opens the case at once', async () => {
    const calls: { url: string }[] = [];
    const tracking = {
      receiptNo: 'QH20260000007',
      title: '食品经营许可',
      state: 'received',
      stage: { zh: '已收件', en: 'Received' },
      colour: null,
      documents: [],
      latestHash: 'abc123',
    };
    vi.stubGlobal('fetch', fakeFetch({ '/api/v1/track/QH20260000007': tracking }, calls));
    renderApp(
      <Routes>
        <Route path="/track" element={<TrackPage />} />
        <Route path="/track/:receiptNo" element={<TrackPage />} />
      </Routes>,
      '/track/QH20260000007?code=ABCDEFGHJK',
    );
    const result = await screen.findByTestId('track-result');
    expect(result.textContent).toContain('已收件');
    expect(calls.filter((c) => c.url.includes('/api/v1/track/'))).toHaveLength(1);
    expect(calls[0]!.url).toContain('/api/v1/track/QH20260000007?code=ABCDEFGHJK');
    expect((screen.getByLabelText('受理编号') as HTMLInputElement).value).toBe('QH20260000007');
    const history = screen.getByTestId('history-download');
    expect(history.textContent).toBe('下载可验证的办理记录（JSON）');
    expect(history.getAttribute('href')).toBe('/api/v1/track/QH20260000007/history?code=ABCDEFGHJK');
  });

  it("tracking shows the case's payment forms: what is charged, paid and still owed, by when", async () => {
    const fees = {
      forms: [
        {
          number: 'JK202600000003',
          item: '普通护照签发',
          status: 'open',
          chargedFen: 12000,
          waivedFen: 0,
          paidFen: 5000,
          outstandingFen: 7000,
          refundedFen: 0,
          dueDate: '2026-12-04',
          settledAt: null,
        },
        {
          number: 'JK202600000004',
          item: '出入境通行证签发',
          status: 'settled',
          chargedFen: 1500,
          waivedFen: 0,
          paidFen: 1500,
          outstandingFen: 0,
          refundedFen: 500,
          dueDate: '2026-12-04',
          settledAt: '2026-11-27T02:00:00.000Z',
        },
      ],
      formCount: 2,
      chargedFen: 13500,
      paidFen: 6500,
      outstandingFen: 7000,
      refundedFen: 500,
    };
    const tracking = {
      receiptNo: 'QH20260000009',
      title: '普通护照签发',
      state: 'received',
      stage: { zh: '已收件', en: 'Received' },
      colour: null,
      documents: [],
      latestHash: 'abc',
      fees,
    };
    vi.stubGlobal('fetch', fakeFetch({ '/api/v1/track/QH20260000009': tracking }));
    renderApp(
      <Routes>
        <Route path="/track/:receiptNo" element={<TrackPage />} />
      </Routes>,
      '/track/QH20260000009?code=ABCDEFGHJK',
    );
    const section = await screen.findByTestId('track-fees');
    expect(section.textContent).toContain('应缴 ¥135.00 · 已缴 ¥65.00 · 待缴 ¥70.00');
    const [open, settled] = [...section.querySelectorAll('li')].map((li) => li.textContent);
    expect(open).toContain('缴款书 JK202600000003 · 普通护照签发 · ¥120.00');
    expect(open).toContain('待缴 ¥70.00 · 缴费期限');
    expect(settled).toContain('已缴清');
    expect(settled).toContain('已退 ¥5.00');
    expect(settled).not.toContain('缴费期限');
    expect(section.textContent).not.toContain('列出最近');
  });

  it('tracking says the result of a decided case in words, green when granted', async () => {
    const tracking = {
      receiptNo: 'QH20260000010',
      title: '职业技能等级认定',
      state: 'completed',
      stage: { zh: '已办结', en: 'Completed' },
      colour: null,
      documents: [],
      latestHash: 'abc',
      fees: null,
      result: {
        decision: 'approved',
        decidedAt: '2026-11-27T02:00:00.000Z',
        completedAt: '2026-11-27T03:00:00.000Z',
      },
    };
    vi.stubGlobal('fetch', fakeFetch({ '/api/v1/track/QH20260000010': tracking }));
    renderApp(
      <Routes>
        <Route path="/track/:receiptNo" element={<TrackPage />} />
      </Routes>,
      '/track/QH20260000010?code=ABCDEFGHJK',
    );
    const result = await screen.findByTestId('track-result');
    const tag = [...result.querySelectorAll('.ant-tag')].find((e) => e.textContent === '准予行政许可');
    expect(tag, result.textContent ?? '').toBeTruthy();
    expect(tag!.className).toContain('green');
    expect(result.textContent).not.toContain('approved');
  });

  it('a link with the receipt number but no code fills the number in and waits for the code', async () => {
    const calls: { url: string }[] = [];
    vi.stubGlobal('fetch', fakeFetch({}, calls));
    renderApp(
      <Routes>
        <Route path="/track/:receiptNo" element={<TrackPage />} />
      </Routes>,
      '/track/QH20260000007',
    );
    expect(await screen.findByDisplayValue('QH20260000007')).toBeTruthy();
    await new Promise((r) => setTimeout(r, 50));
    expect(calls.filter((c) => c.url.includes('/api/v1/track/'))).toHaveLength(0);
  });

  it('the home page shows the published totals from the API', async () => {
    vi.stubGlobal('fetch', fakeFetch({ '/api/v1/catalogue/summary': summary }));
    renderApp(<HomePage />);
    expect(await screen.findByText('136')).toBeTruthy();
    expect(screen.getByText('进驻部门').closest('.ant-statistic')!.textContent).toContain('31');
    expect(screen.getByText('收费及便民服务事项').closest('.ant-statistic')!.textContent).toContain('62');
  });

  it('the home page says when the totals cannot be loaded, and offers to retry', async () => {
    vi.stubGlobal('fetch', async () => {
      throw new TypeError('Failed to fetch');
    });
    renderApp(<HomePage />);
    expect(await screen.findByText('无法连接服务器，请检查网络后重试')).toBeTruthy();
    expect(screen.getByRole('button', { name: /重\s*试/ })).toBeTruthy();
  });

  it('search shows the items the API found for a plain need', async () => {
    const calls: { url: string }[] = [];
    vi.stubGlobal('fetch', fakeFetch({ '/api/v1/search': search }, calls));
    renderApp(<SearchPage />, '/search?q=我想开餐馆');
    expect(await screen.findByRole('link', { name: '食品经营许可' })).toBeTruthy();
    expect(screen.getByRole('link', { name: '食品经营许可' }).getAttribute('href')).toBe(
      '/items/11330900MB1740001A-XK-004',
    );
    expect(calls[0]!.url).toContain(`q=${encodeURIComponent('我想开餐馆')}`);
  });

  it('bundles say the service is coming only when the API route is missing', async () => {
    vi.stubGlobal('fetch', fakeFetch({}));
    renderApp(<BundlesPage />);
    expect(await screen.findByText('“一件事”服务即将开通')).toBeTruthy();
  });

  it('bundles list what the API returns when it exists', async () => {
    vi.stubGlobal(
      'fetch',
      fakeFetch({
        '/api/v1/bundles': {
          items: [
            {
              id: '1',
              code: 'B1',
              name: '开办餐饮店',
              description: '一次办成',
              committedDays: 5,
              itemCount: 3,
            },
          ],
        },
      }),
    );
    renderApp(<BundlesPage />);
    expect(await screen.findByText('开办餐饮店')).toBeTruthy();
    expect(screen.queryByText('“一件事”服务即将开通')).toBeNull();
  });

  it('an item guide offers online application only when the item is published with the online channel', async () => {
    const guide = (channels: string[]) => {
      vi.stubGlobal('fetch', fakeFetch({ [`/api/v1/items/${foodItem.id}`]: { ...foodItem, channels } }));
      return renderApp(
        <Routes>
          <Route path="/items/:id" element={<ItemGuidePage />} />
        </Routes>,
        `/items/${foodItem.id}`,
      );
    };
    const online = guide(['window', 'online']);
    expect(await screen.findByRole('heading', { level: 1, name: '食品经营许可' })).toBeTruthy();
    expect(screen.getByRole('link', { name: '在线申请' }).getAttribute('href')).toBe(
      `/apply?item=${foodItem.id}`,
    );
    online.unmount();
    guide(['window', 'post']);
    expect(await screen.findByRole('heading', { level: 1, name: '食品经营许可' })).toBeTruthy();
    expect(screen.queryByRole('link', { name: '在线申请' })).toBeNull();
    expect(screen.queryByRole('button', { name: '在线申请' })).toBeNull();
  });
});
