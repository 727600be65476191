import { describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import { fill, user } from '../../test/user';
import { Route, Routes } from 'react-router';
import i18n from '../../i18n';
import { renderApp } from '../../test/render';
import type { CaseTask, CaseView, WorkItem } from '../../api/cases';
import { sketch } from '../../test/sketch';
import CaseDetailPage from './CaseDetailPage';
import { FeesPanel } from './FeesPanel';
import ApplyPage from './ApplyPage';
import propertyItem from '../../test/fixtures/item-property-registration.json';
import foodItem from '../../test/fixtures/item-food-licence.json';
import WorkbenchPage from './WorkbenchPage';

// ---- a fake server: answers by "METHOD /path", records every call with its JSON body -------------

interface Call {
  method: string;
  path: string;
  body: unknown;
  headers: Record<string, string>;
}
type Route = unknown | ((body: unknown) => Response);

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': status < 400 ? 'application/json' : 'application/problem+json' },
  });

function serve(routes: Record<string, Route>): Call[] {
  const calls: Call[] = [];
  vi.stubGlobal('fetch', async (input: RequestInfo | URL, init?: RequestInit) => {
    const method = init?.method ?? 'GET';
    const path = new URL(String(input), 'http://x').pathname;
    const body = typeof init?.body === 'string' ? JSON.parse(init.body) : undefined;
    calls.push({ method, path, body, headers: (init?.headers ?? {}) as Record<string, string> });
    const route = routes[`${method} ${path}`];
    if (route === undefined)
      return json(404, { status: 404, code: 'route_not_found', detail: `没有这个接口：${method} ${path}` });
    return typeof route === 'function' ? (route as (b: unknown) => Response)(body) : json(200, route);
  });
  return calls;
}

const posts = (calls: Call[]) => calls.filter((c) => c.method === 'POST');

/** Logged in as `user`: the page asks /auth/me once it sees the session's CSRF cookie. */
function asUser(user: { role: string; departmentId?: string | null; displayName?: string }) {
  document.cookie = 'ow_csrf=csrf-1; path=/';
  return {
    id: 'u1',
    username: user.role,
    displayName: user.displayName ?? '张小明',
    role: user.role,
    departmentId: user.departmentId ?? null,
    version: 1,
  };
}

const noFees = {
  caseId: 'c1',
  receiptNo: 'QH20260000001',
  forms: [],
  awaiting: [],
  totals: { chargedFen: 0, waivedFen: 0, paidFen: 0, outstandingFen: 0, refundedFen: 0 },
};

const clock = (dueDate: string) => ({
  id: 'k1',
  label: '审查',
  status: 'running',
  colour: 'green' as const,
  dueDate,
  provisional: false,
  remainingWorkingDays: 3,
});

const base = sketch<CaseView>({
  id: 'c1',
  receiptNo: 'QH20260000001',
  title: '我要开餐馆（一件事）',
  state: 'received',
  shortfall: false,
  channel: 'online',
  committedDays: 7,
  applicant: { kind: 'person', name: '张小明', id: '110105********002X', phone: '13800138000' },
  checkCode: 'ABCD1234',
  submittedAt: '2026-11-26T01:00:00Z',
  acceptanceDate: null,
  decision: null,
  completedAt: null,
  version: 3,
  latestHash: null,
  items: [
    {
      itemId: 'i1',
      name: '食品经营许可',
      role: 'lead',
      department: { id: 'd1', code: 'SCJ', name: '清河市市场监督管理局' },
    },
  ],
  materials: [
    {
      id: 'm1',
      name: '印章印模',
      required: true,
      deferrable: false,
      status: 'missing',
      fileId: null,
      deferredUntil: null,
    },
    {
      id: 'm2',
      name: '食品经营许可申请书',
      required: true,
      deferrable: false,
      status: 'provided',
      fileId: 'f1',
      deferredUntil: null,
    },
  ],
  tasks: [],
  documents: [],
  clocks: { acceptance: null, case: null, delivery: null },
  history: [],
  allowedActions: [],
});

