import { afterEach, describe, expect, it, vi } from 'vitest';
import { configure, screen, within } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { fill, user as person } from '../../test/user';
import { renderApp } from '../../test/render';
import { sketch } from '../../test/sketch';
import type { ComplaintView, QueueRow } from '../../api/complaints';
import { CATEGORIES, DEPARTMENTS, me, serve, signIn, signOut } from './fake-server';
import ComplaintWorkbenchPage from './ComplaintWorkbenchPage';
import ComplaintDetailPage from './ComplaintDetailPage';
import DepartmentComplaintsPage from './DepartmentComplaintsPage';
import SupervisorComplaintsPage from './SupervisorComplaintsPage';

configure({ asyncUtilTimeout: 10_000 });
const until = (check: () => void) => vi.waitFor(check, { timeout: 10_000 });
afterEach(signOut);

const row = (over: Partial<QueueRow> = {}) =>
  sketch<QueueRow>({
    id: 'c1',
    ticketNo: 'JB2026000001',
    state: 'submitted',
    category: 'arbitrary_fee',
    urgent: false,
    route: 'department',
    departmentId: 'd-scj',
    assignedDepartmentId: null,
    reporterName: '王小二',
    dueDate: '2026-12-18',
    colour: 'green',
    returnCount: 0,
    reopenCount: 0,
    createdAt: '2026-12-01T01:00:00.000Z',
    ...over,
  });
const ticket = (over: Partial<ComplaintView> = {}) =>
  sketch<ComplaintView>({
    id: 'c1',
    ticketNo: 'JB2026000001',
    version: 1,
    state: 'submitted',
    channel: 'portal',
    category: { code: 'arbitrary_fee', zh: '乱收费', en: 'Arbitrary charges' },
    urgent: false,
    route: 'department',
    department: { id: 'd-scj', name: '清河市市场监督管理局' },
    assignedDepartment: null,
    aboutLeadership: false,
    concerns: { caseReceiptNo: null, feeReference: null, inspectionReference: null, staffNamed: null },
    description: '窗口要求另交加急费。',
    location: null,
    reporter: { anonymous: false, masked: false, name: '王小二', phone: '13900139000', email: null },
    reply: null,
    refusalReasons: null,
    callbackNote: null,
    rating: null,
    returnCount: 0,
    reopenCount: 0,
    mergedIntoTicketNo: null,
    attachments: [],
    clocks: [],
    allowedActions: ['accept', 'refuse', 'merge'],
    history: [
      {
        seq: 1,
        at: '2026-12-01T01:00:00.000Z',
        kind: 'submitted',
        actorRole: 'anonymous',
        data: { note: null },
        hash: 'a',
      },
    ],
    createdAt: '2026-12-01T01:00:00.000Z',
    closedAt: null,
    ...over,
  });

