import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { createTestContext, type TestContext } from '../../test/test-context.js';
import { Client } from '../../test/http.js';
import { seedDemo } from './seed-demo.js';
import { seedDemoMaterialFiles } from './demo-material-files.js';

let t: TestContext;
before(async () => {
  t = await createTestContext();
  await seedDemo(t.db, t.clock);
  assert.equal(await seedDemoMaterialFiles(t.appContext), 6);
});
after(() => t.close());

test('the demo guide of 食品经营许可 offers blank forms and samples as real PDFs with their hashes', async () => {
  const anon = new Client(t.app);
  const hits = (
    await anon.req('GET', `/api/v1/search?q=${encodeURIComponent('食品经营许可')}&limit=1`)
  ).json();
  const id = hits.items[0].id;
  const guide = (await anon.req('GET', `/api/v1/items/${id}`)).json();
  assert.equal(guide.version.no, 2);
  const form = guide.materials.find((m: { name: string }) => m.name === '食品经营许可申请书');
  assert.ok(form.blankFormFileId && form.sampleFileId);
  assert.equal(guide.materialFiles.length, 6);
  const res = await anon.req('GET', `/api/v1/items/${id}/material-files/${form.sampleFileId}`);
  assert.equal(res.statusCode, 200);
  assert.equal(res.headers['content-type'], 'application/pdf');
  assert.equal(res.rawPayload.subarray(0, 5).toString(), '%PDF-');
  assert.ok(res.rawPayload.length < 200_000, `small: ${res.rawPayload.length} bytes`);
  const listed = guide.materialFiles.find((f: { id: string }) => f.id === form.sampleFileId);
  assert.equal(listed.sha256, createHash('sha256').update(res.rawPayload).digest('hex'));
  assert.equal(listed.name, '食品经营许可申请书（示范文本）.pdf');
});
