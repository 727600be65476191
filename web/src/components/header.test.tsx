import { afterEach, describe, expect, it, vi } from 'vitest';
import { configure, screen, waitFor } from '@testing-library/react';
import { user } from '../test/user';
import i18n from '../i18n';
import { fakeFetch, renderApp } from '../test/render';
import { AppLayout } from './AppLayout';
import { ELDER_KEY } from '../hooks/use-display-mode';

configure({ asyncUtilTimeout: 10_000 });
afterEach(() => {
  document.cookie = 'ow_csrf=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/';
  localStorage.removeItem(ELDER_KEY);
  document.documentElement.classList.remove('ow-elder');
  vi.unstubAllGlobals();
});

describe('the header', () => {
  it('has a bell with the unread count and the latest messages for a logged-in clerk', async () => {
    await i18n.changeLanguage('zh-CN');
    document.cookie = 'ow_csrf=t; path=/';
    vi.stubGlobal(
      'fetch',
      fakeFetch({
        '/api/v1/auth/me': {
          id: 'u',
          username: 'clerk',
          displayName: '王窗',
          role: 'clerk',
          departmentId: 'd',
        },
        '/api/v1/inbox': {
          items: [
            {
              id: 'm1',
              kind: 'case_received',
              title: '已收件：食品经营许可',
              body: '受理编号 QH1',
              subjectType: 'case',
              subjectId: 'c1',
              createdAt: '2026-12-01T02:00:00.000Z',
              readAt: null,
            },
          ],
          total: 1,
          unread: 1,
          page: 1,
          pageSize: 50,
        },
      }),
    );
    renderApp(<AppLayout>page</AppLayout>, '/window');
    const bell = await screen.findByRole('button', { name: '消息，1 条未读' });
    await user.click(bell);
    expect(await screen.findByText('已收件：食品经营许可')).toBeTruthy();
  });

  it('switches to the large-text, high-contrast mode and remembers it', async () => {
    await i18n.changeLanguage('zh-CN');
    vi.stubGlobal('fetch', fakeFetch({}));
    renderApp(<AppLayout>page</AppLayout>, '/');
    const toggle = screen.getByRole('button', { name: '大字模式' });
    expect(toggle.getAttribute('aria-pressed')).toBe('false');
    await user.click(toggle);
    await waitFor(() => expect(document.documentElement.classList.contains('ow-elder')).toBe(true));
    expect(toggle.getAttribute('aria-pressed')).toBe('true');
    expect(localStorage.getItem(ELDER_KEY)).toBe('1');
    expect(screen.queryByRole('button', { name: /消息/ })).toBeNull();
  });
});