describe("the reporting center's workbench", () => {
  it('on a phone the queues are a wrapping group of radio buttons, not tabs with an overflow menu', async () => {
    signIn();
    const calls = serve({
      'GET /api/v1/auth/me': me('complaint_officer', 'd-center'),
      'GET /api/v1/departments': DEPARTMENTS,
      'GET /api/v1/complaints/categories': CATEGORIES,
      'GET /api/v1/complaints/workbench': {
        items: [row()],
        counts: {
          steps: { submitted: 1, accepted: 0, dispatched: 7, returned: 1, replied: 3 },
          colours: { red: 0, yellow: 0, green: 1, none: 0 },
          deadlines: { overdue: 0, today: 0, later: 1, none: 0 },
          total: 12,
        },
      },
    });
    // jsdom matches no media query: the page is laid out as on the narrowest screen.
    renderApp(
      <Routes>
        <Route path="/complaints/workbench" element={<ComplaintWorkbenchPage />} />
      </Routes>,
      '/complaints/workbench',
    );
    const group = await screen.findByRole('radiogroup', { name: '工单队列' });
    expect(screen.queryByRole('tablist')).toBeNull();
    const radios = within(group).getAllByRole('radio');
    expect(radios).toHaveLength(5);
    expect(within(group).getByRole('radio', { name: /待受理/ })).toHaveProperty('checked', true);
    await person.click(
      within(group)
        .getByRole('radio', { name: /办理中/ })
        .closest('label')!,
    );
    await until(() =>
      expect(
        calls.some((c) => c.path === '/api/v1/complaints/workbench' && c.query.get('state') === 'dispatched'),
      ).toBe(true),
    );
  });

  it('lists the queues with their counts, opens a ticket and accepts it', async () => {
    signIn();
    let accepted = false;
    const calls = serve({
      'GET /api/v1/auth/me': me('complaint_officer', 'd-center'),
      'GET /api/v1/departments': DEPARTMENTS,
      'GET /api/v1/complaints/categories': CATEGORIES,
      // One page of the queue asked for, with the server's counts of every open ticket.
      'GET /api/v1/complaints/workbench': {
        items: [row(), row({ id: 'c2', ticketNo: 'JB2026000002', colour: 'red' })],
        counts: {
          steps: { submitted: 250, accepted: 0, dispatched: 7, returned: 1, replied: 3 },
          colours: { red: 4, yellow: 2, green: 250, none: 5 },
          deadlines: { overdue: 4, today: 1, later: 251, none: 5 },
          total: 261,
        },
      },
      'GET /api/v1/complaints/c1': () =>
        new Response(
          JSON.stringify(
            accepted
              ? ticket({ version: 2, state: 'accepted', allowedActions: ['dispatch', 'merge'] })
              : ticket(),
          ),
          { status: 200, headers: { 'content-type': 'application/json' } },
        ),
      'GET /api/v1/complaints/c1/duplicates': {
        items: [{ id: 'c2', ticketNo: 'JB2026000002', state: 'submitted', score: 0.82, near: true }],
      },
      'POST /api/v1/complaints/c1/accept': () => {
        accepted = true;
        return new Response(JSON.stringify({ id: 'c1', state: 'accepted', version: 2 }), {
          status: 200,
          headers: { 'content-type': 'application/json' },
        });
      },
    });
    renderApp(
      <Routes>
        <Route path="/complaints/workbench" element={<ComplaintWorkbenchPage />} />
        <Route path="/complaints/tickets/:id" element={<ComplaintDetailPage />} />
      </Routes>,
      '/complaints/workbench',
    );
    expect((await screen.findByTestId('queue-submitted')).textContent).toContain('250');
    expect(screen.getByTestId('queue-returned').textContent).toContain('1');
    expect(screen.getByTestId('queue-accepted').textContent).toContain('0');
    expect(screen.getByTestId('queue-page').textContent).toBe('显示期限最近的 2 件，共 250 件');
    expect(screen.getByText('红灯 (4)')).toBeTruthy();
    expect(screen.getByText('已逾期 (4)')).toBeTruthy();
    const asked = calls.find((c) => c.path === '/api/v1/complaints/workbench')!.query;
    expect(asked.get('state')).toBe('submitted');
    await person.click(screen.getByText('已逾期 (4)'));
    await until(() =>
      expect(
        calls.some((c) => c.path === '/api/v1/complaints/workbench' && c.query.get('deadline') === 'overdue'),
      ).toBe(true),
    );
    // The filtered page replaces the list when its answer arrives: wait for the table, not the request.
    const queue = within(await screen.findByRole('table', { name: '待受理' }));
    expect(queue.getAllByText('王小二')).toHaveLength(2);
    expect(queue.getByText('红灯', { exact: false })).toBeTruthy();

    await person.click(queue.getByRole('link', { name: 'JB2026000001' }));
    expect(await screen.findByText('13900139000')).toBeTruthy();
    const history = within(screen.getByLabelText('办理记录'));
    expect(history.getByText(/公众/)).toBeTruthy();
    expect(history.queryByText('null')).toBeNull();
    expect(await screen.findByRole('button', { name: '并入 JB2026000002' })).toBeTruthy();
    await person.click(screen.getByRole('button', { name: /^受\s*理$/ }));
    const dialog = await screen.findByRole('dialog');
    await fill(within(dialog).getByLabelText('说明'), '属实，予以受理');
    await person.click(within(dialog).getByRole('button', { name: /^受\s*理$/ }));
    await until(() => expect(screen.getByTestId('complaint-state').textContent).toBe('已受理'));
    expect(screen.getByRole('button', { name: /^交\s*办$/ })).toBeTruthy();
    expect(calls.find((c) => c.method === 'POST')!.body).toEqual({ version: 1, note: '属实，予以受理' });
  });
});

