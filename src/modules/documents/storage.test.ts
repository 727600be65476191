import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import {
  BlobNotFoundError,
  FileSystemStorage,
  MemoryStorage,
  assertValidKey,
  documentKey,
  type BlobStorage,
} from './storage.js';

const roots: string[] = [];
after(async () => {
  await Promise.all(roots.map((r) => rm(r, { recursive: true, force: true })));
});

async function tempRoot(): Promise<string> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'ow-blobs-'));
  roots.push(root);
  return root;
}

async function allFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)))
    .sort();
}

const KEY = 'documents/2026/ab/' + 'ab'.repeat(32) + '.pdf';
const BAD_KEYS = [
  '',
  '/etc/passwd',
  '../x.pdf',
  'a/../b.pdf',
  'a/..',
  '..',
  'a//b',
  'a/./b',
  './a',
  'a/',
  'a b.pdf',
  'a\\b.pdf',
  'C:/x.pdf',
  'a/b:c',
  '文档.pdf',
  'a/..b',
  'x'.repeat(513),
];

const storages: [string, () => Promise<BlobStorage>][] = [
  ['MemoryStorage', async () => new MemoryStorage()],
  ['FileSystemStorage', async () => new FileSystemStorage(await tempRoot())],
];

for (const [name, make] of storages) {
  test(`${name}: put, get and exists round-trip; put replaces`, async () => {
    const store = await make();
    assert.equal(await store.exists(KEY), false);
    const data = Buffer.from('%PDF-1.3 一窗通');
    await store.put(KEY, data);
    assert.equal(await store.exists(KEY), true);
    assert.ok((await store.get(KEY)).equals(data));
    await store.put(KEY, Buffer.from('second'));
    assert.equal((await store.get(KEY)).toString(), 'second');
    await store.put('empty.bin', Buffer.alloc(0));
    assert.equal((await store.get('empty.bin')).length, 0);
  });

  test(`${name}: a missing key is BlobNotFoundError`, async () => {
    const store = await make();
    await assert.rejects(
      store.get('documents/none.pdf'),
      (err: unknown) => err instanceof BlobNotFoundError && err.key === 'documents/none.pdf',
    );
    assert.equal(await store.exists('documents/none.pdf'), false);
  });

  test(`${name}: refuses bad keys`, async () => {
    const store = await make();
    for (const key of BAD_KEYS) {
      await assert.rejects(
        store.put(key, Buffer.from('x')),
        /invalid blob key/,
        `put ${JSON.stringify(key)}`,
      );
      await assert.rejects(store.get(key), /invalid blob key/, `get ${JSON.stringify(key)}`);
      await assert.rejects(store.exists(key), /invalid blob key/, `exists ${JSON.stringify(key)}`);
    }
  });

  test(`${name}: any valid key round-trips`, async () => {
    const store = await make();
    const segment = fc.stringMatching(/^[A-Za-z0-9_-][A-Za-z0-9_.-]{0,8}$/).filter((s) => !s.includes('..'));
    const key = fc.array(segment, { minLength: 1, maxLength: 4 }).map((parts) => parts.join('/'));
    await fc.assert(
      fc.asyncProperty(key, fc.uint8Array({ maxLength: 64 }), async (k, bytes) => {
        // a key that is a directory of an earlier key cannot also be a file on disk; skip those pairs
        try {
          await store.put(k, Buffer.from(bytes));
        } catch (err) {
          if (['EISDIR', 'ENOTDIR', 'EEXIST'].includes((err as NodeJS.ErrnoException).code ?? '')) return;
          throw err;
        }
        assert.ok((await store.get(k)).equals(Buffer.from(bytes)));
      }),
      { numRuns: 40 },
    );
  });
}

test('keys are relative paths of [A-Za-z0-9/_.-] only', () => {
  for (const key of BAD_KEYS)
    assert.throws(() => assertValidKey(key), /invalid blob key/, JSON.stringify(key));
  for (const key of [KEY, 'a', 'a.b/c-d/e_f.pdf', '.hidden'])
    assert.doesNotThrow(() => assertValidKey(key), key);
});

test('documentKey builds documents/<year>/<first two hex>/<sha256>.pdf', () => {
  const sha = 'ab'.repeat(32);
  assert.equal(documentKey(2026, sha), KEY);
  assert.throws(() => documentKey(2026, 'AB'.repeat(32)), /sha256/);
  assert.throws(() => documentKey(26, sha), /year/);
});

test('MemoryStorage keeps its own copy of the bytes', async () => {
  const store = new MemoryStorage();
  const data = Buffer.from('abc');
  await store.put('k', data);
  data[0] = 0x7a;
  const got = await store.get('k');
  got[1] = 0x7a;
  assert.equal((await store.get('k')).toString(), 'abc');
});

test('FileSystemStorage creates directories and leaves no temporary file behind', async () => {
  const root = await tempRoot();
  const store = new FileSystemStorage(root);
  await store.put(KEY, Buffer.from('one'));
  await store.put('documents/2027/cd/x.pdf', Buffer.from('two'));
  assert.deepEqual(
    await allFiles(root),
    [KEY, 'documents/2027/cd/x.pdf'].map((k) => k.split('/').join(path.sep)).sort(),
  );
});

test('FileSystemStorage: concurrent writers to one key leave one whole value and no temporary file', async () => {
  const root = await tempRoot();
  const store = new FileSystemStorage(root);
  const values = Array.from({ length: 20 }, (_, i) => Buffer.alloc(64 * 1024, i));
  await Promise.all(values.map((v) => store.put(KEY, v)));
  const got = await store.get(KEY);
  assert.ok(
    values.some((v) => v.equals(got)),
    'the stored bytes are exactly one of the writes',
  );
  assert.deepEqual(await allFiles(root), [KEY.split('/').join(path.sep)]);
});

test('FileSystemStorage: a failed write removes its temporary file and keeps nothing half-written', async () => {
  const root = await tempRoot();
  const store = new FileSystemStorage(root);
  await mkdir(path.join(root, 'documents', 'taken.pdf'), { recursive: true }); // rename onto a directory fails
  await assert.rejects(store.put('documents/taken.pdf', Buffer.from('x')));
  assert.deepEqual(await allFiles(root), []);
  assert.equal(await store.exists('documents/taken.pdf'), false);
});
