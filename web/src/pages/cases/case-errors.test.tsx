import { afterEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { user as person } from '../../test/user';
import { renderApp } from '../../test/render';
import { sketch } from '../../test/sketch';
import type { CaseView } from '../../api/cases';
import { placeFieldErrors } from '../../api/field-errors';
import { addWorkingDays, isWorkingDay } from '../../domain/working-days';
import { CaseActions } from './CaseActions';
import { ApiError } from '../../api/problem';
import { ProblemAlert } from '../../components/ProblemAlert';

// Errors in the user's language at the field they concern; the one-time notice keeps what the clerk wrote.

type Call = { method: string; path: string; body: unknown };
const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': status < 400 ? 'application/json' : 'application/problem+json' },
  });

function serve(routes: Record<string, (body: unknown) => Response>): Call[] {
  const calls: Call[] = [];
  vi.stubGlobal('fetch', async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(String(input), 'http://x');
    const method = init?.method ?? 'GET';
    const body: unknown = typeof init?.body === 'string' ? JSON.parse(init.body) : undefined;
    calls.push({ method, path: url.pathname, body });
    const r = routes[`${method} ${url.pathname}`];
    return r ? r(body) : json(404, { status: 404, code: 'route_not_found', detail: '没有这个接口' });
  });
  return calls;
}
const posts = (calls: Call[]) => calls.filter((c) => c.method === 'POST');

const material = (name: string, over: Partial<CaseView['materials'][number]> = {}) => ({
  id: name,
  name,
  required: true,
  deferrable: false,
  status: 'missing',
  fileId: null,
  deferredUntil: null,
  ...over,
});
const received = sketch<CaseView>({
  id: 'c1',
  receiptNo: 'QH20260000009',
  title: '食品经营许可',
  state: 'received',
  version: 5,
  committedDays: 10,
  materials: [
    material('营业执照', { status: 'at_window' }),
    material('食品安全管理制度'),
    material('健康证明'),
    material('委托书', { required: false }),
  ],
  supplementNotices: [],
  allowedActions: ['accept', 'request_supplement', 'accept_with_shortfall', 'provide_deferred'],
});

afterEach(() => {
  vi.useRealTimers();
});