describe("the department's list", () => {
  it('shows the reporter withheld, as the server sends it, and replies from the list', async () => {
    signIn();
    const calls = serve({
      'GET /api/v1/auth/me': me('reviewer'),
      'GET /api/v1/departments': DEPARTMENTS,
      'GET /api/v1/complaints/categories': CATEGORIES,
      'GET /api/v1/complaints/department': {
        items: [row({ state: 'dispatched', assignedDepartmentId: 'd-scj', reporterName: null })],
      },
      'GET /api/v1/complaints/c1': ticket({
        version: 3,
        state: 'dispatched',
        reporter: { anonymous: false, masked: true, name: null, phone: null, email: null },
        allowedActions: ['return', 'reply'],
      }),
      'POST /api/v1/complaints/c1/reply': { id: 'c1', state: 'replied', version: 4 },
    });
    renderApp(<DepartmentComplaintsPage />, '/complaints/department');
    const table = within(await screen.findByRole('table', { name: '本部门举报工单' }));
    expect(await table.findByText('已隐去')).toBeTruthy();
    expect(screen.queryByText('王小二')).toBeNull();
    await person.click(table.getByRole('button', { name: /^答\s*复$/ }));
    const dialog = await screen.findByRole('dialog');
    await fill(within(dialog).getByLabelText('答复'), '已责令退还加急费 200 元。');
    await person.click(within(dialog).getByRole('button', { name: /^答\s*复$/ }));
    await until(() =>
      expect(calls.find((c) => c.method === 'POST')?.body).toEqual({
        version: 3,
        reply: '已责令退还加急费 200 元。',
      }),
    );
  });
});

describe("the supervisors' view", () => {
  it('counts overdue, returned, reopened and leadership tickets, and shows a 乱收费 report beside the published fees', async () => {
    signIn();
    serve({
      'GET /api/v1/auth/me': me('supervisor', 'd-jw'),
      'GET /api/v1/departments': DEPARTMENTS,
      'GET /api/v1/complaints/categories': CATEGORIES,
      'GET /api/v1/complaints/supervision': {
        overdue: [row({ colour: 'red', state: 'dispatched' })],
        returned: [row({ id: 'c3', ticketNo: 'JB2026000003', returnCount: 2 })],
        reopened: [],
      },
      'GET /api/v1/complaints/workbench': {
        items: [row({ id: 'c4', ticketNo: 'JB2026000004', route: 'supervisors' }), row()],
      },
      'GET /api/v1/complaints/c1': ticket({
        concerns: {
          caseReceiptNo: null,
          feeReference: 'JK2026000123',
          inspectionReference: null,
          staffNamed: null,
        },
        allowedActions: [],
      }),
      'GET /api/v1/complaints/c1/fee-context': {
        ticketNo: 'JB2026000001',
        feeReference: 'JK2026000123',
        publishedFees: [
          { code: 'F1', name: '特种设备检验检测费', basis: '《特种设备安全法》', standard: '每台 480 元' },
        ],
      },
    });
    renderApp(
      <Routes>
        <Route path="/complaints/supervision" element={<SupervisorComplaintsPage />} />
        <Route path="/complaints/tickets/:id" element={<ComplaintDetailPage />} />
      </Routes>,
      '/complaints/supervision',
    );
    expect(await screen.findByRole('tab', { name: '逾期 (1)' })).toBeTruthy();
    expect(screen.getByRole('tab', { name: '退单 (1)' })).toBeTruthy();
    expect(screen.getByRole('tab', { name: '重办 (0)' })).toBeTruthy();
    await until(() => expect(screen.getByRole('tab', { name: '涉及领导 (1)' })).toBeTruthy());
    await person.click(
      within(screen.getByRole('table', { name: '逾期' })).getByRole('link', { name: 'JB2026000001' }),
    );
    const fees = within(await screen.findByRole('table', { name: '公布的收费项目' }));
    expect(fees.getByText('特种设备检验检测费')).toBeTruthy();
    expect(screen.getAllByText('JK2026000123').length).toBeGreaterThan(0);
  });
});
