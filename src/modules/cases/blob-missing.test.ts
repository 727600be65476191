import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { createTestContext, type TestContext } from '../../../test/test-context.js';
import { Client } from '../../../test/http.js';
import { seedDemo, DEMO_PASSWORD } from '../../seed/seed-demo.js';

let t: TestContext;
let citizen: Client, clerk: Client;
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

before(async () => {
  t = await createTestContext({ start: '2026-11-30T01:30:00.000Z' });
  await seedDemo(t.db, t.clock);
  citizen = await new Client(t.app).login('citizen', DEMO_PASSWORD);
  clerk = await new Client(t.app).login('clerk', DEMO_PASSWORD);
});
after(() => t.close());

async function upload(c: Client, data: Buffer, name: string) {
  const boundary = '----ow' + Math.random().toString(16).slice(2);
  const body = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
    ),
    data,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return t.app.inject({
    method: 'POST',
    url: '/api/v1/files',
    payload: body,
    headers: {
      'content-type': `multipart/form-data; boundary=${boundary}`,
      cookie: c.cookie,
      'x-csrf-token': c.csrf,
    },
  });
}

test('a material or document whose stored file is gone answers 410 with a clear problem in both languages, not 500', async () => {
  const food = (
    await new Client(t.app).req('GET', `/api/v1/search?q=${encodeURIComponent('食品经营许可')}&limit=1`)
  ).json().items[0];
  const guide = (await new Client(t.app).req('GET', `/api/v1/items/${food.id}`)).json();
  const required = guide.materials
    .filter((m: { required: boolean; source: string }) => m.required && m.source === 'applicant')
    .map((m: { name: string }) => m.name);
  const file = (await upload(citizen, PDF, '营业执照.pdf')).json();
  const submitted = await citizen.req('POST', '/api/v1/cases', {
    itemId: food.id,
    form: {},
    materials: [{ name: required[0], fileId: file.id }],
  });
  assert.equal(submitted.statusCode, 201, submitted.body);
  const caseId = submitted.json().case.id as string;
  const c0 = (await clerk.req('GET', `/api/v1/cases/${caseId}`)).json();
  const notice = await clerk.req('POST', `/api/v1/cases/${caseId}/supplement-request`, {
    version: c0.version,
    items: required.slice(1).map((name: string) => ({ name, requirement: '原件扫描件' })),
  });
  assert.equal(notice.statusCode, 200, notice.body);
  const doc = notice.json().case.documents[0] as { id: string; number: string; sha256: string };
  const docUrl = `/api/v1/cases/${caseId}/documents/${doc.id}`;
  assert.equal((await citizen.req('GET', docUrl)).statusCode, 200);
  assert.equal((await citizen.req('GET', `/api/v1/files/${file.id}`)).statusCode, 200);

  // The blobs are lost (a restore without them); the records remain.
  fs.rmSync(path.join(t.config.dataDir, 'blobs'), { recursive: true, force: true });
  for (const url of [docUrl, `/api/v1/files/${file.id}`]) {
    const zh = await citizen.req('GET', url, undefined, { 'accept-language': 'zh-CN' });
    assert.equal(zh.statusCode, 410, `${url}: ${zh.body}`);
    assert.match(String(zh.headers['content-type']), /^application\/problem\+json/);
    assert.equal(zh.json().code, 'blob_missing');
    assert.match(zh.json().detail ?? zh.json().title, /不在存储中/);
    const en = await citizen.req('GET', url, undefined, { 'accept-language': 'en' });
    assert.equal(en.statusCode, 410);
    assert.match(en.json().detail ?? en.json().title, /stored content is missing/);
  }
  const en = await citizen.req('GET', docUrl, undefined, { 'accept-language': 'en' });
  assert.ok(JSON.stringify(en.json()).includes(doc.number), 'names the document');
});
