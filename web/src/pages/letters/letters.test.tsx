import { describe, expect, it, vi } from 'vitest';
import { configure, screen, within } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { fill, user as person } from '../../test/user';
import { renderApp } from '../../test/render';
import { sketch } from '../../test/sketch';
import type { LetterSummary, LetterView } from '../../api/letters';
import LettersPage from './LettersPage';
import LetterDetailPage from './LetterDetailPage';
import DepartmentLettersPage from './DepartmentLettersPage';

configure({ asyncUtilTimeout: 10_000 });
const until = (check: () => void) => vi.waitFor(check, { timeout: 10_000 });

type Route_ = unknown | ((body: unknown) => Response);
interface Call {
  method: string;
  path: string;
  query: URLSearchParams;
  body: unknown;
}
const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': status < 400 ? 'application/json' : 'application/problem+json' },
  });

/** A fake server answering "METHOD /path", recording every call with its JSON body. */
function serve(routes: Record<string, Route_>): Call[] {
  const calls: Call[] = [];
  vi.stubGlobal('fetch', async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(String(input), 'http://x');
    const method = init?.method ?? 'GET';
    const body: unknown = typeof init?.body === 'string' ? JSON.parse(init.body) : undefined;
    calls.push({ method, path: url.pathname, query: url.searchParams, body });
    const r = routes[`${method} ${url.pathname}`];
    if (r === undefined)
      return json(404, { status: 404, code: 'route_not_found', detail: `没有这个接口：${url.pathname}` });
    return typeof r === 'function' ? (r as (b: unknown) => Response)(body) : json(200, r);
  });
  return calls;
}
const signIn = () => {
  document.cookie = 'ow_csrf=tok; path=/';
};
const me = (role: string) => ({
  id: `u-${role}`,
  username: role,
  displayName: role,
  role,
  departmentId: 'd-scj',
  status: 'active',
});
const DEPARTMENTS = {
  items: [
    { id: 'd-scj', code: 'SCJ', name: '清河市市场监督管理局', shortName: '市市场监管局' },
    { id: 'd-wjw', code: 'WJW', name: '清河市卫生健康委员会', shortName: '市卫生健康委' },
  ],
  total: 2,
};
const summary = (over: Partial<LetterSummary> = {}) =>
  sketch<LetterSummary>({
    id: 'l1',
    number: 'LH2026000001',
    kind: 'citizen',
    senderName: '张小明',
    senderOrganization: null,
    senderMasked: false,
    receivedDate: '2026-11-27',
    subject: '关于夜市占道经营扰民的反映',
    state: 'assigned',
    departmentId: 'd-scj',
    departmentName: '清河市市场监督管理局',
    dueDate: '2026-12-18',
    colour: 'green',
    overdue: false,
    hasOriginal: true,
    extensionPending: false,
    replyNumber: null,
    repliedAt: null,
    version: 2,
    ...over,
  });
const view = (over: Partial<LetterView> = {}) =>
  sketch<LetterView>({
    ...summary(),
    senderIdNumber: '11010519491231002X',
    senderPhone: '13800138000',
    senderAddress: '清河市人民路1号',
    summary: '人民路夜市每晚占道经营至凌晨。',
    limitDays: 15,
    registeredAt: '2026-11-30T01:30:00.000Z',
    assignedAt: '2026-11-30T02:00:00.000Z',
    original: { name: '来函扫描件.pdf', mime: 'application/pdf', size: 10, sha256: 'ab' },
    extensionRequest: null,
    reply: null,
    clock: null,
    allowedActions: [],
    ...over,
  } as Partial<LetterView>);

