import { afterEach, describe, expect, it, vi } from 'vitest';
import { configure, screen, within } from '@testing-library/react';
import i18n from '../../i18n';
import { fakeFetch, renderApp } from '../../test/render';
import { describeClockEvent } from './ClockHistory';
import SignalsPage from './SignalsPage';
import OrdersPage from './OrdersPage';

configure({ asyncUtilTimeout: 10_000 });

const subject = {
  kind: 'case' as const,
  reference: 'QH202612010001',
  title: '食品经营许可',
  person: '清**********',
  departmentId: 'd1',
  link: '/cases/c1',
};
const departments = {
  items: [{ id: 'd1', code: 'SCJ', name: '清河市市场监督管理局', shortName: '市场监管局' }],
};
const order = (over: object) => ({
  id: 'o1',
  clockId: 'k1',
  label: '食品经营许可（QH202612010001）',
  dueDate: '2026-12-03',
  matterDone: false,
  subjectType: 'task',
  subjectId: 't1',
  departmentId: 'd1',
  status: 'open',
  openedAt: '2026-12-04T01:00:00.000Z',
  answerClockId: 'a1',
  answerDueDate: '2026-12-09',
  answerColour: 'green',
  answer: null,
  answeredAt: null,
  answeredBy: null,
  closedAt: null,
  closeNote: null,
  version: 1,
  subject,
  ...over,
});

function asSupervisor(routes: Record<string, unknown>) {
  document.cookie = 'ow_csrf=t; path=/';
  vi.stubGlobal(
    'fetch',
    fakeFetch({
      '/api/v1/auth/me': { id: 'u1', username: 'supervisor', role: 'supervisor', departmentId: null },
      '/api/v1/departments': departments,
      ...routes,
    }),
  );
}
afterEach(() => {
  document.cookie = 'ow_csrf=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/';
  vi.unstubAllGlobals();
});

describe('supervision lists lead to the matter', () => {
  it("a signal names the case by its 受理编号 and links to it, never 'task <uuid>'", async () => {
    await i18n.changeLanguage('zh-CN');
    asSupervisor({
      '/api/v1/supervision/signals': {
        items: [
          {
            id: 's1',
            kind: 'clock_overdue',
            severity: 'serious',
            title: '超期',
            titleEn: 'Overdue',
            clockId: 'k1',
            subjectType: 'task',
            subjectId: '01a249e5-0000-7000-8000-000000000000',
            departmentId: 'd1',
            raisedAt: '2026-12-04T01:00:00.000Z',
            status: 'open',
            data: {},
            subject,
          },
        ],
        total: 1,
        page: 1,
        pageSize: 20,
      },
    });
    renderApp(<SignalsPage />, '/supervision/signals');
    const link = await screen.findByRole('link', { name: 'QH202612010001' });
    expect(link.getAttribute('href')).toBe('/cases/c1');
    expect(screen.getByText('食品经营许可')).toBeTruthy();
    expect(screen.queryByText(/01a249e5/)).toBeNull();
    expect(screen.getByText(/部门审查时限/)).toBeTruthy();
  });

  it('办结 is offered on an answered order, or one whose matter finished, not on an unanswered one', async () => {
    await i18n.changeLanguage('zh-CN');
    asSupervisor({
      '/api/v1/supervision/orders': {
        items: [
          order({ id: 'open', subjectId: 'a' }),
          order({
            id: 'answered',
            status: 'answered',
            answer: '已督促',
            subjectId: 'b',
            subject: { ...subject, reference: 'QH2' },
          }),
          order({ id: 'done', matterDone: true, subjectId: 'c', subject: { ...subject, reference: 'QH3' } }),
        ],
        total: 3,
        page: 1,
        pageSize: 20,
      },
    });
    renderApp(<OrdersPage />, '/supervision/orders');
    const rowOf = async (ref: string) => (await screen.findByRole('link', { name: ref })).closest('tr')!;
    expect(
      within(await rowOf('QH202612010001')).queryByRole('button', { name: /销\s*号|办\s*结/ }),
    ).toBeNull();
    expect(within(await rowOf('QH2')).getByRole('button', { name: /销\s*号|办\s*结/ })).toBeTruthy();
    expect(within(await rowOf('QH3')).getByRole('button', { name: /销\s*号|办\s*结/ })).toBeTruthy();
  });
});

describe('clock history', () => {
  it('reads as sentences in the reader’s language, not JSON', async () => {
    await i18n.changeLanguage('en');
    const lines = describeClockEvent(
      { days: 3, reason: 'site visit', dueDate: '2026-12-10', previousDueDate: '2026-12-07' },
      i18n.t,
      'en',
    );
    expect(lines).toEqual([
      'Extended by: 3 working days',
      'Reason: site visit',
      'Previous due date: 7 Dec 2026',
      'Due date: 10 Dec 2026',
    ]);
    await i18n.changeLanguage('zh-CN');
    const same = describeClockEvent(
      { outcome: 'accepted', dueDate: '2026-12-07', previousDueDate: '2026-12-07' },
      i18n.t,
      'zh-CN',
    );
    expect(same).toEqual(['结果：已受理']);
  });
});
