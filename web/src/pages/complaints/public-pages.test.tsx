import { afterEach, describe, expect, it, vi } from 'vitest';
import { configure, screen, within } from '@testing-library/react';
import { fill, user as person } from '../../test/user';
import { renderApp } from '../../test/render';
import { CATEGORIES, DEPARTMENTS, json, serve, signOut } from './fake-server';
import ReportPage from './ReportPage';
import TrackComplaintPage from './TrackComplaintPage';
import ComplaintStatsPage from './ComplaintStatsPage';

configure({ asyncUtilTimeout: 10_000 });
const until = (check: () => void) => vi.waitFor(check, { timeout: 10_000 });
afterEach(signOut);

describe('reporting a problem', () => {
  it('sends an anonymous 乱收费 report and shows the ticket number and the check code to keep', async () => {
    const calls = serve({
      'GET /api/v1/complaints/categories': CATEGORIES,
      'GET /api/v1/departments': DEPARTMENTS,
      'POST /api/v1/complaints': () =>
        json(201, {
          id: 'c1',
          ticketNo: 'JB2026000007',
          checkCode: 'K7P2QX',
          state: 'submitted',
          acceptanceDueDate: null,
          possibleDuplicates: [],
        }),
    });
    renderApp(<ReportPage />, '/complaints/report');
    await person.click(await screen.findByRole('combobox', { name: '类别' }));
    await person.click(await screen.findByText('乱收费'));
    await person.click(screen.getByRole('combobox', { name: '被反映部门' }));
    await person.click(await screen.findByText('清河市市场监督管理局'));
    await fill(screen.getByLabelText('缴款单或收据号'), 'JK2026000123');
    await fill(screen.getByLabelText('反映内容'), '办理营业执照时被要求另交 200 元“加急费”。');
    await person.click(screen.getByRole('button', { name: '提交举报' }));

    expect(await screen.findByText('举报已提交')).toBeTruthy();
    expect(screen.getByTestId('ticket-no').textContent).toContain('JB2026000007');
    expect(screen.getByTestId('check-code').textContent).toContain('K7P2QX');
    expect(screen.getByText(/请记下工单号和查询码/)).toBeTruthy();
    expect(calls.find((c) => c.method === 'POST')!.body).toEqual({
      channel: 'portal',
      anonymous: true,
      categoryCode: 'arbitrary_fee',
      departmentId: 'd-scj',
      concerns: { feeReference: 'JK2026000123' },
      description: '办理营业执照时被要求另交 200 元“加急费”。',
    });
  });

  it('asks a real-name reporter for a name before sending', async () => {
    const calls = serve({
      'GET /api/v1/complaints/categories': CATEGORIES,
      'GET /api/v1/departments': DEPARTMENTS,
    });
    renderApp(<ReportPage />, '/complaints/report');
    await person.click(await screen.findByRole('radio', { name: '实名' }));
    await person.click(screen.getByRole('button', { name: '提交举报' }));
    expect(await screen.findByText('请填写姓名')).toBeTruthy();
    expect(calls.some((c) => c.method === 'POST')).toBe(false);
  });
});

describe('tracking a report', () => {
  it('shows the steps, the due date and the reply, and lets the reporter rate with the code', async () => {
    const closed = {
      id: 'c1',
      ticketNo: 'JB2026000007',
      state: 'closed',
      category: '乱收费',
      department: '清河市市场监督管理局',
      dueDate: '2026-12-18',
      reply: '经核查，已责令退还多收费用 200 元。',
      refusalReasons: null,
      mergedIntoTicketNo: null,
      rating: null,
      mayReopenUntil: '2026-12-11',
      steps: [
        { at: '2026-12-01T01:00:00.000Z', kind: 'submitted' },
        { at: '2026-12-01T02:00:00.000Z', kind: 'accept' },
        { at: '2026-12-01T03:00:00.000Z', kind: 'dispatch' },
        { at: '2026-12-02T03:00:00.000Z', kind: 'reply' },
        { at: '2026-12-03T03:00:00.000Z', kind: 'close' },
      ],
      lastHash: 'ab',
    };
    const calls = serve({
      'GET /api/v1/complaints/categories': CATEGORIES,
      'GET /api/v1/complaints/track/JB2026000007': closed,
      'POST /api/v1/complaints/c1/rate': { id: 'c1', state: 'closed', version: 7 },
    });
    renderApp(<TrackComplaintPage />, '/complaints/track?ticket=JB2026000007');
    await fill(await screen.findByLabelText('查询码'), 'K7P2QX');
    await person.click(screen.getByRole('button', { name: /查\s*询/ }));
    expect(await screen.findByText('经核查，已责令退还多收费用 200 元。')).toBeTruthy();
    const steps = within(screen.getByLabelText('办理进度'));
    for (const step of ['提交', '受理', '交办', '答复', '办结']) expect(steps.getByText(step)).toBeTruthy();
    expect(screen.getByTestId('complaint-state').textContent).toBe('已办结');
    expect(screen.getByText(/2026年12月18日/)).toBeTruthy();
    expect(calls.find((c) => c.path.startsWith('/api/v1/complaints/track'))!.query.get('code')).toBe(
      'K7P2QX',
    );

    await person.click(screen.getAllByRole('radio')[4]!);
    await person.click(screen.getByRole('button', { name: '提交评价' }));
    await until(() =>
      expect(calls.find((c) => c.method === 'POST')?.body).toEqual({ code: 'K7P2QX', rating: 5 }),
    );
  });
});

describe('public statistics', () => {
  it('ranks only departments above the minimum and says why the others are not shown', async () => {
    serve({
      'GET /api/v1/complaints/stats': {
        minimumTickets: 5,
        departments: [
          {
            departmentId: 'd-scj',
            department: '清河市市场监督管理局',
            tickets: 12,
            shown: true,
            onTimeReplyRate: 0.9167,
            resolutionRate: 0.75,
            returns: 1,
          },
          {
            departmentId: 'd-wjw',
            department: '清河市卫生健康委员会',
            tickets: 1,
            shown: false,
            onTimeReplyRate: null,
            resolutionRate: null,
            returns: null,
          },
        ],
      },
    });
    renderApp(<ComplaintStatsPage />, '/complaints/stats');
    expect(await screen.findByText('91.7%')).toBeTruthy();
    expect(screen.getByText(/只公布收到不少于 5 件的部门/)).toBeTruthy();
    expect(screen.getByTestId('stats-withheld').textContent).toContain('清河市卫生健康委员会');
    expect(screen.getAllByRole('row')).toHaveLength(2);
  });

  it('says the same in English', async () => {
    const { default: i18n } = await import('../../i18n');
    await i18n.changeLanguage('en');
    serve({
      'GET /api/v1/complaints/stats': {
        minimumTickets: 5,
        departments: [
          {
            departmentId: 'd-wjw',
            department: 'Health Commission',
            tickets: 1,
            shown: false,
            onTimeReplyRate: null,
            resolutionRate: null,
            returns: null,
          },
        ],
      },
    });
    renderApp(<ComplaintStatsPage />, '/complaints/stats');
    expect(await screen.findByText(/Only departments with at least 5 tickets are shown/)).toBeTruthy();
    expect(screen.getByText('No department has reached 5 tickets yet.')).toBeTruthy();
    expect(screen.getByTestId('stats-withheld').textContent).toContain('Health Commission');
    await i18n.changeLanguage('zh-CN');
  });
});