describe('the letter registry', () => {
  it('registers a letter, showing the server’s refusal beside the field, then opens the letter', async () => {
    signIn();
    let tries = 0;
    const calls = serve({
      'GET /api/v1/auth/me': me('clerk'),
      'GET /api/v1/departments': DEPARTMENTS,
      'GET /api/v1/letters': { items: [summary()], total: 1, page: 1, pageSize: 20 },
      'POST /api/v1/letters': () =>
        ++tries === 1
          ? json(400, {
              status: 400,
              code: 'validation_failed',
              detail: '请求数据不符合要求：/body/receivedDate',
              errors: [{ path: '/body/receivedDate', code: 'in_future', message: '收文日期不能晚于今天' }],
            })
          : json(201, view({ id: 'l9', number: 'LH2026000009', state: 'registered' })),
      'GET /api/v1/letters/l9': view({ id: 'l9', number: 'LH2026000009', state: 'registered' }),
    });
    renderApp(
      <Routes>
        <Route path="/letters" element={<LettersPage />} />
        <Route path="/letters/:id" element={<LetterDetailPage />} />
      </Routes>,
      '/letters',
    );
    expect(await screen.findByText('LH2026000001')).toBeTruthy();
    await person.click(screen.getByRole('button', { name: '登记来函' }));
    const dialog = await screen.findByRole('dialog');
    await fill(within(dialog).getByLabelText('来函人（单位）'), '李四');
    await fill(within(dialog).getByLabelText('收文日期'), '2026-12-30');
    await fill(within(dialog).getByLabelText('事由'), '关于窗口排队时间过长的意见');
    await person.click(within(dialog).getByRole('button', { name: /登记来函/ }));
    expect(await within(dialog).findByText('收文日期不能晚于今天')).toBeTruthy();
    await person.clear(within(dialog).getByLabelText('收文日期'));
    await fill(within(dialog).getByLabelText('收文日期'), '2026-11-30');
    await person.click(within(dialog).getByRole('button', { name: /登记来函/ }));
    expect(await screen.findByRole('heading', { name: /LH2026000009/ })).toBeTruthy();
    const sent = calls.filter((c) => c.method === 'POST' && c.path === '/api/v1/letters').at(-1)!.body;
    expect(sent).toEqual({
      kind: 'citizen',
      senderName: '李四',
      receivedDate: '2026-11-30',
      subject: '关于窗口排队时间过长的意见',
    });
  });

  it('filters by being overdue, and marks overdue letters', async () => {
    signIn();
    const calls = serve({
      'GET /api/v1/auth/me': me('supervisor'),
      'GET /api/v1/departments': DEPARTMENTS,
      'GET /api/v1/letters': {
        items: [summary({ overdue: true, colour: 'red' })],
        total: 1,
        page: 1,
        pageSize: 20,
      },
    });
    renderApp(
      <Routes>
        <Route path="/letters" element={<LettersPage />} />
      </Routes>,
      '/letters',
    );
    expect(await screen.findByText('LH2026000001')).toBeTruthy();
    expect(screen.queryByRole('button', { name: '登记来函' })).toBeNull();
    await person.click(screen.getByRole('checkbox', { name: '只看逾期' }));
    await until(() =>
      expect(calls.some((c) => c.path === '/api/v1/letters' && c.query.get('overdue') === 'true')).toBe(true),
    );
    // (the list is fetched again with the filter: wait for its rows, not the moment the request left)
    expect((await screen.findAllByText('逾期')).length).toBeGreaterThan(0);
  });
});

describe('assigning a letter', () => {
  it('the registry picks the department, and the letter shows where it went and by when', async () => {
    signIn();
    const registered = view({
      state: 'registered',
      version: 1,
      departmentId: null,
      departmentName: null,
      dueDate: null,
      allowedActions: ['attach_original', 'assign'],
    });
    const calls = serve({
      'GET /api/v1/auth/me': me('clerk'),
      'GET /api/v1/departments': DEPARTMENTS,
      'GET /api/v1/letters/l1': registered,
      'POST /api/v1/letters/l1/assign': view({
        departmentId: 'd-wjw',
        departmentName: '清河市卫生健康委员会',
        allowedActions: ['attach_original', 'reassign'],
      }),
    });
    renderApp(
      <Routes>
        <Route path="/letters/:id" element={<LetterDetailPage />} />
      </Routes>,
      '/letters/l1',
    );
    await person.click(await screen.findByRole('button', { name: /^交\s*办$/ }));
    const dialog = await screen.findByRole('dialog');
    await person.click(within(dialog).getByRole('combobox', { name: '承办部门' }));
    await person.click(await screen.findByText('清河市卫生健康委员会'));
    await person.click(within(dialog).getByRole('button', { name: /保\s*存/ }));
    expect(await screen.findByRole('button', { name: /^改\s*派$/ })).toBeTruthy();
    expect(screen.getByText('清河市卫生健康委员会')).toBeTruthy();
    expect(calls.find((c) => c.method === 'POST')!.body).toEqual({ version: 1, departmentId: 'd-wjw' });
  });
});

