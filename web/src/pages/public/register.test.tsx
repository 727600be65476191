import { describe, expect, it, vi } from 'vitest';
import { screen } from '@testing-library/react';
import { fill, user } from '../../test/user';
import { Route, Routes } from 'react-router';
import { renderApp } from '../../test/render';
import RegisterPage from './RegisterPage';

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

/** A fake server answering by "METHOD /path"; records every call with its JSON body. */
function serve(routes: Record<string, (body: unknown) => Response>): Call[] {
  const calls: Call[] = [];
  vi.stubGlobal('fetch', async (input: RequestInfo | URL, init?: RequestInit) => {
    const method = init?.method ?? 'GET';
    const path = new URL(String(input), 'http://x').pathname;
    const body = typeof init?.body === 'string' ? JSON.parse(init.body) : undefined;
    calls.push({ method, path, body });
    const route = routes[`${method} ${path}`];
    return route
      ? route(body)
      : json(404, { status: 404, code: 'route_not_found', detail: `没有这个接口：${method} ${path}` });
  });
  return calls;
}

/** The form item (label, input and its messages) of the field labelled `label`. */
const fieldOf = (label: string) => screen.getByLabelText(label).closest('.ant-form-item') as HTMLElement;

async function fillPerson(idNumber: string) {
  await fill(await screen.findByLabelText('用户名'), 'zhangsan');
  await fill(screen.getByLabelText('姓名'), '张三');
  await fill(screen.getByLabelText('居民身份证号码'), idNumber);
  await fill(screen.getByLabelText('密码'), 'Qinghe-2026!');
}

const submit = () => user.click(screen.getByRole('button', { name: '注册并登录' }));

describe('registration', () => {
  it('checks the ID number in the browser (length, birth date, check character) and sends nothing while it is wrong', async () => {
    const calls = serve({});
    renderApp(<RegisterPage />, '/register');
    await fillPerson('110105194912310021'); // the right check character is X
    await submit();
    expect(await screen.findByText('身份证号码校验位不正确，请核对')).toBeTruthy();
    expect(fieldOf('居民身份证号码').textContent).toContain('身份证号码校验位不正确，请核对');

    await user.clear(screen.getByLabelText('居民身份证号码'));
    await fill(screen.getByLabelText('居民身份证号码'), '11010519490230002X');
    expect(await screen.findByText('身份证号码中的出生日期不是真实日期')).toBeTruthy();

    await user.clear(screen.getByLabelText('居民身份证号码'));
    await fill(screen.getByLabelText('居民身份证号码'), '1101051949');
    expect(await screen.findByText('身份证号码应为 18 位：17 位数字加 1 位数字或 X')).toBeTruthy();
    await submit();
    expect(calls).toEqual([]);
  });

  it("checks an enterprise's unified social credit code in the browser", async () => {
    const calls = serve({});
    renderApp(<RegisterPage />, '/register');
    await user.click(await screen.findByRole('radio', { name: '企业' }));
    expect(screen.queryByLabelText('居民身份证号码')).toBeNull();
    await fill(screen.getByLabelText('用户名'), 'qinghe.food');
    await fill(screen.getByLabelText('企业名称'), '清河味道餐饮有限公司');
    await fill(screen.getByLabelText('统一社会信用代码'), '91350100M000100Y44');
    await fill(screen.getByLabelText('密码'), 'Qinghe-2026!');
    await submit();
    expect(await screen.findByText('统一社会信用代码校验位不正确，请核对')).toBeTruthy();
    await user.clear(screen.getByLabelText('统一社会信用代码'));
    await fill(screen.getByLabelText('统一社会信用代码'), '91350100M000100I43');
    expect(
      await screen.findByText('统一社会信用代码应为 18 位数字或大写字母（不含 I、O、S、V、Z）'),
    ).toBeTruthy();
    expect(calls).toEqual([]);
  });

  it("shows the server's field errors next to their fields, whichever way the server names them", async () => {
    const calls = serve({
      'POST /api/v1/auth/register': () =>
        json(400, {
          status: 400,
          code: 'validation_failed',
          detail: '请求参数不合法：/idNumber, /password',
          errors: [
            { path: '/body/idNumber', code: 'id_birth_date', message: '身份证号出生日期不是真实日期' },
            { path: '/body/password', code: 'weak_password', message: '密码至少 10 位，且包含字母和数字' },
            { path: '/body/username', code: 'pattern', message: '用户名只能包含字母、数字和 _ . @ -' },
          ],
        }),
    });
    renderApp(<RegisterPage />, '/register');
    await fillPerson('11010519491231002x'); // a lower-case x is the same number
    await submit();
    expect(await screen.findByText('身份证号出生日期不是真实日期')).toBeTruthy();
    expect(fieldOf('居民身份证号码').textContent).toContain('身份证号出生日期不是真实日期');
    expect(fieldOf('密码').textContent).toContain('密码至少 10 位，且包含字母和数字');
    expect(fieldOf('用户名').textContent).toContain('用户名只能包含字母、数字和 _ . @ -');
    // placed in their fields, so the alert above the button carries only the summary
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('请求参数不合法');
    expect(alert.querySelector('.ow-error-list')).toBeNull();
    expect(calls).toHaveLength(1);
    expect(calls[0]!.body).toEqual({
      kind: 'person',
      username: 'zhangsan',
      displayName: '张三',
      password: 'Qinghe-2026!',
      idNumber: '11010519491231002X',
    });
  });

  it("registers, logs in and lands on the applicant's cases", async () => {
    const me = {
      id: 'u9',
      username: 'qinghe.food',
      displayName: '清河味道餐饮有限公司',
      role: 'applicant',
      departmentId: null,
      version: 1,
    };
    const calls = serve({
      'POST /api/v1/auth/register': () => json(201, me),
      'POST /api/v1/auth/login': () =>
        json(200, { user: me, csrfToken: 't', expiresAt: '2026-12-01T00:00:00Z' }),
      'GET /api/v1/auth/me': () => json(200, me),
    });
    renderApp(
      <Routes>
        <Route path="/register" element={<RegisterPage />} />
        <Route path="/my/cases" element={<p>my cases</p>} />
      </Routes>,
      '/register',
    );
    await user.click(await screen.findByRole('radio', { name: '企业' }));
    await fill(screen.getByLabelText('用户名'), ' qinghe.food ');
    await fill(screen.getByLabelText('企业名称'), '清河味道餐饮有限公司');
    await fill(screen.getByLabelText('统一社会信用代码'), '91330900MA2A1B2C34');
    await fill(screen.getByLabelText('密码'), 'Qinghe-2026!');
    await fill(screen.getByLabelText('手机号码'), '13800138000');
    await submit();
    expect(await screen.findByText('my cases')).toBeTruthy();
    expect(calls.map((c) => `${c.method} ${c.path}`)).toEqual([
      'POST /api/v1/auth/register',
      'POST /api/v1/auth/login',
      'GET /api/v1/auth/me',
    ]);
    expect(calls[0]!.body).toEqual({
      kind: 'enterprise',
      username: 'qinghe.food',
      displayName: '清河味道餐饮有限公司',
      password: 'Qinghe-2026!',
      creditCode: '91330900MA2A1B2C34',
      phone: '13800138000',
    });
    expect(calls[1]!.body).toEqual({ username: 'qinghe.food', password: 'Qinghe-2026!' });
  });
});
