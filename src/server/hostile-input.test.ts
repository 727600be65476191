import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { createTestContext, type TestContext } from '../../test/test-context.js';
import { Client } from '../../test/http.js';
import { seedDemo, DEMO_PASSWORD } from '../seed/seed-demo.js';

/**
 * Input no handler can use is refused with a clear 4xx in problem+json, in the reader's language,
 * on both databases: before, these reached PostgreSQL or a recursive writer and answered 500.
 */
let t: TestContext;
let anon: Client, citizen: Client, clerk: Client, reviewer: Client, admin: Client;
let itemId: string;
const demo = (u: string) => new Client(t.app).login(u, DEMO_PASSWORD);
const EN = { 'accept-language': 'en' };

before(async () => {
  t = await createTestContext();
  await seedDemo(t.db, t.clock);
  anon = new Client(t.app);
  [citizen, clerk, reviewer, admin] = (await Promise.all(
    ['citizen', 'clerk', 'reviewer', 'admin'].map(demo),
  )) as [Client, Client, Client, Client];
  itemId = (await anon.req('GET', '/api/v1/items?pageSize=1')).json().items[0].id;
});
after(() => t.close());

type Reply = Awaited<ReturnType<Client['req']>>;
function problem(r: Reply, status: number, code?: string) {
  assert.equal(r.statusCode, status, r.body);
  assert.match(String(r.headers['content-type']), /^application\/problem\+json/, r.body);
  const p = r.json();
  if (code) assert.equal(p.code, code, r.body);
  return p as { detail: string; errors?: { path: string; code: string; message: string }[] };
}
const fieldOf = (r: Reply) => problem(r, 400, 'validation_failed').errors?.map((e) => [e.path, e.code]);

test('a NUL character anywhere in the input is a 400 naming the field, never a database error', async () => {
  const cases: [Promise<Reply>, string][] = [
    [anon.req('GET', '/api/v1/items/a%00b'), '/params/id'],
    [anon.req('GET', '/api/v1/departments/a%00b'), '/params/id'],
    [anon.req('GET', '/api/v1/search?q=a%00b'), '/query/q'],
    [anon.req('GET', '/api/v1/track/QH2026%00X?code=ABCDEFGHJK'), '/params/receiptNo'],
    [anon.req('POST', '/api/v1/auth/login', { username: 'ad\u0000min', password: 'x' }), '/body/username'],
    [admin.req('GET', '/api/v1/admin/users?q=%00'), '/query/q'],
    [admin.req('GET', '/api/v1/fee-reports?period=day&date=2026-01-01&department=%00'), '/query/department'],
    [
      citizen.req('POST', '/api/v1/inquiries', { personName: '张\u0000三', question: '要带什么材料？' }),
      '/body/personName',
    ],
    [
      citizen.req('POST', '/api/v1/cases', { itemId, form: { 地址: { 门牌: 'x\u0000' } }, materials: [] }),
      '/body/form/地址/门牌',
    ],
  ];
  for (const [reply, path] of cases) assert.deepEqual(fieldOf(await reply), [[path, 'nul']], path);
  const en = problem(await anon.req('GET', '/api/v1/search?q=%00', undefined, EN), 400);
  assert.match(en.detail, /NUL character/);
  const zh = problem(await anon.req('GET', '/api/v1/search?q=%00'), 400);
  assert.match(zh.detail, /空字符/);
});

test('form JSON nested thousands deep is a 400 at the nesting limit, not a stack overflow', async () => {
  const deep = `${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}`;
  const r = await t.app.inject({
    method: 'POST',
    url: '/api/v1/cases',
    payload: `{"itemId":${JSON.stringify(itemId)},"materials":[],"form":{"x":${deep}}}`,
    headers: {
      'content-type': 'application/json',
      cookie: citizen.cookie,
      'x-csrf-token': citizen.csrf,
      'idempotency-key': 'deep-form-000001',
      ...EN,
    },
  });
  const p = problem(r, 400, 'validation_failed');
  assert.equal(p.errors?.[0]?.code, 'maxDepth');
  assert.match(p.errors?.[0]?.path ?? '', /^\/body\/form\/x\/a\/a/);
  assert.match(p.detail, /deeper than 32 levels/);
});

test('a multipart upload cut off before its closing boundary is a 400', async () => {
  const r = await t.app.inject({
    method: 'POST',
    url: '/api/v1/files',
    payload:
      '--XyZ\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\n' +
      'Content-Type: application/pdf\r\n\r\n%PDF-1.4 and then nothing',
    headers: {
      'content-type': 'multipart/form-data; boundary=XyZ',
      cookie: citizen.cookie,
      'x-csrf-token': citizen.csrf,
    },
  });
  problem(r, 400, 'malformed_body');
});

