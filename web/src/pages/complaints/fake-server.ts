import { vi } from 'vitest';

// A fake server for the reporting center's page tests: answers "METHOD /path" with JSON (or a
// function of the request's body), and records every call.
export interface Call {
  method: string;
  path: string;
  query: URLSearchParams;
  body: unknown;
}
type Answer = unknown | ((body: unknown) => Response);

export const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': status < 400 ? 'application/json' : 'application/problem+json' },
  });

export function serve(routes: Record<string, Answer>): Call[] {
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

export const signIn = () => {
  document.cookie = 'ow_csrf=tok; path=/';
};
export const signOut = () => {
  document.cookie = 'ow_csrf=; path=/; expires=Thu, 01 Jan 1970 00:00:00 GMT';
};
export const me = (role: string, departmentId = 'd-scj') => ({
  id: `u-${role}`,
  username: role,
  displayName: role,
  role,
  departmentId,
  status: 'active',
});
export const DEPARTMENTS = {
  items: [
    { id: 'd-scj', code: 'SCJ', name: '清河市市场监督管理局', shortName: '市市场监管局' },
    { id: 'd-wjw', code: 'WJW', name: '清河市卫生健康委员会', shortName: '市卫生健康委' },
  ],
  total: 2,
};
export const CATEGORIES = [
  {
    code: 'arbitrary_fee',
    zh: '乱收费',
    en: 'Arbitrary charges',
    kind: 'complaint',
    limitDays: 13,
    urgentLimitDays: 0,
    active: true,
  },
  {
    code: 'delay',
    zh: '办事拖拉',
    en: 'Delay',
    kind: 'complaint',
    limitDays: 13,
    urgentLimitDays: 0,
    active: true,
  },
];
