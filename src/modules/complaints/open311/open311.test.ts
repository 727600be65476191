import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createTestContext, type TestContext } from '../../../../test/test-context.js';
import { Client } from '../../../../test/http.js';
import { seedDemo, DEMO_PASSWORD } from '../../../seed/seed-demo.js';
import { act } from '../test-helpers.js';

/**
 * Conformance with GeoReport v2 (wiki.open311.org/GeoReport_v2): the element names, their order
 * and the roots of the spec's own example responses, in XML and in JSON.
 */
const SPEC = {
  service: ['service_code', 'service_name', 'description', 'metadata', 'type', 'keywords', 'group'],
  attribute: [
    'variable',
    'code',
    'datatype',
    'required',
    'datatype_description',
    'order',
    'description',
    'values',
  ],
  request: [
    'service_request_id',
    'status',
    'status_notes',
    'service_name',
    'service_code',
    'description',
    'agency_responsible',
    'service_notice',
    'requested_datetime',
    'updated_datetime',
    'expected_datetime',
    'address',
    'address_id',
    'zipcode',
    'lat',
    'long',
    'media_url',
  ],
};

let t: TestContext;
let apiKey: string;
before(async () => {
  t = await createTestContext({
    start: '2026-11-30T01:30:00.000Z',
    env: { OPEN311_JURISDICTION_ID: 'qinghe.gov.cn' },
  });
  await seedDemo(t.db, t.clock);
  const admin = await new Client(t.app).login('admin', DEMO_PASSWORD);
  const key = await admin.req('POST', '/api/v1/open311/keys', { name: '12345 热线平台' });
  assert.equal(key.statusCode, 201, key.body);
  apiKey = key.json().apiKey;
  const center = await new Client(t.app).login('complaints', DEMO_PASSWORD);
  assert.equal((await center.req('POST', '/api/v1/open311/keys', { name: 'x' })).statusCode, 403);
});
after(() => t.close());

const get = (url: string) => t.app.inject({ method: 'GET', url: `/open311/v2/${url}` });
const post = (fmt: string, form: Record<string, string>) =>
  t.app.inject({
    method: 'POST',
    url: `/open311/v2/requests.${fmt}`,
    payload: new URLSearchParams(form).toString(),
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
  });
/** The names of the direct children of the first <tag>…</tag>, nested lists left out. */
function childNames(xml: string, tag: string): string[] {
  const inner =
    new RegExp(`<${tag}>(.*?)</${tag}>`, 's').exec(
      xml.replace(/<(notes|values)>.*?<\/\1>/gs, '<$1/>'),
    )?.[1] ?? '';
  return [...inner.matchAll(/<([a-z_]+)(?:\/>|>)/g)]
    .map((m) => m[1]!)
    .filter((n, i, a) => a.indexOf(n) === i);
}
const form = (over: Record<string, string> = {}) => ({
  api_key: apiKey,
  jurisdiction_id: 'qinghe.gov.cn',
  service_code: 'arbitrary_fee',
  'attribute[department]': 'SCJ',
  lat: '30.2741',
  long: '120.1551',
  description: '市场监管局窗口收取表格费十元',
  first_name: '晓',
  last_name: '林',
  email: 'lin@example.test',
  ...over,
});

test('services in XML and JSON carry exactly the spec fields', async () => {
  const xml = await get('services.xml');
  assert.equal(xml.statusCode, 200);
  assert.match(xml.headers['content-type'] as string, /application\/xml/);
  assert.match(xml.body, /^<\?xml version="1.0" encoding="utf-8"\?><services><service>/);
  assert.deepEqual(childNames(xml.body, 'service'), SPEC.service);
  const json = (await get('services.json')).json();
  assert.deepEqual(Object.keys(json[0]), SPEC.service);
  assert.ok(json.some((s: { service_code: string }) => s.service_code === 'arbitrary_fee'));
  const def = (await get('services/arbitrary_fee.json')).json();
  assert.deepEqual(Object.keys(def.attributes[0]), SPEC.attribute);
  assert.ok(def.attributes[0].values.some((v: { key: string }) => v.key === 'SCJ'));
  const defXml = (await get('services/arbitrary_fee.xml')).body;
  assert.match(
    defXml,
    /<service_definition><service_code>arbitrary_fee<\/service_code><attributes><attribute><variable>true<\/variable>/,
  );
  assert.match(defXml, /<values><value><key>[^<]+<\/key><name>/);
  assert.equal((await get('services.json?jurisdiction_id=elsewhere.gov')).statusCode, 400);
});