test('a page number beyond the range is a 400 that gives the range, on every paged list', async () => {
  const huge = 'page=9999999999999999999';
  for (const [c, url] of [
    [reviewer, `/api/v1/worklist?${huge}`],
    [clerk, `/api/v1/inquiries?${huge}`],
    [admin, `/api/v1/fee-refunds?${huge}`],
  ] as const) {
    const r = await c.req('GET', url, undefined, EN);
    assert.deepEqual(fieldOf(r), [['/query/page', 'maximum']], url);
    assert.match(r.json().detail, /≤ 100000/);
  }
});

test('an impossible date is a 400 on both databases, not 200 on one and 500 on the other', async () => {
  for (const date of ['2026-02-30', '2026-13-01', '2026-13']) {
    const r = await admin.req('GET', `/api/v1/fee-reports?period=day&date=${date}`);
    assert.deepEqual(fieldOf(r), [['/query/date', 'format']], date);
  }
  const ok = await admin.req('GET', '/api/v1/fee-reports?period=month&date=2026-02');
  assert.equal(ok.statusCode, 200, ok.body);
  const r = await anon.req('GET', '/api/v1/calendar/deadline?from=2026-02-29&workdays=3');
  assert.deepEqual(fieldOf(r), [['/query/from', 'format']]);
});

test('numbers must be finite: a version of 1e400 is a 400, not a 409 about "Infinity"', async () => {
  const r = await t.app.inject({
    method: 'POST',
    url: '/api/v1/cases/00000000-0000-0000-0000-000000000000/accept',
    payload: '{"version":1e400}',
    headers: { 'content-type': 'application/json', cookie: clerk.cookie, 'x-csrf-token': clerk.csrf },
  });
  assert.deepEqual(fieldOf(r), [['/body/version', 'type']]);
  const q = await anon.req('GET', '/api/v1/items?page=1e400');
  assert.deepEqual(fieldOf(q), [['/query/page', 'type']]);
});

test('an integer the schema leaves unbounded is held to the 32-bit range of the integer columns', async () => {
  const r = await anon.req('GET', `/api/v1/items/${itemId}/versions/9999999999999999999`);
  assert.deepEqual(fieldOf(r), [['/params/no', 'maximum']]);
  const v = await clerk.req('POST', '/api/v1/cases/00000000-0000-0000-0000-000000000000/accept', {
    version: 3_000_000_000,
  });
  assert.deepEqual(fieldOf(v), [['/body/version', 'maximum']]);
});

test('a year before the working-day calendar begins is a 400, not a 500 from the calendar', async () => {
  const r = await anon.req('GET', '/api/v1/calendar/2000', undefined, EN);
  assert.deepEqual(fieldOf(r), [['/params/year', 'minimum']]);
});

test('a text/plain body is a 415 in problem+json, not "body must be an object"', async () => {
  const r = await admin.req('POST', '/api/v1/admin/departments', 'hello', { 'content-type': 'text/plain' });
  problem(r, 415, 'unsupported_media_type');
});

test('an over-long path parameter is a 414 in problem+json', async () => {
  const r = await anon.req('GET', `/api/v1/items/${'a'.repeat(200)}`, undefined, EN);
  const p = problem(r, 414, 'uri_too_long');
  assert.match(p.detail, /URL is too long/);
});

test('a URL beyond the HTTP parser limit gets a problem+json answer with a body, in its language', async () => {
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = t.app.server.address() as AddressInfo;
  for (const [lang, text] of [
    ['en', /URL is too long/],
    ['zh-CN', /请求地址过长/],
  ] as const) {
    const r = await fetch(`http://127.0.0.1:${port}/api/v1/items?q=${'a'.repeat(17_000)}`, {
      headers: { 'accept-language': lang },
    });
    assert.equal(r.status, 414);
    assert.match(r.headers.get('content-type') ?? '', /^application\/problem\+json/);
    const p = (await r.json()) as { code: string; detail: string };
    assert.equal(p.code, 'uri_too_long');
    assert.match(p.detail, text);
  }
});

test('every request field that takes a date is checked against the calendar (a format, not only a pattern)', async () => {
  const doc = (await anon.req('GET', '/api/v1/openapi.json')).json();
  const unchecked: string[] = [];
  const walk = (s: unknown, where: string): void => {
    if (!s || typeof s !== 'object') return;
    const o = s as Record<string, unknown>;
    if (typeof o.pattern === 'string' && o.pattern.includes('\\d{4}-\\d{2}') && !o.format)
      unchecked.push(where);
    for (const [k, v] of Object.entries(o)) walk(v, `${where}/${k}`);
  };
  for (const [path, ops] of Object.entries(
    doc.paths as Record<string, Record<string, Record<string, unknown>>>,
  ))
    for (const [method, op] of Object.entries(ops)) {
      walk(op.parameters, `${method} ${path} parameters`);
      walk(op.requestBody, `${method} ${path} body`);
    }
  walk(doc.components, 'components');
  assert.deepEqual(unchecked, []);
});