const renderCase = () =>
  renderApp(
    <Routes>
      <Route path="/cases/:id" element={<CaseDetailPage />} />
    </Routes>,
    '/cases/c1',
  );
const stateTag = () => screen.findByTestId('case-state');

describe('withdrawing an application', () => {
  it('asks for confirmation with a reason, sends it with the version read, and shows the case withdrawn', async () => {
    const calls = serve({
      'GET /api/v1/auth/me': asUser({ role: 'applicant' }),
      'GET /api/v1/cases/c1': { ...base, allowedActions: ['withdraw'] },
      'GET /api/v1/cases/c1/fees': noFees,
      'POST /api/v1/cases/c1/withdraw': () =>
        json(200, {
          result: {},
          case: {
            ...base,
            state: 'withdrawn',
            version: 4,
            completedAt: '2026-11-26T02:00:00Z',
            allowedActions: [],
          },
        }),
    });
    renderCase();
    expect((await stateTag()).textContent).toBe('已收件');
    await user.click(await screen.findByRole('button', { name: '撤回申请' }));
    const dialog = await screen.findByRole('dialog', { name: '撤回申请' });
    // nothing is sent until the applicant confirms with a reason
    await user.click(within(dialog).getByRole('button', { name: /^提\s*交$/ }));
    expect(await within(dialog).findByText('必填')).toBeTruthy();
    expect(posts(calls)).toEqual([]);
    await fill(within(dialog).getByLabelText('理由'), '店面租约取消，暂不开业');
    await user.click(within(dialog).getByRole('button', { name: /^提\s*交$/ }));
    await waitFor(async () => expect((await stateTag()).textContent).toBe('已撤回'));
    expect(posts(calls)).toHaveLength(1);
    expect(posts(calls)[0]!.body).toEqual({ version: 3, reason: '店面租约取消，暂不开业' });
    expect(posts(calls)[0]!.headers['x-csrf-token']).toBe('csrf-1');
    expect(screen.queryByRole('button', { name: '撤回申请' })).toBeNull();
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });
});

