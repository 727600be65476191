import { describe, expect, it, vi } from 'vitest';
import { screen } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import i18n from '../../i18n';
import { renderApp } from '../../test/render';
import { sketch } from '../../test/sketch';
import type { CaseView } from '../../api/cases';
import CaseDetailPage from './CaseDetailPage';

// A case's status in words: the decision named, an optional material not called missing.

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

const completed = sketch<CaseView>({
  id: 'c1',
  receiptNo: 'QH20260000001',
  title: '食品经营许可',
  state: 'completed',
  channel: 'online',
  committedDays: 7,
  decision: 'approved',
  version: 9,
  items: [],
  materials: [
    { id: 'm1', name: '营业执照', required: true, deferrable: false, status: 'provided', fileId: null },
    { id: 'm2', name: '委托书', required: false, deferrable: false, status: 'missing', fileId: null },
  ],
  tasks: [],
  records: [],
  supplementNotices: [],
  documents: [],
  clocks: { acceptance: null, case: null, delivery: null },
  history: [],
  allowedActions: [],
  form: {},
});

function serve() {
  document.cookie = 'ow_csrf=csrf-1; path=/';
  vi.stubGlobal('fetch', async (input: RequestInfo | URL) => {
    const path = new URL(String(input), 'http://x').pathname;
    if (path === '/api/v1/auth/me')
      return json(200, {
        id: 'u1',
        username: 'a',
        displayName: '张小明',
        role: 'applicant',
        departmentId: null,
      });
    if (path === '/api/v1/cases/c1') return json(200, completed);
    if (path === '/api/v1/cases/c1/fees')
      return json(200, {
        caseId: 'c1',
        receiptNo: 'QH20260000001',
        forms: [],
        awaiting: [],
        totals: { chargedFen: 0, waivedFen: 0, paidFen: 0, outstandingFen: 0, refundedFen: 0 },
      });
    return json(404, { status: 404, code: 'route_not_found', detail: path });
  });
}

const renderCase = () =>
  renderApp(
    <Routes>
      <Route path="/cases/:id" element={<CaseDetailPage />} />
    </Routes>,
    '/cases/c1',
  );

describe('a completed case', () => {
  it('names its decision and does not call an optional material missing (中文)', async () => {
    serve();
    renderCase();
    expect((await screen.findByTestId('case-decision')).textContent).toBe('准予行政许可');
    const row = screen.getByText('委托书').closest('tr')!;
    expect(row.textContent).toContain('未提交（非必需）');
    expect(row.closest('table')!.textContent).not.toContain('缺少');
  });

  it('in English too', async () => {
    await i18n.changeLanguage('en');
    serve();
    renderCase();
    const tag = await screen.findByTestId('case-decision');
    expect(tag.textContent).not.toBe('approved');
    expect(tag.textContent).toBe(i18n.t('enum.caseDecision.approved'));
    expect(screen.getByText('not given (optional)')).toBeTruthy();
  });
});
