import { describe, expect, it } from 'vitest';
import { buildUrl, createClient, readCookie } from './client';
import { ApiError, pointerToName } from './problem';

type Call = { url: string; init: RequestInit };

function client(
  respond: (call: Call) => Response | Promise<Response>,
  opts: { lang?: string; token?: string | null } = {},
) {
  const calls: Call[] = [];
  const c = createClient({
    baseUrl: '',
    fetch: async (input, init) => {
      const call = { url: String(input), init: init ?? {} };
      calls.push(call);
      return respond(call);
    },
    language: () => opts.lang ?? 'zh-CN',
    csrfToken: () => (opts.token === undefined ? 'tok123' : opts.token),
  });
  return { c, calls };
}

const json = (body: unknown, status = 200, type = 'application/json') =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': type } });
const header = (call: Call, name: string) => (call.init.headers as Record<string, string>)[name];

describe('API client', () => {
  it('sends Accept-Language from the UI language on every request', async () => {
    const zh = client(() => json({ ok: 1 }));
    await zh.c.get('/catalogue/summary');
    expect(header(zh.calls[0]!, 'accept-language')).toBe('zh-CN');
    const en = client(() => json({ ok: 1 }), { lang: 'en' });
    await en.c.post('/x', { a: 1 });
    expect(header(en.calls[0]!, 'accept-language')).toBe('en');
  });

  it('sends x-csrf-token on POST, PUT, PATCH and DELETE, never on GET', async () => {
    const { c, calls } = client(() => json({}));
    await c.get('/a');
    await c.post('/a', {});
    await c.put('/a', {});
    await c.patch('/a', {});
    await c.del('/a');
    expect(calls.map((x) => [x.init.method, header(x, 'x-csrf-token') ?? null])).toEqual([
      ['GET', null],
      ['POST', 'tok123'],
      ['PUT', 'tok123'],
      ['PATCH', 'tok123'],
      ['DELETE', 'tok123'],
    ]);
  });

  it('omits the CSRF header when there is no token (anonymous)', async () => {
    const { c, calls } = client(() => json({}), { token: null });
    await c.post('/auth/login', { username: 'u', password: 'p' });
    expect(header(calls[0]!, 'x-csrf-token')).toBeUndefined();
    expect(JSON.parse(calls[0]!.init.body as string)).toEqual({ username: 'u', password: 'p' });
    expect(header(calls[0]!, 'content-type')).toBe('application/json');
  });

  it('turns problem+json into an ApiError with code, message and field errors', async () => {
    const problem = {
      type: 'https://onewindow.dev/errors/validation_failed',
      title: 'validation_failed',
      status: 400,
      code: 'validation_failed',
      detail: 'The request is invalid: /body/committedDays',
      requestId: 'r-1',
      errors: [
        {
          path: '/body/committedDays',
          code: 'committed_exceeds_statutory',
          message: 'The committed limit exceeds the statutory one',
        },
      ],
    };
    const { c } = client(() => json(problem, 400, 'application/problem+json; charset=utf-8'));
    const err = await c.post('/admin/items', {}).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    const e = err as ApiError;
    expect(e.status).toBe(400);
    expect(e.code).toBe('validation_failed');
    expect(e.message).toBe('The request is invalid: /body/committedDays');
    expect(e.fieldErrors).toEqual(problem.errors);
    expect(e.requestId).toBe('r-1');
    expect(e.isMissingRoute).toBe(false);
  });

  it('tells a missing route (service not deployed) from a missing record', async () => {
    const route = client(() =>
      json({ status: 404, code: 'route_not_found', detail: 'no' }, 404, 'application/problem+json'),
    );
    expect(((await route.c.get('/bundles').catch((e) => e)) as ApiError).isMissingRoute).toBe(true);
    const rec = client(() =>
      json({ status: 404, code: 'resource_not_found', detail: 'no' }, 404, 'application/problem+json'),
    );
    expect(((await rec.c.get('/items/x').catch((e) => e)) as ApiError).isMissingRoute).toBe(false);
  });

  it('reports a non-JSON error by its status, and a failed connection as network', async () => {
    const html = client(
      () =>
        new Response('<html>bad gateway</html>', {
          status: 502,
          statusText: 'Bad Gateway',
          headers: { 'content-type': 'text/html' },
        }),
    );
    const e1 = (await html.c.get('/x').catch((e) => e)) as ApiError;
    expect([e1.status, e1.code]).toEqual([502, 'bad_response']);
    const down = client(() => {
      throw new TypeError('Failed to fetch');
    });
    const e2 = (await down.c.get('/x').catch((e) => e)) as ApiError;
    expect([e2.status, e2.code]).toEqual([0, 'network']);
  });

  it('returns undefined for 204 and parses JSON bodies', async () => {
    const { c } = client((call) =>
      call.init.method === 'PUT' ? new Response(null, { status: 204 }) : json({ n: 1 }),
    );
    expect(await c.put('/admin/synonyms', { synonyms: [] })).toBeUndefined();
    expect(await c.get('/x')).toEqual({ n: 1 });
  });

  it('builds query strings without empty values and under /api/v1', () => {
    expect(
      buildUrl('', '/items', { department: 'SCJ', lifeEvent: '开办企业', page: 1, type: undefined, q: '' }),
    ).toBe('/api/v1/items?department=SCJ&lifeEvent=%E5%BC%80%E5%8A%9E%E4%BC%81%E4%B8%9A&page=1');
    expect(buildUrl('http://h', '/x')).toBe('http://h/api/v1/x');
  });

  it('reads the readable CSRF cookie', () => {
    expect(readCookie('ow_csrf', 'a=1; ow_csrf=abc%3D; b=2')).toBe('abc=');
    expect(readCookie('ow_csrf', 'a=1')).toBeNull();
  });

  it('maps JSON pointers to form field names', () => {
    expect(pointerToName('/body/item/materials/0/name', '/body/item')).toEqual(['materials', 0, 'name']);
    expect(pointerToName('/body/code')).toEqual(['code']);
    expect(pointerToName('/query/from', '/query')).toEqual(['from']);
    expect(pointerToName('/query/from')).toBeNull();
    expect(pointerToName('/body')).toBeNull();
  });
});
