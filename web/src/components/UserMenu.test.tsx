import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import { user } from '../test/user';
import { Route, Routes } from 'react-router';
import i18n from '../i18n';
import { fakeFetch, renderApp } from '../test/render';
import { RequireRole } from './RequireRole';
import { UserMenu } from './UserMenu';

describe('logging out', () => {
  const realLocation = window.location;
  afterEach(() => {
    Object.defineProperty(window, 'location', { configurable: true, value: realLocation });
    document.cookie = 'ow_csrf=; expires=Thu, 01 Jan 1970 00:00:00 GMT';
  });

  it('ends the session and loads the home page afresh, without the page being left sending it to the login page first', async () => {
    await i18n.changeLanguage('zh-CN');
    const assign = vi.fn();
    Object.defineProperty(window, 'location', { configurable: true, value: { ...realLocation, assign } });
    document.cookie = 'ow_csrf=t';
    const calls: { url: string; init?: RequestInit }[] = [];
    vi.stubGlobal(
      'fetch',
      fakeFetch(
        {
          '/api/v1/auth/me': {
            id: '1',
            username: 'admin',
            displayName: '系统管理员',
            role: 'admin',
            departmentId: null,
            version: 1,
          },
          '/api/v1/auth/logout': null,
        },
        calls,
      ),
    );
    renderApp(
      <Routes>
        <Route
          path="/admin/calendar"
          element={
            <RequireRole roles={['admin']}>
              <UserMenu />
              <p>节假日日历</p>
            </RequireRole>
          }
        />
        <Route path="/login" element={<p>登录页</p>} />
      </Routes>,
      '/admin/calendar',
    );
    await user.click(await screen.findByRole('button', { name: /系统管理员/ }));
    await user.click(await screen.findByRole('menuitem', { name: '退出登录' }));
    await waitFor(() => expect(assign).toHaveBeenCalledWith('/'));
    expect(calls.some((c) => c.url.endsWith('/auth/logout') && c.init?.method === 'POST')).toBe(true);
    // a render later, the guard has still not redirected: the full load is the only navigation
    await new Promise((r) => setTimeout(r, 50));
    expect(screen.queryByText('登录页')).toBeNull();
    expect(screen.getByText('节假日日历')).toBeTruthy();
  });
});
