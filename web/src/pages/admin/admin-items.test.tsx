import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import i18n from '../../i18n';
import { fakeFetch, renderApp } from '../../test/render';
import { fill, user } from '../../test/user';
import AdminItemsPage from './AdminItemsPage';

const row = (over: object) => ({
  id: 'i1',
  code: 'SCJ-XK-950',
  name: '药品零售企业许可',
  type: 'licensing',
  status: 'draft',
  latestVersionNo: 1,
  latestVersionStatus: 'draft',
  departmentId: 'd1',
  updatedAt: '2026-12-01T02:00:00.000Z',
  version: 1,
  ...over,
});

function asAdmin(calls: { url: string; init?: RequestInit }[]) {
  document.cookie = 'ow_csrf=t; path=/';
  vi.stubGlobal(
    'fetch',
    fakeFetch(
      {
        '/api/v1/auth/me': { id: 'u1', username: 'admin', role: 'admin', departmentId: null },
        '/api/v1/departments': {
          items: [{ id: 'd1', code: 'SCJ', name: '清河市市场监督管理局', shortName: '市场监管局' }],
          total: 1,
        },
        '/api/v1/admin/items': {
          items: [
            row({}),
            row({
              id: 'i2',
              code: 'SCJ-XK-004',
              name: '食品经营许可',
              status: 'published',
              latestVersionNo: 3,
            }),
          ],
          total: 45,
          page: 1,
          pageSize: 20,
        },
      },
      calls,
    ),
  );
  renderApp(<AdminItemsPage />, '/admin/items');
}
afterEach(() => vi.unstubAllGlobals());

const lastQuery = (calls: { url: string }[]) =>
  new URL(calls.filter((c) => c.url.includes('/admin/items')).at(-1)!.url, 'http://x').searchParams;

describe('the administrators’ item list', () => {
  it('lists drafts, searches by name or code on the server, filters by state and pages', async () => {
    await i18n.changeLanguage('zh-CN');
    const calls: { url: string; init?: RequestInit }[] = [];
    asAdmin(calls);
    const draft = await screen.findByRole('link', { name: '药品零售企业许可' });
    expect(draft.getAttribute('href')).toBe('/admin/items/i1');
    const published = screen.getByRole('link', { name: '食品经营许可' }).closest('tr')!;
    expect(within(published).getByText('第 3 版草稿待发布')).toBeTruthy();
    expect(within(draft.closest('tr')!).queryByRole('link', { name: '查看公开指南' })).toBeNull();

    await fill(screen.getByRole('searchbox', { name: '名称或编码' }), '药品');
    await user.click(screen.getByRole('button', { name: '查找' }));
    await waitFor(() => expect(lastQuery(calls).get('q')).toBe('药品'));

    await user.click(screen.getByRole('combobox', { name: '状态' }));
    await user.click(await screen.findByTitle('有待发布的草稿'));
    await waitFor(() => expect(lastQuery(calls).get('status')).toBe('has_draft'));
    expect(lastQuery(calls).get('q')).toBe('药品');

    await user.click(screen.getByRole('listitem', { name: '2' }));
    await waitFor(() => expect(lastQuery(calls).get('page')).toBe('2'));
    expect(screen.getByText('共 45 项')).toBeTruthy();
  });
});
