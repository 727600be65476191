import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { configure, screen, within } from '@testing-library/react';
import i18n from '../../i18n';
import type { AdminBundle } from '../../api/admin-types';
import type { ItemSummary } from '../../api/types';
import { renderApp } from '../../test/render';
import { sketch } from '../../test/sketch';
import { fill, user } from '../../test/user';
import AdminBundlesPage from './AdminBundlesPage';

configure({ asyncUtilTimeout: 10_000 });
const until = (check: () => void) => vi.waitFor(check, { timeout: 10_000 });

type Route = unknown | ((body: unknown) => Response);
interface Call {
  method: string;
  path: string;
  body: unknown;
}
const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': status < 400 ? 'application/json' : 'application/problem+json' },
  });

/** A fake server answering by "METHOD /path", recording each call with its JSON body. */
function serve(routes: Record<string, Route>): Call[] {
  const calls: Call[] = [];
  vi.stubGlobal('fetch', async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(String(input), 'http://x');
    const method = init?.method ?? 'GET';
    const body: unknown = typeof init?.body === 'string' ? JSON.parse(init.body) : undefined;
    calls.push({ method, path: url.pathname, body });
    const r = routes[`${method} ${url.pathname}`];
    if (r === undefined)
      return json(404, { status: 404, code: 'route_not_found', detail: `没有这个接口：${url.pathname}` });
    return typeof r === 'function' ? (r as (b: unknown) => Response)(body) : json(200, r);
  });
  return calls;
}
const sent = (calls: Call[], method: string, path: string) =>
  calls.filter((c) => c.method === method && c.path === path).map((c) => c.body);

const SCJ = {
  id: 'd1',
  code: 'SCJ',
  name: '清河市市场监督管理局',
  nameEn: 'Qinghe Administration for Market Regulation',
};
const GAJ = { id: 'd2', code: 'GAJ', name: '清河市公安局', nameEn: 'Qinghe Public Security Bureau' };
const department = (d: typeof SCJ, shortName: string) => ({ ...d, shortName, shortNameEn: null, version: 1 });

const restaurant = sketch<AdminBundle>({
  id: 'b1',
  code: 'YJS-KCG',
  name: '我要开餐馆（一件事）',
  nameEn: 'Opening a Restaurant (one matter)',
  description: '餐馆开业涉及的事项一次办。',
  leadDepartment: SCJ,
  itemCodes: ['SCJ-XK-001', 'GAJ-BA-001'],
  committedDays: 7,
  keywords: ['开餐馆'],
  status: 'published',
  version: 3,
});
const netCafe = sketch<AdminBundle>({
  ...restaurant,
  id: 'b2',
  code: 'YJS-KWB',
  name: '我要开网吧（一件事）',
  nameEn: null,
  status: 'withdrawn',
  version: 2,
});
const items = sketch<ItemSummary[]>([
  { id: 'i1', code: 'SCJ-XK-001', name: '营业执照核发', nameEn: 'Business Licence', department: SCJ },
  { id: 'i2', code: 'GAJ-BA-001', name: '公章刻制备案', nameEn: null, department: GAJ },
  { id: 'i3', code: 'SCJ-XK-004', name: '食品经营许可', nameEn: null, department: SCJ },
]);

function asAdmin(extra: Record<string, Route> = {}) {
  document.cookie = 'ow_csrf=t; path=/';
  const calls = serve({
    'GET /api/v1/auth/me': { id: 'u1', username: 'admin', role: 'admin', departmentId: null },
    'GET /api/v1/admin/bundles': { items: [restaurant, netCafe], total: 2 },
    'GET /api/v1/departments': {
      items: [department(SCJ, '市市场监管局'), department(GAJ, '市公安局')],
      total: 2,
    },
    'GET /api/v1/items': { items, total: items.length, page: 1, pageSize: 200 },
    ...extra,
  });
  renderApp(<AdminBundlesPage />, '/admin/bundles');
  return calls;
}

