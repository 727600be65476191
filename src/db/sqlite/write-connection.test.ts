import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { WriteConnection } from './write-connection.js';

// A file the process may not write opens read-only without a word (a root process may write any
// file, so query_only stands in for the file's mode here; the disk drill uses a real one).
test('a connection opened read-only is known as such, and replaced once the file can be written', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ow-wc-'));
  const file = path.join(dir, 'ow.db');
  let fileWritable = false;
  let replaced = 0;
  const conn = new WriteConnection(
    file,
    (c) => {
      c.pragma('journal_mode = WAL');
      if (!fileWritable) c.pragma('query_only = 1');
    },
    () => replaced++,
    () => fileWritable,
  );
  try {
    assert.equal(conn.readOnly, true);
    assert.throws(() => conn.current.exec('create table t (x)'), /readonly/);
    conn.reopenIfWritable(true);
    assert.equal(conn.readOnly, true, 'still read-only while the file is');
    assert.equal(replaced, 0);
    fileWritable = true;
    conn.reopenIfWritable(true);
    assert.equal(conn.readOnly, false);
    assert.equal(replaced, 1, 'statement caches are told');
    conn.current.exec('create table t (x)');
    conn.current.prepare('insert into t values (1)').run();
  } finally {
    conn.current.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
