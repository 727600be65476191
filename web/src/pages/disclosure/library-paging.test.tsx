import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import i18n from '../../i18n';
import { fakeFetch, renderApp } from '../../test/render';
import { user } from '../../test/user';
import LibraryPage from './LibraryPage';

const doc = (n: number) => ({
  id: `doc-${n}`,
  docNo: `清民规〔2025〕${n}号`,
  title: `清河市养老服务补贴发放办法（第${n}号）`,
  issuer: '清河市民政局',
  issuedOn: '2025-03-15',
  effectiveOn: '2025-04-01',
  expiresOn: null,
  status: 'valid',
  standing: 'in_force',
});

afterEach(() => vi.unstubAllGlobals());

const lastQuery = (calls: { url: string }[]) =>
  new URL(calls.filter((c) => c.url.includes('/disclosure/documents')).at(-1)!.url, 'http://x').searchParams;

describe('the library of normative documents', () => {
  it('asks for the page in the address, and pages on through every document', async () => {
    await i18n.changeLanguage('zh-CN');
    const calls: { url: string; init?: RequestInit }[] = [];
    vi.stubGlobal(
      'fetch',
      fakeFetch(
        {
          '/api/v1/auth/me': { id: 'u1', username: 'visitor', role: 'applicant', departmentId: null },
          '/api/v1/disclosure/documents': {
            today: '2026-11-30',
            terms: ['养老'],
            items: Array.from({ length: 20 }, (_, i) => doc(i + 21)),
            total: 130,
            offset: 20,
            limit: 20,
          },
        },
        calls,
      ),
    );
    renderApp(<LibraryPage />, '/disclosure/documents?q=养老&page=2');
    await screen.findByText('清河市养老服务补贴发放办法（第21号）');
    expect(Object.fromEntries(lastQuery(calls))).toEqual({ q: '养老', limit: '20', offset: '20' });
    expect(screen.getByText('共 130 项')).toBeTruthy();
    await user.click(screen.getByRole('listitem', { name: '7' }));
    await waitFor(() => expect(lastQuery(calls).get('offset')).toBe('120'));
    expect(lastQuery(calls).get('q')).toBe('养老');
  });
});