describe('the head approves an extension from the workbench', () => {
  const task = sketch<CaseTask>({
    id: 't1',
    department: { id: 'd1', code: 'SCJ', name: '清河市市场监督管理局' },
    itemId: 'i1',
    state: 'reviewing',
    decision: null,
    reasons: [],
    decidedAt: null,
    clock: clock('2026-12-04'),
  });
  const pending = sketch<CaseView>({
    ...base,
    state: 'under_review',
    acceptanceDate: '2026-11-26',
    tasks: [task],
    allowedActions: ['approve_extension'],
    records: [
      {
        id: 'r1',
        kind: 'extension_request',
        taskId: 't1',
        status: 'pending',
        text: '需现场核查经营场所',
        data: { days: 5 },
      },
    ],
  });
  const work: WorkItem = {
    taskId: 't1',
    taskState: 'reviewing',
    caseId: 'c1',
    receiptNo: 'QH20260000001',
    title: '我要开餐馆（一件事）',
    caseTitle: '我要开餐馆（一件事）',
    caseState: 'under_review',
    caseVersion: 3,
    dueDate: '2026-12-04',
    colour: 'yellow',
    clockStatus: 'running',
    extensionPending: true,
  };

  it('opens the case from the worklist, approves, and sees the extended due date', async () => {
    const calls = serve({
      'GET /api/v1/auth/me': asUser({ role: 'head', departmentId: 'd1', displayName: '王科长' }),
      'GET /api/v1/worklist': { items: [work], total: 1, page: 1, pageSize: 100 },
      'GET /api/v1/cases/c1': pending,
      'POST /api/v1/cases/c1/extension-requests/r1/decision': () =>
        json(200, {
          result: {},
          case: {
            ...pending,
            version: 4,
            allowedActions: [],
            tasks: [{ ...task, clock: clock('2026-12-11') }],
            records: [{ ...pending.records![0]!, status: 'approved' }],
          },
        }),
    });
    renderApp(
      <Routes>
        <Route path="/workbench" element={<WorkbenchPage />} />
        <Route path="/cases/:id" element={<CaseDetailPage />} />
      </Routes>,
      '/workbench',
    );
    // The worklist says which task has an extension waiting for the head.
    expect(await screen.findByText('1 件延期申请待部门负责人审批：打开办件审批')).toBeTruthy();
    expect(screen.getByText('延期待审批')).toBeTruthy();
    await user.click(await screen.findByRole('link', { name: 'QH20260000001' }));
    // The head decides seeing why the reviewer asks for more time.
    expect(await screen.findByText('待审批的延期申请：5 个工作日 理由：需现场核查经营场所')).toBeTruthy();
    const progress = screen
      .getByRole('heading', { name: '各部门办理进度' })
      .closest('.ant-card') as HTMLElement;
    expect(progress.textContent).toContain('2026年12月4日');
    expect(within(progress).getByRole('button', { name: '不批准' })).toBeTruthy();
    await user.click(within(progress).getByRole('button', { name: '批准延期' }));
    // Not in one click: a dialog shows the reason and the due date before and after, and takes a note.
    const dialog = await screen.findByRole('dialog', { name: '批准延期' });
    expect(within(dialog).getByText('需现场核查经营场所')).toBeTruthy();
    expect(await within(dialog).findByText('2026年12月4日 → 2026年12月11日')).toBeTruthy();
    expect(posts(calls)).toEqual([]);
    await fill(within(dialog).getByLabelText('审批意见'), '同意，抓紧核查');
    await user.click(within(dialog).getByRole('button', { name: '批准延期' }));
    await waitFor(() =>
      expect(screen.queryByText('待审批的延期申请：5 个工作日 理由：需现场核查经营场所')).toBeNull(),
    );
    expect(posts(calls).map((c) => [c.path, c.body])).toEqual([
      [
        '/api/v1/cases/c1/extension-requests/r1/decision',
        { version: 3, approve: true, note: '同意，抓紧核查' },
      ],
    ]);
    expect(progress.textContent).toContain('2026年12月11日');
    expect(within(progress).queryByRole('button', { name: '批准延期' })).toBeNull();
  });

  it('a reviewer of the department sees the pending request but cannot decide it', async () => {
    const calls = serve({
      'GET /api/v1/auth/me': asUser({ role: 'reviewer', departmentId: 'd1' }),
      'GET /api/v1/cases/c1': { ...pending, allowedActions: ['decide_task'] },
    });
    renderCase();
    expect(await screen.findByRole('button', { name: '作出决定' })).toBeTruthy();
    expect(screen.queryByText('待审批的延期申请：5 个工作日 理由：需现场核查经营场所')).toBeNull();
    expect(screen.queryByRole('button', { name: '批准延期' })).toBeNull();
    expect(posts(calls)).toEqual([]);
  });
});

/** XMLHttpRequest as uploadFile uses it: records what was sent and answers with a stored file. */
class FakeXhr {
  static sent: { url: string; headers: Record<string, string>; file: File | null }[] = [];
  upload: { onprogress?: (e: { lengthComputable: boolean; loaded: number; total: number }) => void } = {};
  onload?: () => void;
  onerror?: () => void;
  status = 0;
  responseText = '';
  private url = '';
  private headers: Record<string, string> = {};
  open(_method: string, url: string) {
    this.url = url;
  }
  setRequestHeader(k: string, v: string) {
    this.headers[k] = v;
  }
  getResponseHeader() {
    return 'application/json';
  }
  send(body: FormData) {
    const file = body.get('file') as File | null;
    FakeXhr.sent.push({ url: this.url, headers: this.headers, file });
    setTimeout(() => {
      this.upload.onprogress?.({ lengthComputable: true, loaded: 1, total: 1 });
      this.status = 201;
      this.responseText = JSON.stringify({
        id: 'f9',
        name: file?.name ?? '',
        size: file?.size ?? 0,
        mime: 'application/pdf',
        sha256: 'ab',
      });
      this.onload?.();
    }, 0);
  }
}

