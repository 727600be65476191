import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { createTestContext, TEST_DIALECT, type TestContext } from '../../test/test-context.js';
import { staff } from '../../test/http.js';
import { smallCatalogue } from '../../test/fixtures.js';

// The embedded database's file under a limit: SQLITE_FULL without filling a disk (max_page_count is
// the connection's own limit, reached as a full disk would be).
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ow-storage-'));
const logs: string[] = [];
const logStream = new Writable({
  write(chunk: Buffer, _enc, done) {
    logs.push(chunk.toString());
    done();
  },
});
let t: TestContext | undefined;
after(async () => {
  await t?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const skip =
  TEST_DIALECT === 'postgres' &&
  'a file of the embedded database (PostgreSQL: src/server/lost-connection.test.ts, and storageFailureOf)';

test(
  'a full disk: 503 with Retry-After in both languages, not ready, and healed once there is room',
  { skip },
  async () => {
    t = await createTestContext({ sqliteFile: path.join(dir, 'ow.db'), logStream });
    const admin = await staff(t, 'admin1', 'admin');
    const sqlite = t.database.sqlite!;
    sqlite.pragma(`max_page_count = ${sqlite.pragma('page_count', { simple: true }) as number}`);
    const importing = (lang: string) =>
      admin.req('POST', '/api/v1/admin/catalogue/import', smallCatalogue(), { 'accept-language': lang });

    const zh = await importing('zh-CN');
    assert.equal(zh.statusCode, 503, zh.body);
    assert.equal(zh.headers['retry-after'], '30');
    assert.match(String(zh.headers['content-type']), /^application\/problem\+json/);
    assert.equal(zh.json().code, 'storage_full');
    assert.match(zh.json().detail, /存储空间不足/);
    const en = await importing('en');
    assert.equal(en.statusCode, 503);
    assert.match(en.json().detail, /out of storage space/);
    const log = logs.join('');
    assert.match(log, /SQLITE_FULL/, 'the log names the engine error');
    assert.doesNotMatch(log, /cannot rollback|no such savepoint/, 'not hidden by a failed rollback');

    const notReady = await t.app.inject('/readyz');
    assert.equal(notReady.statusCode, 503);
    assert.match(notReady.json().detail, /page limit/);

    // Room again (an operator freed space): ready and writing without a restart.
    sqlite.pragma('max_page_count = 1073741823');
    assert.equal((await t.app.inject('/readyz')).statusCode, 200);
    const ok = await importing('en');
    assert.ok(ok.statusCode < 300, ok.body);
  },
);

test(
  'a read-only database: 503 with Retry-After, and healed without a restart once it can be written',
  { skip },
  async () => {
    t ??= await createTestContext({ sqliteFile: path.join(dir, 'ow.db'), logStream });
    const admin = await staff(t, 'admin2', 'admin');
    // (a root process may write any file: query_only makes the connection refuse writes as a file's
    // mode would; the disk drill runs the server as an unprivileged user on a read-only file)
    t.database.sqlite!.pragma('query_only = 1');
    const refused = await admin.req('POST', '/api/v1/auth/logout', undefined, { 'accept-language': 'en' });
    assert.equal(refused.statusCode, 503, refused.body);
    assert.equal(refused.headers['retry-after'], '30');
    assert.equal(refused.json().code, 'storage_read_only');
    assert.match(refused.json().detail, /read-only/);
    // The file itself can be written: /readyz finds so, and a fresh connection takes the old one's place.
    assert.equal((await t.app.inject('/readyz')).statusCode, 200);
    assert.equal(t.database.sqlite!.pragma('query_only', { simple: true }), 0);
    const again = await admin.req('POST', '/api/v1/auth/logout');
    assert.ok(again.statusCode < 300, again.body);
  },
);
