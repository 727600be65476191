import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { createTestContext, type TestContext } from '../../test/test-context.js';
import { staff, Client } from '../../test/http.js';
import { pickLang } from './errors.js';
import { maskPersonalData } from './log-redaction.js';

let t: TestContext;
let admin: Client;
const METRICS_TOKEN = 'metrics-test-token-0123456789';
before(async () => {
  t = await createTestContext({ env: { METRICS_TOKEN } });
  admin = await staff(t, 'admin1', 'admin');
});
after(() => t.close());

test('health, readiness and metrics', async () => {
  assert.equal((await t.app.inject('/healthz')).json().status, 'ok');
  const ready = (await t.app.inject('/readyz')).json();
  assert.equal(ready.status, 'ready');
  await t.app.inject('/api/v1/departments');
  await t.app.inject('/api/v1/departments');
  await t.app.inject('/api/v1/departments/none');
  const m = await t.app.inject({ url: '/metrics', headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
  assert.equal(m.statusCode, 200);
  assert.match(
    m.body,
    /onewindow_http_requests_total\{method="GET",route="\/api\/v1\/departments",status="200"\} 2\n/,
  );
  assert.match(
    m.body,
    /onewindow_http_requests_total\{method="GET",route="\/api\/v1\/departments\/:id",status="404"\} 1\n/,
  );
  assert.match(
    m.body,
    /onewindow_http_request_duration_seconds_count\{method="GET",route="\/api\/v1\/departments"\} 2\n/,
  );
  // SQLite groups every commit ("database"); PostgreSQL groups intake only.
  assert.match(m.body, /onewindow_commit_group_units\{group="(database|intake)"\} \d+/);
});

test('metrics answer only the bearer of METRICS_TOKEN, and nobody when it is not set', async () => {
  for (const headers of [
    {},
    { authorization: 'Bearer wrong-token-0123456789abc' },
    { authorization: METRICS_TOKEN },
  ]) {
    const r = await t.app.inject({ url: '/metrics', headers, remoteAddress: '127.0.0.1' });
    assert.equal(r.statusCode, 401, JSON.stringify(headers));
    assert.equal(r.json().code, 'metrics_token_required');
    assert.equal(r.headers['www-authenticate'], 'Bearer realm="metrics"');
    assert.doesNotMatch(r.body, /onewindow_http_requests_total/);
  }
  const off = await createTestContext();
  try {
    const r = await off.app.inject({
      url: '/metrics',
      headers: { authorization: `Bearer ${METRICS_TOKEN}`, 'accept-language': 'en' },
    });
    assert.equal(r.statusCode, 401);
    assert.match(r.json().detail, /METRICS_TOKEN unset/);
  } finally {
    await off.close();
  }
});

test('every answer carries its request id, errors from the credential check included', async () => {
  const given = 'req-0123456789';
  const ok = await t.app.inject({ url: '/api/v1/departments', headers: { 'x-request-id': given } });
  assert.equal(ok.headers['x-request-id'], given);
  const refused = await t.app.inject({
    url: '/api/v1/departments',
    headers: { 'x-request-id': given, authorization: 'Bearer not-a-token' },
  });
  assert.equal(refused.statusCode, 401);
  assert.equal(refused.headers['x-request-id'], given);
  const missing = await t.app.inject('/api/v1/nothing-here');
  assert.equal(missing.statusCode, 404);
  assert.match(
    String(missing.headers['x-request-id']),
    /^[0-9a-f-]{36}$/,
    'made up when none (or a malformed one) is given',
  );
});

test('the OpenAPI 3.1 document is generated from the route schemas, with docs served', async () => {
  const doc = (await t.app.inject('/api/v1/openapi.json')).json();
  assert.equal(doc.openapi, '3.1.0');
  for (const p of [
    '/api/v1/items',
    '/api/v1/items/{id}',
    '/api/v1/search',
    '/api/v1/catalogue/summary',
    '/api/v1/auth/login',
    '/api/v1/admin/catalogue/import',
  ]) {
    assert.ok(doc.paths[p], `missing ${p}`);
  }
  assert.ok(
    doc.paths['/api/v1/items'].get.parameters.some((p: { name: string }) => p.name === 'handlingClass'),
  );
  const ui = await t.app.inject('/api/docs/');
  assert.equal(ui.statusCode, 200);
  assert.match(ui.headers['content-type'] as string, /html/);
});

test('errors are problem+json in Chinese by default and English on request', async () => {
  const zh = await t.app.inject('/api/v1/nowhere');
  assert.equal(zh.statusCode, 404);
  assert.equal(zh.headers['content-type'], 'application/problem+json; charset=utf-8');
  assert.equal(zh.json().code, 'route_not_found');
  assert.match(zh.json().detail, /没有这个接口/);
  const en = await t.app.inject({ url: '/api/v1/nowhere', headers: { 'accept-language': 'en-GB,zh;q=0.5' } });
  assert.match(en.json().detail, /No such endpoint/);
  // A request that fails its schema: the detail names the fields in the reader's language too.
  const bad = (lang?: string) =>
    t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'someone' },
      headers: lang ? { 'accept-language': lang } : {},
    });
  const badZh = (await bad()).json();
  assert.equal(badZh.code, 'validation_failed');
  assert.equal(badZh.detail, '请求数据不符合要求：缺少必填字段', 'the detail is for people: no JSON path');
  assert.deepEqual(badZh.errors, [{ path: '/body/password', code: 'required', message: '缺少必填字段' }]);
  assert.equal((await bad('en')).json().detail, 'The request is invalid: This field is required');
  assert.equal(pickLang('fr, en;q=0.8, zh;q=0.9'), 'zh-CN');
  assert.equal(pickLang('fr, en;q=0.8'), 'en');
  assert.equal(pickLang(undefined), 'zh-CN');
});