describe('supplementing after a one-time notice', () => {
  it('shows what the notice asks for, uploads the material and sends it; the case is back with the window', async () => {
    FakeXhr.sent = [];
    vi.stubGlobal('XMLHttpRequest', FakeXhr);
    const waiting = sketch<CaseView>({
      ...base,
      state: 'awaiting_supplement',
      allowedActions: ['supplement', 'withdraw'],
      supplementNotices: [
        {
          items: [{ name: '印章印模', requirement: '请上传刻章企业出具的印章印模' }],
          reason: '印模须清晰可辨',
        },
      ],
      documents: [
        { id: 'doc1', kind: 'supplement_notice', number: 'QHBZ2026000001', issuedAt: '2026-11-26T02:00:00Z' },
      ],
    });
    const calls = serve({
      'GET /api/v1/auth/me': asUser({ role: 'applicant' }),
      'GET /api/v1/cases/c1': waiting,
      'GET /api/v1/cases/c1/fees': noFees,
      'POST /api/v1/cases/c1/supplement': () =>
        json(200, {
          result: {},
          case: {
            ...waiting,
            state: 'received',
            version: 4,
            allowedActions: ['withdraw'],
            materials: [{ ...base.materials[0]!, status: 'provided', fileId: 'f9' }, base.materials[1]!],
          },
        }),
    });
    renderCase();
    expect(await screen.findByText('一次性告知：请补正以下材料')).toBeTruthy();
    expect(screen.getByText('印章印模：请上传刻章企业出具的印章印模')).toBeTruthy();
    expect(screen.getByText('说明：印模须清晰可辨'), "the clerk's 说明 reaches the applicant").toBeTruthy();
    expect((await stateTag()).textContent).toBe('待补正');

    await user.click(screen.getByRole('button', { name: '补正材料' }));
    const dialog = await screen.findByRole('dialog', { name: '补正材料' });
    const requested = within(dialog).getByRole('region', { name: '需补正的材料' });
    expect(
      within(requested)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual([expect.stringContaining('印章印模')]);
    const input = dialog.querySelector('input[type=file]') as HTMLInputElement;
    await user.upload(input, new File(['%PDF-1.4'], 'seal.pdf', { type: 'application/pdf' }));
    expect(await within(dialog).findByText('已上传 seal.pdf')).toBeTruthy();
    expect(FakeXhr.sent).toHaveLength(1);
    expect(FakeXhr.sent[0]!.url).toBe('/api/v1/files');
    expect(FakeXhr.sent[0]!.headers['x-csrf-token']).toBe('csrf-1');
    expect(FakeXhr.sent[0]!.file?.name).toBe('seal.pdf');

    await user.click(within(dialog).getByRole('button', { name: /^提\s*交$/ }));
    await waitFor(async () => expect((await stateTag()).textContent).toBe('已收件'));
    expect(posts(calls).map((c) => [c.path, c.body])).toEqual([
      ['/api/v1/cases/c1/supplement', { version: 3, materials: [{ name: '印章印模', fileId: 'f9' }] }],
    ]);
    expect(screen.queryByText('一次性告知：请补正以下材料')).toBeNull();
    expect(screen.queryByRole('button', { name: '补正材料' })).toBeNull();
  });
});

describe('not accepted, as the applicant sees it', () => {
  const refused = sketch<CaseView>({
    ...base,
    state: 'not_accepted',
    completedAt: '2026-11-26T03:00:00Z',
    version: 5,
    documents: [
      {
        id: 'doc7',
        kind: 'non_acceptance_notice',
        number: 'QHBSL2026000007',
        issuedAt: '2026-11-26T03:00:00Z',
      },
    ],
    history: [
      { seq: 1, at: '2026-11-26T01:00:00Z', kind: 'submitted', actorRole: 'applicant' },
      {
        seq: 2,
        at: '2026-11-26T03:00:00Z',
        kind: 'refuse_intake',
        actorRole: 'clerk',
        data: {
          reasons: ['申请事项属于医疗机构执业登记', '经营场所位于规划禁止区域'],
          competentAgency: '清河市卫生健康委员会',
          document: 'QHBSL2026000007',
        },
      },
    ],
  });

  it('gives the reasons, the agency to apply to, the rights of reconsideration and suit, and the written notice', async () => {
    const calls = serve({
      'GET /api/v1/auth/me': asUser({ role: 'applicant' }),
      'GET /api/v1/cases/c1': refused,
      'GET /api/v1/cases/c1/fees': noFees,
    });
    renderCase();
    const notice = await screen.findByRole('region', { name: '不予受理' });
    expect((await stateTag()).textContent).toBe('不予受理');
    const reasons = within(notice).getByRole('list', { name: '不予受理的理由' });
    expect(
      within(reasons)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['申请事项属于医疗机构执业登记', '经营场所位于规划禁止区域']);
    expect(within(notice).getByTestId('competent-agency').textContent).toBe(
      '本申请事项不属于本机关职权范围，请向清河市卫生健康委员会申请。',
    );
    expect(notice.textContent).toContain('六十日内依法申请行政复议');
    expect(notice.textContent).toContain('六个月内依法向人民法院提起行政诉讼');
    expect(
      within(notice).getByRole('link', { name: '不予受理通知书 QHBSL2026000007' }).getAttribute('href'),
    ).toBe('/api/v1/cases/c1/documents/doc7');
    expect(screen.queryByRole('group', { name: '可办理的操作' })).toBeNull();
    expect(posts(calls)).toEqual([]);
  });

  it('in English, and without an agency when the window named none', async () => {
    await i18n.changeLanguage('en');
    const history = [
      {
        ...refused.history[1]!,
        data: {
          reasons: ['The premises are in a zone where restaurants are not allowed'],
          competentAgency: null,
        },
      },
    ];
    serve({
      'GET /api/v1/auth/me': asUser({ role: 'applicant' }),
      'GET /api/v1/cases/c1': { ...refused, history },
      'GET /api/v1/cases/c1/fees': noFees,
    });
    renderCase();
    const notice = await screen.findByRole('region', { name: 'Not accepted' });
    expect(
      within(notice).getByRole('list', { name: 'Why the application was not accepted' }).textContent,
    ).toBe('The premises are in a zone where restaurants are not allowed');
    expect(within(notice).queryByTestId('competent-agency')).toBeNull();
    expect(notice.textContent).toContain('administrative reconsideration within 60 days');
    expect((await stateTag()).textContent).toBe('Not accepted');
  });

  it('a case that is still open shows no refusal', async () => {
    serve({
      'GET /api/v1/auth/me': asUser({ role: 'applicant' }),
      'GET /api/v1/cases/c1': base,
      'GET /api/v1/cases/c1/fees': noFees,
    });
    renderCase();
    expect((await stateTag()).textContent).toBe('已收件');
    expect(screen.queryByRole('region', { name: '不予受理' })).toBeNull();
  });
});

describe('paying a fee online', () => {
  const form = {
    id: 'ff1',
    number: 'JK202600000001',
    itemName: '普通护照签发',
    status: 'open',
    chargedFen: 12000,
    outstandingFen: 12000,
    dueDate: '2026-12-11',
    checkoutUrl: 'http://127.0.0.1:8080/api/v1/pay/12345678901234567890' as string | null,
    receipts: [] as { id: string; number: string; amountFen: number }[],
  };
  const fees = (f: typeof form) => ({
    forms: [f],
    totals: {
      chargedFen: f.chargedFen,
      paidFen: f.chargedFen - f.outstandingFen,
      outstandingFen: f.outstandingFen,
    },
  });

  it('links to the gateway while the form is owed, and shows the receipt once the applicant comes back from paying', async () => {
    let paid = false;
    const calls = serve({
      'GET /api/v1/cases/c1/fees': () =>
        json(
          200,
          paid
            ? fees({
                ...form,
                status: 'settled',
                outstandingFen: 0,
                checkoutUrl: null,
                receipts: [{ id: 'r1', number: 'SJ202600000001', amountFen: 12000 }],
              })
            : fees(form),
        ),
    });
    const listeners = vi.spyOn(window, 'addEventListener');
    renderApp(<FeesPanel caseId="c1" version={3} />);
    const panel = await screen.findByRole('region', { name: '缴费' });
    expect(within(panel).getByTestId('fees-outstanding').textContent).toBe('待缴 ¥120.00');
    expect(within(panel).getByText('待缴', { selector: '.ant-tag' })).toBeTruthy();
    const pay = within(panel).getByRole('link', { name: '在线缴费' });
    expect(pay.getAttribute('href')).toBe(form.checkoutUrl);
    // The same tab: the checkout page links back to the case (no new tab with no way back).
    expect(pay.getAttribute('target')).toBeNull();
    expect(
      within(panel).getByRole('link', { name: '缴款书 JK202600000001（PDF）' }).getAttribute('href'),
    ).toBe('/api/v1/fee-forms/ff1/pdf');

    paid = true; // the gateway confirmed in the other tab
    // The panel starts listening in an effect, which may run after the table is already on screen.
    await waitFor(() => expect(listeners.mock.calls.some(([type]) => type === 'focus')).toBe(true));
    window.dispatchEvent(new Event('focus'));
    const receipt = await within(panel).findByRole('link', { name: '票据 SJ202600000001' });
    expect(receipt.getAttribute('href')).toBe('/api/v1/fee-receipts/r1/pdf');
    expect(within(panel).getByTestId('fees-outstanding').textContent).toBe('待缴 ¥0.00');
    expect(within(panel).getByText('已缴清')).toBeTruthy();
    expect(within(panel).queryByRole('link', { name: '在线缴费' })).toBeNull();
    expect(calls.filter((c) => c.path === '/api/v1/cases/c1/fees')).toHaveLength(2);

    // settled: coming back again asks nothing more
    window.dispatchEvent(new Event('focus'));
    await new Promise((r) => setTimeout(r, 50));
    expect(calls.filter((c) => c.path === '/api/v1/cases/c1/fees')).toHaveLength(2);
  });

  it('in English, opens the gateway in English', async () => {
    await i18n.changeLanguage('en');
    serve({ 'GET /api/v1/cases/c1/fees': fees(form) });
    renderApp(<FeesPanel caseId="c1" version={3} />);
    const pay = await screen.findByRole('link', { name: 'Pay online' });
    expect(pay.getAttribute('href')).toBe(`${form.checkoutUrl}?lang=en`);
  });

  it('shows nothing when the case charges nothing', async () => {
    const calls = serve({ 'GET /api/v1/cases/c1/fees': noFees });
    const { container } = renderApp(<FeesPanel caseId="c1" version={3} />);
    await waitFor(() => expect(calls).toHaveLength(1));
    await new Promise((r) => setTimeout(r, 20));
    expect(container.textContent).toBe('');
  });
});

describe('the application form', () => {
  it('asks a person for a contact address, not a business name, and sends what was filled in', async () => {
    FakeXhr.sent = [];
    vi.stubGlobal('XMLHttpRequest', FakeXhr);
    const calls = serve({
      'GET /api/v1/auth/me': asUser({ role: 'applicant' }),
      [`GET /api/v1/items/${propertyItem.id}`]: propertyItem,
      'POST /api/v1/cases': () =>
        json(201, { checkCode: 'K7', case: { id: 'c9', receiptNo: 'QH20260000009', state: 'received' } }),
    });
    renderApp(
      <Routes>
        <Route path="/apply" element={<ApplyPage />} />
        <Route path="/cases/:id" element={<p>case page</p>} />
      </Routes>,
      `/apply?item=${propertyItem.id}`,
    );
    await screen.findByRole('heading', { name: `申请：${propertyItem.name}` });
    expect(screen.queryByLabelText('经营者（字号）名称')).toBeNull();
    expect(screen.queryByLabelText('经营场所地址')).toBeNull();
    await fill(screen.getByLabelText('联系地址'), '清河市人民路 8 号');
    await fill(screen.getByLabelText('联系人'), '张小明');
    await fill(screen.getByLabelText('联系电话'), '13800138000');
    await user.upload(
      screen
        .getByRole('button', { name: '上传文件：不动产登记申请书' })
        .closest('.ant-upload')!
        .querySelector('input[type=file]') as HTMLInputElement,
      new File(['%PDF-1.4'], 'form.pdf', { type: 'application/pdf' }),
    );
    await screen.findByText('已上传 form.pdf');
    await user.click(screen.getByRole('button', { name: '提交申请' }));
    expect(await screen.findByText('case page')).toBeTruthy();
    const submit = posts(calls)[0]!;
    expect(submit.path).toBe('/api/v1/cases');
    expect(submit.headers['idempotency-key']).toMatch(/^[0-9a-f-]{36}$/);
    expect(submit.body).toEqual({
      itemId: propertyItem.id,
      submit: true,
      form: { contactAddress: '清河市人民路 8 号', contactName: '张小明', contactPhone: '13800138000' },
      materials: [{ name: '不动产登记申请书', fileId: 'f9' }],
    });
  });

  it('asks for the business name and premises when the item is about a business', async () => {
    serve({
      'GET /api/v1/auth/me': asUser({ role: 'applicant' }),
      [`GET /api/v1/items/${foodItem.id}`]: foodItem,
    });
    renderApp(
      <Routes>
        <Route path="/apply" element={<ApplyPage />} />
      </Routes>,
      `/apply?item=${foodItem.id}`,
    );
    expect(await screen.findByLabelText('经营者（字号）名称')).toBeTruthy();
    expect(screen.getByLabelText('经营场所地址')).toBeTruthy();
    expect(screen.queryByLabelText('联系地址')).toBeNull();
    await user.click(screen.getByRole('button', { name: '提交申请' }));
    // antd shows each field's error as its own validation settles: wait for all three, not the first.
    await waitFor(() => expect(screen.getAllByText('必填')).toHaveLength(3)); // business name, premises, contact person
    expect(screen.getByText('请输入 11 位手机号码')).toBeTruthy();
  });
});

describe('a document whose PDF is being prepared', () => {
  const doc = {
    id: 'doc9',
    kind: 'acceptance_notice',
    number: 'QHBSL2026000009',
    issuedAt: '2026-11-26T03:00:00Z',
    contentSha256: 'ab',
  };
  const accepted = (state: 'preparing' | 'ready') =>
    sketch<CaseView>({
      ...base,
      state: 'under_review',
      documents: [{ ...doc, state, sha256: state === 'ready' ? 'cd' : null }],
    });

  it('is listed as being prepared, and the case is read again until it is ready', async () => {
    let reads = 0;
    serve({
      'GET /api/v1/auth/me': asUser({ role: 'applicant' }),
      'GET /api/v1/cases/c1': () => json(200, accepted(++reads === 1 ? 'preparing' : 'ready')),
      'GET /api/v1/cases/c1/fees': noFees,
    });
    renderCase();
    const tag = await screen.findByTestId('document-preparing');
    expect(tag.textContent).toBe('生成中');
    // (the link works meanwhile: opening it waits for the file)
    expect(screen.getByRole('link', { name: '受理通知书 QHBSL2026000009' }).getAttribute('href')).toBe(
      '/api/v1/cases/c1/documents/doc9',
    );
    await waitFor(() => expect(screen.queryByTestId('document-preparing')).toBeNull(), { timeout: 5000 });
    expect(reads).toBeGreaterThanOrEqual(2);
  });

  it('in English', async () => {
    await i18n.changeLanguage('en');
    try {
      serve({
        'GET /api/v1/auth/me': asUser({ role: 'applicant' }),
        'GET /api/v1/cases/c1': accepted('preparing'),
        'GET /api/v1/cases/c1/fees': noFees,
      });
      renderCase();
      expect((await screen.findByTestId('document-preparing')).textContent).toBe('Being prepared');
    } finally {
      await i18n.changeLanguage('zh-CN');
    }
  });
});
