import { describe, expect, it, vi } from 'vitest';
import { screen } from '@testing-library/react';
import { fill, user } from '../test/user';
import { Route, Routes } from 'react-router';
import i18n from '../i18n';
import { renderApp } from '../test/render';
import LoginPage from './public/LoginPage';
import { ProposalCard } from './admin/calendar/ProposalCard';
import type { CalendarProposal } from '../api/admin-types';

const problem = (status: number, body: object) =>
  new Response(JSON.stringify({ status, ...body }), {
    status,
    headers: { 'content-type': 'application/problem+json' },
  });

describe('login', () => {
  it('validates in the browser before sending anything', async () => {
    const fetch = vi.fn();
    vi.stubGlobal('fetch', fetch);
    renderApp(<LoginPage />, '/login');
    await user.click(await screen.findByRole('button', { name: /登\s*录/ }));
    expect(await screen.findByText('请输入用户名')).toBeTruthy();
    expect(screen.getByText('请输入密码')).toBeTruthy();
    expect(fetch).not.toHaveBeenCalled();
  });

  it("shows the server's message, in the UI language, and lands on the role's page", async () => {
    await i18n.changeLanguage('en');
    const calls: RequestInit[] = [];
    vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
      calls.push(init);
      const body = init.body ? JSON.parse(init.body as string) : {};
      if (url.endsWith('/auth/login') && body.password !== 'right')
        return problem(401, { code: 'invalid_credentials', detail: 'Wrong username or password' });
      if (url.endsWith('/auth/login'))
        return new Response(
          JSON.stringify({
            user: { id: '1', username: 'admin', role: 'admin', departmentId: null },
            csrfToken: 't',
            expiresAt: '2026-01-01T00:00:00Z',
          }),
          { headers: { 'content-type': 'application/json' } },
        );
      return new Response(
        JSON.stringify({
          id: '1',
          username: 'admin',
          displayName: 'Admin',
          role: 'admin',
          departmentId: null,
          version: 1,
        }),
        { headers: { 'content-type': 'application/json' } },
      );
    });
    renderApp(
      <Routes>
        <Route path="/login" element={<LoginPage />} />
        <Route path="/admin/items" element={<p>admin home</p>} />
      </Routes>,
      '/login',
    );
    await fill(await screen.findByLabelText('Username'), 'admin');
    await user.type(screen.getByLabelText('Password'), 'wrong{Enter}');
    expect((await screen.findByRole('alert')).textContent).toContain('Wrong username or password');
    expect((calls[0]!.headers as Record<string, string>)['accept-language']).toBe('en');
    await user.clear(screen.getByLabelText('Password'));
    await user.type(screen.getByLabelText('Password'), 'right{Enter}');
    expect(await screen.findByText('admin home')).toBeTruthy();
  });
});

describe('calendar proposal', () => {
  const proposal: CalendarProposal = {
    id: 'p1',
    year: 2027,
    source: '国办发明电〔2026〕1号',
    status: 'pending',
    proposedBy: null,
    proposedAt: '2026-11-26T21:04:25.191Z',
    decidedBy: null,
    decidedAt: null,
    decisionNote: null,
    days: [],
    diff: {
      added: [{ date: '2027-10-01', kind: 'holiday', name: '国庆节', source: 's' }],
      removed: [{ date: '2027-05-06', kind: 'holiday', name: '劳动节', source: 's' }],
      changed: [
        {
          before: { date: '2027-02-20', kind: 'holiday', name: '春节', source: 's' },
          after: { date: '2027-02-20', kind: 'makeup_workday', name: '春节', source: 's' },
        },
      ],
    },
  };

  it("shows the diff and, when the proposer tries to confirm, the server's four-eyes refusal", async () => {
    vi.stubGlobal('fetch', async () =>
      problem(409, { code: 'four_eyes', detail: '须由另一位管理员确认（提出人不能自己确认）' }),
    );
    renderApp(<ProposalCard proposal={proposal} onDecided={() => {}} />);
    expect(screen.getByText('2027-10-01')).toBeTruthy();
    expect(screen.getByText('新增')).toBeTruthy();
    expect(screen.getByText('删除')).toBeTruthy();
    expect(screen.getByText('修改')).toBeTruthy();
    expect(screen.getByText('春节 · 调休上班')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: '确认生效' }));
    expect((await screen.findByRole('alert')).textContent).toContain(
      '须由另一位管理员确认（提出人不能自己确认）',
    );
  });
});
