import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { startCheckpointer } from './checkpointer.js';

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'ow-ckpt-'));
const waitFor = async (what: string, ok: () => boolean, ms = 10_000) => {
  const end = performance.now() + ms;
  while (!ok()) {
    if (performance.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
};

test('the log is checkpointed by the worker while the writer only commits, and nothing is lost', async () => {
  const dir = tmp();
  const file = path.join(dir, 'ow.db');
  const db = new SQLite(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.exec('create table t (id integer primary key, payload text not null)');
  const errors: string[] = [];
  const ck = startCheckpointer(() => db, file, { intervalMs: 20, onError: (e) => errors.push(e) });
  try {
    assert.equal(
      db.pragma('wal_autocheckpoint', { simple: true }),
      0,
      'the writer no longer checkpoints in its commits',
    );
    const ins = db.prepare('insert into t (payload) values (?)');
    for (let i = 0; i < 3000; i++) ins.run('x'.repeat(500));
    // Nothing on this connection checkpoints, yet the rows reach the database file itself: the
    // worker copied the log there.
    await waitFor('the rows in the database file', () => fs.statSync(file).size > 3000 * 500);
  } finally {
    await ck.stop();
    db.close();
  }
  assert.deepEqual(errors, [], 'stopping is not a failure');
  const again = new SQLite(file);
  assert.equal((again.prepare('select count(*) as n from t').get() as { n: number }).n, 3000);
  again.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

test('if the worker cannot run, the connection checkpoints for itself again', async () => {
  const dir = tmp();
  const file = path.join(dir, 'ow.db');
  const db = new SQLite(file);
  db.pragma('journal_mode = WAL');
  const errors: string[] = [];
  // The worker is pointed at a file that does not exist: it fails at once.
  const ck = startCheckpointer(() => db, path.join(dir, 'missing.db'), { onError: (e) => errors.push(e) });
  await waitFor('the fallback', () => errors.length > 0);
  assert.equal(db.pragma('wal_autocheckpoint', { simple: true }), 1000);
  await ck.stop();
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});