test('POST requests needs an api_key; the answer, the token and the request follow the spec', async () => {
  const denied = await post('xml', form({ api_key: 'wrong' }));
  assert.equal(denied.statusCode, 403);
  assert.match(
    denied.body,
    /^<\?xml version="1.0" encoding="utf-8"\?><errors><error><code>403<\/code><description>[^<]+<\/description><\/error><\/errors>$/,
  );
  const deniedJson = await post('json', form({ api_key: '' }));
  assert.deepEqual(Object.keys(deniedJson.json()[0]), ['code', 'description']);
  const noPlace = await post('json', form({ lat: '', long: '' }));
  assert.equal(noPlace.statusCode, 400);
  const created = await post('xml', form());
  assert.equal(created.statusCode, 200, created.body);
  assert.match(created.body, /<service_requests><request><service_request_id>JB\d+<\/service_request_id>/);
  assert.match(created.body, /<account_id\/>/);
  const answer = (await post('json', form({ description: '同一窗口再次收取表格费' }))).json()[0];
  assert.deepEqual(Object.keys(answer), ['service_request_id', 'token', 'service_notice', 'account_id']);
  const token = (await get(`tokens/${answer.token}.json`)).json();
  assert.deepEqual(token, [{ service_request_id: answer.service_request_id, token: answer.token }]);
  const one = (await get(`requests/${answer.service_request_id}.json`)).json();
  assert.deepEqual(Object.keys(one[0]).slice(0, SPEC.request.length), SPEC.request);
  assert.equal(one[0].status, 'open');
  assert.match(one[0].requested_datetime, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+08:00$/);
  assert.deepEqual(childNames((await get(`requests/${answer.service_request_id}.xml`)).body, 'request'), [
    ...SPEC.request,
    'notes',
  ]);
  assert.equal((await get('requests/JB0000000000.json')).statusCode, 404);
});

test('GET requests filters by ids, service code, status and dates; updates come as notes', async () => {
  const a = (await post('json', form({ description: '窗口要求购买指定文具' }))).json()[0];
  const b = (
    await post('json', form({ service_code: 'delay', description: '许可证办理超期未告知' }))
  ).json()[0];
  const id = (
    await t.db
      .selectFrom('complaints')
      .select('id')
      .where('ticket_no', '=', b.service_request_id)
      .executeTakeFirstOrThrow()
  ).id;
  const center = await new Client(t.app).login('complaints', DEMO_PASSWORD);
  const reviewer = await new Client(t.app).login('reviewer', DEMO_PASSWORD);
  for (const [c, s, body] of [
    [center, 'accept', {}],
    [center, 'dispatch', {}],
    [reviewer, 'reply', { reply: '已办结并致歉' }],
    [center, 'close', {}],
  ] as const)
    assert.equal((await act(t, c, id, s, body)).statusCode, 200);
  const both = (
    await get(`requests.json?service_request_id=${a.service_request_id},${b.service_request_id}`)
  ).json();
  assert.equal(both.length, 2);
  const closed = (await get('requests.json?status=closed')).json();
  assert.deepEqual(
    closed.map((r: { service_request_id: string }) => r.service_request_id),
    [b.service_request_id],
  );
  assert.equal(closed[0].status_notes, '已办结并致歉');
  assert.deepEqual(
    closed[0].notes.map((n: { summary: string }) => n.summary),
    ['submitted', 'accept', 'dispatch', 'reply', 'close'],
  );
  const delay = (await get('requests.json?service_code=delay')).json();
  assert.equal(delay.length, 1);
  assert.equal((await get('requests.json?start_date=2030-01-01T00:00:00Z')).json().length, 0);
  assert.equal((await get('requests.json?status=maybe')).statusCode, 400);
  const xml = (await get('requests.xml?status=closed')).body;
  assert.match(
    xml,
    /<notes><note><type>update<\/type><datetime>[^<]+<\/datetime><summary>submitted<\/summary><\/note>/,
  );
  // Nothing of the reporter leaves through Open311.
  assert.ok(!JSON.stringify(both).includes('lin@example.test'));
});

test("a body the parser refuses is answered as the spec's error list, not as an internal error", async () => {
  for (const fmt of ['json', 'xml']) {
    const r = await t.app.inject({
      method: 'POST',
      url: `/open311/v2/requests.${fmt}`,
      payload: '',
      headers: { 'content-type': 'application/json', 'accept-language': 'en' },
    });
    assert.equal(r.statusCode, 400, r.body);
    if (fmt === 'json') assert.equal(r.json()[0].code, 400);
    else assert.match(r.body, /^<\?xml[^>]*\?><errors><error><code>400<\/code><description>[^<]+</);
  }
});