describe('errors at the window', () => {
  it('a refused acceptance shows what the server said — the missing material and 容缺 — not a field path', async () => {
    const calls = serve({
      'POST /api/v1/cases/c1/accept': () =>
        json(400, {
          status: 400,
          code: 'validation_failed',
          detail: '请求数据不符合要求：缺少必需材料：健康证明（请一次性告知补正，或在可容缺时容缺受理）',
          errors: [
            {
              path: '/materials',
              code: 'material_missing',
              message: '缺少必需材料：健康证明（请一次性告知补正，或在可容缺时容缺受理）',
            },
          ],
        }),
    });
    renderApp(<CaseActions c={received} onDone={vi.fn()} />);
    await person.click(screen.getByRole('button', { name: /^受\s*理$/ }));
    await person.click(await screen.findByRole('button', { name: /^是$/ }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('健康证明');
    expect(alert.textContent).toContain('容缺受理');
    expect(alert.textContent).not.toMatch(/materials|\/body/);
    expect(posts(calls)).toHaveLength(1);
  });

  it('a supplement without a file is stopped at the list, in words, before anything is sent', async () => {
    const deferred = sketch<CaseView>({
      ...received,
      state: 'under_review',
      materials: [material('健康证明', { status: 'deferred', deferrable: true })],
      allowedActions: ['provide_deferred'],
    });
    const calls = serve({
      'POST /api/v1/cases/c1/deferred-materials': () =>
        json(400, {
          status: 400,
          code: 'validation_failed',
          detail: '请求数据不符合要求：文件不存在或已被使用',
          errors: [
            { path: '/body/materials/0/fileId', code: 'file_unknown', message: '文件不存在或已被使用' },
          ],
        }),
    });
    renderApp(<CaseActions c={deferred} onDone={vi.fn()} />);
    await person.click(screen.getByRole('button', { name: '补交容缺材料' }));
    const dialog = await screen.findByRole('dialog');
    await person.click(within(dialog).getByRole('button', { name: /^提\s*交$/ }));
    expect(await within(dialog).findByText('请至少为一项材料上传文件')).toBeTruthy();
    expect(posts(calls)).toEqual([]);
    expect(dialog.textContent).not.toMatch(/\/body|materials/);
  });

  it('a case without 容缺 offers no dialog to hand in deferred materials', () => {
    serve({});
    renderApp(<CaseActions c={received} onDone={vi.fn()} />);
    expect(screen.queryByRole('button', { name: '补交容缺材料' })).toBeNull();
  });

  it('the 容缺 deadline must fall on a working day within the committed limit', async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-12-01T02:00:00Z') }); // Tuesday in 清河
    const calls = serve({
      'GET /api/v1/calendar/2026': () =>
        json(200, { year: 2026, confirmed: true, days: [], source: null, workingDays: 0 }),
      'GET /api/v1/calendar/2027': () =>
        json(200, {
          year: 2027,
          confirmed: true,
          days: [{ date: '2027-01-01', kind: 'holiday', name: '元旦', source: 's' }],
          source: null,
          workingDays: 0,
        }),
    });
    renderApp(<CaseActions c={received} onDone={vi.fn()} />);
    await person.click(screen.getByRole('button', { name: '容缺受理' }));
    const dialog = await screen.findByRole('dialog', { name: '容缺受理' });
    // 10 working days after Tuesday 1 December 2026 is Tuesday 15 December.
    expect(await within(dialog).findByText(/2026-12-15/)).toBeTruthy();
    const input = within(dialog).getByLabelText('补齐期限');
    fireEvent.change(input, { target: { value: '2026-12-20' } });
    fireEvent.keyDown(input, { key: 'Enter', code: 'Enter' });
    fireEvent.blur(input);
    await person.click(within(dialog).getByRole('button', { name: /^受\s*理$/ }));
    await waitFor(() => expect(dialog.textContent).toMatch(/必填|补齐期限须为/), { timeout: 5000 }).catch(
      () => {
        throw new Error(dialog.textContent ?? '');
      },
    );
    expect(posts(calls)).toEqual([]);
  });
});

describe('the one-time notice', () => {
  it('starts with the missing required materials ticked, and previews the clerk’s 说明', async () => {
    const calls = serve({
      'POST /api/v1/cases/c1/supplement-request': () => json(200, { result: {}, case: received }),
    });
    renderApp(<CaseActions c={received} onDone={vi.fn()} />);
    await person.click(screen.getByRole('button', { name: '一次性告知补正' }));
    const dialog = await screen.findByRole('dialog');
    const ticked = within(dialog)
      .getAllByRole('checkbox')
      .filter((b) => (b as HTMLInputElement).checked)
      .map((b) => b.closest('label')?.textContent);
    expect(ticked).toEqual(['食品安全管理制度', '健康证明']);
    const requirement = within(dialog).getByLabelText('补正要求：健康证明') as HTMLInputElement;
    expect(requirement.value).toBe('');
    expect(requirement.placeholder).toMatch(/^填写/);
    fireEvent.change(within(dialog).getByLabelText('说明（可选）'), {
      target: { value: '请于五个工作日内补齐' },
    });
    const preview = within(dialog).getByRole('region', { name: '告知书预览' });
    expect(await within(preview).findByText('说明：请于五个工作日内补齐')).toBeTruthy();
    await person.click(within(dialog).getByRole('button', { name: '发送告知书' }));
    await waitFor(() => expect(posts(calls)).toHaveLength(1));
    expect(posts(calls)[0]!.body).toMatchObject({
      items: [{ name: '食品安全管理制度' }, { name: '健康证明' }],
      reason: '请于五个工作日内补齐',
    });
  });
});

describe('placing field errors', () => {
  it('reads a path under the form’s prefix, then /body, then bare; an unknown field goes to the rest', () => {
    const { placed, rest } = placeFieldErrors(
      [
        { path: '/body/form/经营场所', code: 'x', message: '请填写经营场所' },
        {
          path: '/body/applicant/creditCode',
          code: 'id_check_char',
          message: '统一社会信用代码校验位不正确',
        },
        { path: '/materials', code: 'material_missing', message: '缺少必需材料：健康证明' },
        { path: '/body/version', code: 'minimum', message: '版本号无效' },
      ],
      ['经营场所', 'applicant', 'materials'],
      '/body/form',
      [['经营场所'], ['applicant', 'creditCode'], ['materials']],
    );
    expect(placed).toEqual([
      { name: ['经营场所'], errors: ['请填写经营场所'] },
      { name: ['applicant', 'creditCode'], errors: ['统一社会信用代码校验位不正确'] },
      { name: ['materials'], errors: ['缺少必需材料：健康证明'] },
    ]);
    expect(rest.map((r) => r.message)).toEqual(['版本号无效']);
  });

  it('puts an error on the nearest field the form has', () => {
    const { placed } = placeFieldErrors(
      [{ path: '/body/materials/0/fileId', code: 'x', message: '文件不存在' }],
      ['materials'],
      '/body',
      [['materials']],
    );
    expect(placed).toEqual([{ name: ['materials'], errors: ['文件不存在'] }]);
  });
});

describe('working days', () => {
  it('skip weekends and holidays and count make-up workdays', () => {
    const special = new Map([
      ['2026-10-01', 'holiday' as const],
      ['2026-10-10', 'makeup_workday' as const],
    ]);
    expect(isWorkingDay('2026-10-01', special)).toBe(false);
    expect(isWorkingDay('2026-10-10', special)).toBe(true);
    expect(isWorkingDay('2026-10-11', special)).toBe(false);
    expect(addWorkingDays('2026-09-30', 2, special)).toBe('2026-10-05');
    expect(addWorkingDays('2026-10-08', 2, special)).toBe('2026-10-10');
  });
});

describe('an error no field shows', () => {
  it('is listed by its message, without its JSON path or a request id', () => {
    const error = new ApiError({
      status: 400,
      code: 'validation_failed',
      detail: '请求数据不符合要求：统一社会信用代码校验位不正确',
      requestId: 'req-42',
      errors: [
        {
          path: '/body/applicant/creditCode',
          code: 'id_check_char',
          message: '统一社会信用代码校验位不正确',
        },
        { path: '/body/version', code: 'minimum', message: '版本号无效' },
      ],
    });
    renderApp(<ProblemAlert error={error} extra={error.fieldErrors} />);
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('统一社会信用代码校验位不正确');
    expect(alert.textContent).toContain('版本号无效');
    expect(alert.textContent).not.toMatch(/\/body|creditCode|req-42/);
    expect(alert.textContent!.split('统一社会信用代码校验位不正确')).toHaveLength(2); // said once
  });
});
