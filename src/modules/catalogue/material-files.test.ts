import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { createTestContext, type TestContext } from '../../../test/test-context.js';
import { smallCatalogue, item } from '../../../test/fixtures.js';
import { staff, Client } from '../../../test/http.js';
import { importCatalogue, validateCatalogueFile } from './import-catalogue.js';
import { systemActor } from '../../shared/actor.js';

let t: TestContext;
let admin: Client;
let head: Client;
before(async () => {
  t = await createTestContext();
  await importCatalogue(t.db, t.clock, systemActor('test'), smallCatalogue());
  admin = await staff(t, 'admin-mf', 'admin');
  head = await staff(t, 'head-mf', 'head', 'SCJ');
});
after(() => t.close());

const anon = () => new Client(t.app);
const pdf = (text: string) =>
  Buffer.from(
    `%PDF-1.4\n% ${text}\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n`,
  );

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
    url: '/api/v1/admin/material-files',
    payload: body,
    headers: {
      'content-type': `multipart/form-data; boundary=${boundary}`,
      ...(c.cookie ? { cookie: c.cookie, 'x-csrf-token': c.csrf } : {}),
    },
  });
}

test('a material names a blank form and a sample; published, they are public with their type and hash, and fixed', async () => {
  const blankBytes = pdf('blank form v1');
  const blank = await upload(head, blankBytes, '申请书（空白）.pdf');
  assert.equal(blank.statusCode, 201, blank.body);
  const sample = await upload(head, pdf('sample v1'), '申请书（示范文本）.pdf');
  assert.equal((await upload(anon(), pdf('x'), 'x.pdf')).statusCode, 401);
  const notPdf = await upload(head, Buffer.from('just text, not a form'), 'x.txt');
  assert.equal(notPdf.statusCode, 415);

  const base = item({ code: 'SCJ-XK-950', name: '食品小作坊登记', departmentCode: 'SCJ' });
  const withFiles = (blankId: string, sampleId?: string) => ({
    ...base,
    materials: [
      { ...base.materials[0]!, blankFormFileId: blankId, ...(sampleId ? { sampleFileId: sampleId } : {}) },
      ...base.materials.slice(1),
    ],
  });
  const bogus = await head.req('POST', '/api/v1/admin/items', withFiles('not-a-catalogue-file'));
  assert.equal(bogus.statusCode, 400);
  assert.equal(bogus.json().errors[0].path, '/body/materials/0/blankFormFileId');
  const created = await head.req('POST', '/api/v1/admin/items', withFiles(blank.json().id, sample.json().id));
  assert.equal(created.statusCode, 201, created.body);
  const id = created.json().itemId;
  const url = `/api/v1/items/${id}/material-files/${blank.json().id}`;
  assert.equal((await anon().req('GET', url)).statusCode, 404, 'a draft’s files are not public');
  assert.equal((await head.req('GET', `${url}?version=1`)).statusCode, 200, 'its editors see them');
  assert.equal(
    (await admin.req('POST', `/api/v1/admin/items/${id}/publish`, { version: 1, comment: '首次发布' }))
      .statusCode,
    200,
  );

  const guide = (await anon().req('GET', `/api/v1/items/${id}`)).json();
  assert.equal(guide.materials[0].blankFormFileId, blank.json().id);
  assert.equal(guide.materials[0].sampleFileId, sample.json().id);
  const listed = guide.materialFiles.find((f: { id: string }) => f.id === blank.json().id);
  const sha = createHash('sha256').update(blankBytes).digest('hex');
  assert.equal(listed.sha256, sha);
  assert.equal(listed.name, '申请书（空白）.pdf');
  const got = await anon().req('GET', url);
  assert.equal(got.statusCode, 200);
  assert.equal(got.headers['content-type'], 'application/pdf');
  assert.equal(got.headers['x-content-sha256'], sha);
  assert.equal(createHash('sha256').update(got.rawPayload).digest('hex'), sha);
  assert.match(String(got.headers['content-disposition']), /attachment; filename\*=UTF-8''/);

  // A file of the catalogue that this item does not name is not served through it; nor is a case's file.
  const other = await upload(head, pdf('another'), 'other.pdf');
  assert.equal(
    (await anon().req('GET', `/api/v1/items/${id}/material-files/${other.json().id}`)).statusCode,
    404,
  );

  // A new blank form makes a new draft version; the published one keeps its file.
  const v2 = await upload(head, pdf('blank form v2'), '申请书（空白）.pdf');
  const edit = await head.req('PUT', `/api/v1/admin/items/${id}/draft`, {
    version: 2,
    item: withFiles(v2.json().id),
  });
  assert.equal(edit.statusCode, 200, edit.body);
  assert.equal(edit.json().versionNo, 2);
  const still = (await anon().req('GET', `/api/v1/items/${id}`)).json();
  assert.equal(still.materials[0].blankFormFileId, blank.json().id, 'the published version is unchanged');
  assert.equal((await anon().req('GET', url)).headers['x-content-sha256'], sha);
  assert.equal(
    (await anon().req('GET', `/api/v1/items/${id}/material-files/${v2.json().id}`)).statusCode,
    404,
    'the draft’s new file is not public yet',
  );
  assert.equal(
    (await admin.req('POST', `/api/v1/admin/items/${id}/publish`, { version: 3, comment: '更换空白表格' }))
      .statusCode,
    200,
  );
  const v2url = `/api/v1/items/${id}/material-files/${v2.json().id}`;
  assert.equal((await anon().req('GET', v2url)).statusCode, 200);
  assert.equal(
    (await anon().req('GET', `${url}?version=1`)).headers['x-content-sha256'],
    sha,
    'the superseded version still serves its own file',
  );
  const audit = await t.db
    .selectFrom('audit_events')
    .select('action')
    .where('action', '=', 'item.material_file_uploaded')
    .execute();
  assert.equal(audit.length, 4);
});

test('an imported catalogue may name only files uploaded for the catalogue', async () => {
  const file = smallCatalogue();
  const first = file.items[0]!;
  file.items[0] = {
    ...first,
    materials: first.materials.map((m, i) =>
      i === 0 ? { ...m, sampleFileId: 'from-another-installation' } : m,
    ),
  };
  const errors = await validateCatalogueFile(t.db, file);
  assert.deepEqual(
    errors.map((e) => [e.path, e.code]),
    [['/items/0/materials/0/sampleFileId', 'unknown_file']],
  );
});