test('malformed bodies of every kind get a 4xx naming the problem, never a 500', async () => {
  const send = (payload: string, contentType = 'application/json') =>
    t.app.inject({
      method: 'POST',
      url: '/api/v1/admin/fees',
      payload,
      headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrf, 'content-type': contentType },
    });
  const broken = await send('{"code": ');
  assert.equal(broken.statusCode, 400);
  assert.equal(broken.json().code, 'malformed_body');
  const wrongType = await send('<xml/>', 'application/xml');
  assert.equal(wrongType.statusCode, 415);
  const fields = await send(JSON.stringify({ code: 'bad code', name: 1 }));
  assert.equal(fields.statusCode, 400);
  const paths = fields.json().errors.map((e: { path: string; code: string }) => e.path);
  for (const p of ['/body/code', '/body/name', '/body/departmentCode', '/body/rule'])
    assert.ok(paths.includes(p), `${p} not in ${paths}`);
});

test('property: no JSON body ever makes a write endpoint answer 5xx', async () => {
  const anyJson = fc.oneof(
    fc.jsonValue(),
    fc.record({ code: fc.string(), name: fc.anything(), rule: fc.jsonValue(), departmentCode: fc.string() }),
  );
  await fc.assert(
    fc.asyncProperty(
      fc.constantFrom(
        '/api/v1/admin/fees',
        '/api/v1/admin/items',
        '/api/v1/admin/departments',
        '/api/v1/admin/catalogue/import',
        '/api/v1/auth/register',
      ),
      anyJson,
      async (url, body) => {
        const res = await t.app.inject({
          method: 'POST',
          url,
          payload: JSON.stringify(body),
          headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrf, 'content-type': 'application/json' },
        });
        assert.ok(res.statusCode < 500, `${url} ${JSON.stringify(body)} → ${res.statusCode} ${res.body}`);
      },
    ),
    { numRuns: 150 },
  );
});

test('property: malformed query strings and path parameters on public endpoints are 4xx at worst', async () => {
  const junk = fc.string({ maxLength: 40 });
  await fc.assert(
    fc.asyncProperty(junk, junk, async (a, b) => {
      for (const url of [
        `/api/v1/items?page=${encodeURIComponent(a)}&type=${encodeURIComponent(b)}`,
        `/api/v1/items/${encodeURIComponent(a) || 'x'}`,
        `/api/v1/search?q=${encodeURIComponent(a)}&limit=${encodeURIComponent(b)}`,
        `/api/v1/departments/${encodeURIComponent(b) || 'x'}`,
      ]) {
        const res = await t.app.inject(url);
        assert.ok(res.statusCode < 500, `${url} → ${res.statusCode} ${res.body}`);
      }
    }),
    { numRuns: 100 },
  );
});

test('personal data is masked in logged URLs', () => {
  assert.equal(
    maskPersonalData('/x?id=11010519491231002X&p=13912345678'),
    '/x?id=110105********002X&p=139****5678',
  );
  assert.equal(maskPersonalData('/track/1?code=ABCDEF'), '/track/1?code=***');
  assert.equal(maskPersonalData('/x/91350100M000100Y43'), '/x/91350100**********');
});

test('docs/errors.md lists every error code with its status', async () => {
  const { ERROR_CODES } = await import('./error-codes.js');
  const fs = await import('node:fs');
  const doc = fs.readFileSync(new URL('../../docs/errors.md', import.meta.url), 'utf8');
  for (const [code, def] of Object.entries(ERROR_CODES))
    assert.ok(doc.includes(`| \`${code}\` | ${def.status} |`), `docs/errors.md lacks ${code}`);
});

test('browser routes fall back to the web application; API paths and missing assets do not', async () => {
  const { wantsWebApp } = await import('./web-static.js');
  assert.equal(wantsWebApp('GET', '/items/abc'), true);
  assert.equal(wantsWebApp('GET', '/track/QH1?code=X'), true);
  assert.equal(wantsWebApp('GET', '/api/v1/nowhere'), false);
  assert.equal(wantsWebApp('GET', '/assets/index-missing.js'), false);
  assert.equal(wantsWebApp('POST', '/items'), false);
  assert.equal(wantsWebApp('GET', '/healthz'), false);
});