describe("the department's answering view", () => {
  it('lists the letters to answer and answers one, showing the reply letter', async () => {
    signIn();
    const answered = view({
      state: 'answered',
      version: 3,
      reply: {
        number: '清政服函〔2026〕第000001号',
        text: '已调整经营时间。\n每周巡查。',
        repliedAt: '2026-12-01T02:00:00.000Z',
        repliedBy: 'u-reviewer',
        state: 'ready',
        sha256: 'cd',
      },
    });
    const calls = serve({
      'GET /api/v1/auth/me': me('reviewer'),
      'GET /api/v1/departments': DEPARTMENTS,
      'GET /api/v1/letters/department': { items: [summary()], total: 1, page: 1, pageSize: 100 },
      'GET /api/v1/letters/l1': view({ allowedActions: ['request_extension', 'answer'] }),
      'POST /api/v1/letters/l1/answer': answered,
    });
    renderApp(
      <Routes>
        <Route path="/letters/department" element={<DepartmentLettersPage view="department" />} />
        <Route path="/letters/:id" element={<LetterDetailPage />} />
      </Routes>,
      '/letters/department',
    );
    await person.click(await screen.findByRole('link', { name: 'LH2026000001' }));
    expect(await screen.findByText('13800138000')).toBeTruthy();
    await person.click(screen.getByRole('button', { name: /^答\s*复$/ }));
    const dialog = await screen.findByRole('dialog');
    await fill(within(dialog).getByLabelText('答复内容'), '已调整经营时间。\n每周巡查。');
    await person.click(within(dialog).getByRole('button', { name: /保\s*存/ }));
    expect(await screen.findByRole('link', { name: /清政服函〔2026〕第000001号/ })).toBeTruthy();
    expect(screen.getByText('每周巡查。')).toBeTruthy();
    expect(calls.find((c) => c.method === 'POST')!.body).toEqual({
      version: 2,
      replyText: '已调整经营时间。\n每周巡查。',
    });
  });

  it('tells a supervisor that the sender is masked, in English too', async () => {
    signIn();
    const { default: i18n } = await import('../../i18n');
    await i18n.changeLanguage('en');
    serve({
      'GET /api/v1/auth/me': me('supervisor'),
      'GET /api/v1/departments': DEPARTMENTS,
      'GET /api/v1/letters/l1': view({
        senderMasked: true,
        senderName: '张**',
        senderPhone: '138****8000',
        original: null,
        clock: sketch<NonNullable<LetterView['clock']>>({
          remainingWorkingDays: 10,
          history: [
            {
              seq: 1,
              kind: 'started',
              at: '2026-11-30T02:00:00.000Z',
              actorId: null,
              data: { dueDate: '2026-12-18' },
            },
          ],
        }),
      }),
    });
    renderApp(
      <Routes>
        <Route path="/letters/:id" element={<LetterDetailPage />} />
      </Routes>,
      '/letters/l1',
    );
    expect(await screen.findByText(/identity and contact details are masked/)).toBeTruthy();
    expect(screen.getByText('138****8000')).toBeTruthy();
    expect(screen.getByText(/the registry and the department may open it/)).toBeTruthy();
    expect(screen.getByText(/Started → /)).toBeTruthy();
  });
});
