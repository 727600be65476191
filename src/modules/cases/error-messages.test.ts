import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createTestContext, type TestContext } from '../../../test/test-context.js';
import { Client } from '../../../test/http.js';
import { seedDemo, DEMO_PASSWORD } from '../../seed/seed-demo.js';

// Error details are read by people in one language: no JSON paths, no English in the Chinese text.
let t: TestContext;
let citizen: Client, clerk: Client;
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
const latin = /[A-Za-z]{2,}/;

before(async () => {
  t = await createTestContext({ start: '2026-11-30T01:30:00.000Z' });
  await seedDemo(t.db, t.clock);
  citizen = await new Client(t.app).login('citizen', DEMO_PASSWORD);
  clerk = await new Client(t.app).login('clerk', DEMO_PASSWORD);
});
after(() => t.close());

async function upload(c: Client) {
  const boundary = '----ow' + Math.random().toString(16).slice(2);
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/files',
    payload: Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\nContent-Type: application/pdf\r\n\r\n`,
      ),
      PDF,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]),
    headers: {
      'content-type': `multipart/form-data; boundary=${boundary}`,
      cookie: c.cookie,
      'x-csrf-token': c.csrf,
    },
  });
  return res.json().id as string;
}

test('a wrong tracking code is told in one language, naming the receipt number', async () => {
  const any = { receipt_no: 'QH20269999999' }; // unknown and wrong code answer alike (cases.test.ts)
  const ask = (lang: string) =>
    t.app.inject({
      url: `/api/v1/track/${any.receipt_no}?code=WRONGCODE1`,
      headers: { 'accept-language': lang },
      remoteAddress: '10.7.7.7',
    });
  const zh = (await ask('zh-CN')).json();
  assert.equal(zh.status, 404);
  assert.ok(zh.detail.includes(any.receipt_no), zh.detail);
  assert.doesNotMatch(zh.detail.replace(any.receipt_no, ''), latin, zh.detail);
  const en = (await ask('en')).json();
  assert.doesNotMatch(en.detail, /[\u4e00-\u9fff]/, en.detail);
});

test('acceptance refused for a missing material names it and suggests 容缺, without a path', async () => {
  const food = (
    await new Client(t.app).req('GET', `/api/v1/search?q=${encodeURIComponent('食品经营许可')}&limit=1`)
  ).json().items[0];
  const guide = (await new Client(t.app).req('GET', `/api/v1/items/${food.id}`)).json();
  const required = guide.materials
    .filter((m: { required: boolean; source: string }) => m.required && m.source === 'applicant')
    .map((m: { name: string }) => m.name);
  const first = (
    await citizen.req('POST', '/api/v1/cases', {
      itemId: food.id,
      form: {},
      materials: [{ name: required[0], fileId: await upload(citizen) }],
    })
  ).json().case;
  const refused = await clerk.req('POST', `/api/v1/cases/${first.id}/accept`, { version: first.version });
  assert.equal(refused.statusCode, 400);
  const detail: string = refused.json().detail;
  assert.ok(detail.includes(required[1]), detail);
  assert.match(detail, /容缺/);
  assert.doesNotMatch(detail, latin, detail);

  const empty = await citizen.req('POST', `/api/v1/cases/${first.id}/supplement`, {
    version: first.version,
    materials: [],
  });
  assert.equal(empty.statusCode, 400);
  assert.doesNotMatch(empty.json().detail, /\/body|materials/, empty.json().detail);
  assert.equal(empty.json().errors[0].path, '/body/materials', 'the path stays for the form to place it');
});