beforeEach(() => i18n.changeLanguage('zh-CN'));
afterEach(() => vi.unstubAllGlobals());

describe('the administrators’ bundles', () => {
  it('list every bundle with its lead department, item count, limit and state; only a published one is edited or withdrawn', async () => {
    asAdmin();
    expect(await screen.findByRole('heading', { name: '一件事管理' })).toBeTruthy();
    const row = (await screen.findByText('我要开餐馆（一件事）')).closest('tr')!;
    for (const text of ['YJS-KCG', '清河市市场监督管理局', '2', '7 个工作日', '已公布', '3'])
      expect(within(row).getByText(text)).toBeTruthy();
    const withdrawn = screen.getByText('我要开网吧（一件事）').closest('tr')!;
    expect(within(withdrawn).getByText('已撤回')).toBeTruthy();
    expect(within(withdrawn).queryByRole('button')).toBeNull();
    expect(within(row).getByRole('button', { name: '编辑 我要开餐馆（一件事）' })).toBeTruthy();
  });

  it('in English, names the bundle and its lead department in English where the catalogue gives it', async () => {
    await i18n.changeLanguage('en');
    asAdmin();
    const row = (await screen.findByText('Opening a Restaurant (one matter)')).closest('tr')!;
    expect(within(row).getByText('Qinghe Administration for Market Regulation')).toBeTruthy();
    expect(within(row).getByText('7 working days')).toBeTruthy();
    expect(screen.getByText('我要开网吧（一件事）')).toBeTruthy();
  });

  it('create sends the whole bundle: lead department and items chosen from the lists, keywords as tags, a blank English name as none', async () => {
    const calls = asAdmin({
      'POST /api/v1/admin/bundles': (b: unknown) => json(201, { ...restaurant, ...(b as object), id: 'b3' }),
    });
    await user.click(await screen.findByRole('button', { name: /新建一件事/ }));
    const dialog = await screen.findByRole('dialog', { name: '新建一件事' });
    await fill(within(dialog).getByRole('textbox', { name: '编码' }), 'YJS-LFD');
    await fill(within(dialog).getByRole('textbox', { name: '名称' }), '我要开理发店（一件事）');
    await fill(within(dialog).getByRole('textbox', { name: '英文名称' }), '   ');
    await fill(within(dialog).getByRole('textbox', { name: '说明' }), '营业执照与公章刻制一次办。');
    await user.click(within(dialog).getByRole('combobox', { name: '牵头部门' }));
    await user.click(await screen.findByTitle('清河市市场监督管理局'));
    const pick = within(dialog).getByRole('combobox', { name: '包含的事项' });
    await user.click(pick);
    // Each item shows its department; the list is searched by code as well as by name.
    await user.click(await screen.findByTitle('营业执照核发（清河市市场监督管理局）'));
    await user.type(pick, 'gaj-ba');
    await until(() => expect(screen.queryByTitle('食品经营许可（清河市市场监督管理局）')).toBeNull());
    await user.click(await screen.findByTitle('公章刻制备案（清河市公安局）'));
    const days = within(dialog).getByRole('spinbutton', { name: '承诺时限' });
    await user.clear(days);
    await fill(days, '3');
    const keywords = within(dialog).getByRole('combobox', { name: '关键词' });
    await user.type(keywords, '理发店{Enter}');
    await user.click(within(dialog).getByRole('button', { name: /保\s*存/ }));
    await until(() => expect(sent(calls, 'POST', '/api/v1/admin/bundles')).toHaveLength(1));
    expect(sent(calls, 'POST', '/api/v1/admin/bundles')[0]).toEqual({
      code: 'YJS-LFD',
      name: '我要开理发店（一件事）',
      nameEn: null,
      description: '营业执照与公章刻制一次办。',
      leadDepartmentCode: 'SCJ',
      itemCodes: ['SCJ-XK-001', 'GAJ-BA-001'],
      committedDays: 3,
      keywords: ['理发店'],
    });
  });

  it('an edit goes with the version read, and the server’s field error shows under its field', async () => {
    const calls = asAdmin({
      'PUT /api/v1/admin/bundles/b1': () =>
        json(400, {
          status: 400,
          code: 'validation_failed',
          detail: '请求数据不符合要求：/body/leadDepartmentCode',
          errors: [
            {
              path: '/body/leadDepartmentCode',
              code: 'lead_not_among_items',
              message: '牵头部门 清河市公安局 不办理其中任何一个事项；请选择办理其中至少一个事项的部门',
            },
          ],
        }),
    });
    await user.click(await screen.findByRole('button', { name: '编辑 我要开餐馆（一件事）' }));
    const dialog = await screen.findByRole('dialog', { name: '编辑一件事' });
    expect((within(dialog).getByRole('textbox', { name: '编码' }) as HTMLInputElement).disabled).toBe(true);
    await user.click(within(dialog).getByRole('button', { name: /保\s*存/ }));
    await until(() => expect(sent(calls, 'PUT', '/api/v1/admin/bundles/b1')).toHaveLength(1));
    expect(sent(calls, 'PUT', '/api/v1/admin/bundles/b1')[0]).toMatchObject({
      code: 'YJS-KCG',
      leadDepartmentCode: 'SCJ',
      itemCodes: ['SCJ-XK-001', 'GAJ-BA-001'],
      version: 3,
    });
    const lead = within(dialog).getByRole('combobox', { name: '牵头部门' }).closest('.ant-form-item')!;
    await until(() => expect(lead.textContent).toContain('不办理其中任何一个事项'));
    expect(screen.getByRole('dialog', { name: '编辑一件事' })).toBeTruthy();
  });

  it('a stale version says someone else changed the bundle and reads the list again', async () => {
    const calls = asAdmin({
      'PUT /api/v1/admin/bundles/b1': () =>
        json(409, {
          status: 409,
          code: 'stale_version',
          detail: '数据已被他人修改（当前版本 4，提交版本 3），请刷新后重试',
        }),
    });
    await user.click(await screen.findByRole('button', { name: '编辑 我要开餐馆（一件事）' }));
    const dialog = await screen.findByRole('dialog', { name: '编辑一件事' });
    const lists = () => calls.filter((c) => c.method === 'GET' && c.path === '/api/v1/admin/bundles').length;
    const before = lists();
    await user.click(within(dialog).getByRole('button', { name: /保\s*存/ }));
    expect((await within(dialog).findByRole('alert')).textContent).toContain('数据已被他人修改');
    expect(await screen.findByText(/已被他人修改，列表已刷新/)).toBeTruthy();
    await until(() => expect(lists()).toBeGreaterThan(before));
  });

  it('withdraw asks for the reason and sends it with the version', async () => {
    const calls = asAdmin({
      'POST /api/v1/admin/bundles/b1/withdraw': { ...restaurant, status: 'withdrawn', version: 4 },
    });
    await user.click(await screen.findByRole('button', { name: '撤回 我要开餐馆（一件事）' }));
    const dialog = await screen.findByRole('dialog', { name: '撤回“我要开餐馆（一件事）”' });
    await user.click(within(dialog).getByRole('button', { name: /撤\s*回/ }));
    expect(await within(dialog).findByText('请填写撤回原因（2–500 字）')).toBeTruthy();
    expect(sent(calls, 'POST', '/api/v1/admin/bundles/b1/withdraw')).toHaveLength(0);
    await fill(within(dialog).getByRole('textbox', { name: '撤回原因' }), ' 并入企业开办一件事 ');
    await user.click(within(dialog).getByRole('button', { name: /撤\s*回/ }));
    await until(() =>
      expect(sent(calls, 'POST', '/api/v1/admin/bundles/b1/withdraw')).toEqual([
        { version: 3, reason: '并入企业开办一件事' },
      ]),
    );
  });
});
