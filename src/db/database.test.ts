import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { sql } from 'kysely';
import { openDatabase, readStatements, shareWriteLock } from './database.js';
import { prepared } from './prepared.js';
import { holdTransaction } from '../../test/hold-transaction.js';
import { commitGroupOf } from './commit-group.js';

// SQLite only: how a transaction waits for the write lock another connection (another process) holds.
test("a transaction waits for another connection's write lock without blocking the event loop, then sees its rows", async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ow-db-'));
  const file = path.join(dir, 'ow.db');
  const handle = openDatabase({ sqliteFile: file, checkpoints: 'elsewhere' });
  const other = new SQLite(file);
  try {
    await sql`create table t (id integer primary key, v text not null)`.execute(handle.db);
    other.pragma('busy_timeout = 5000');
    other.exec('begin immediate');
    other.prepare('insert into t (v) values (?)').run('from the other process');

    let settled = false;
    // A transaction that reads first and writes after: with a deferred BEGIN its write could fail
    // (the snapshot it read is no longer the latest); BEGIN IMMEDIATE waits for the lock instead.
    const done = handle.db
      .transaction()
      .execute(async (trx) => {
        const seen = await sql<{ n: number }>`select count(*) as n from t`.execute(trx);
        await sql`insert into t (v) values (${`after ${seen.rows[0]!.n}`})`.execute(trx);
      })
      .finally(() => {
        settled = true;
      });
    // Timers take five turns while the transaction waits. Had the wait blocked the thread, the
    // busy timeout would have run out first and failed the transaction: the lock is only given up below.
    for (let turn = 0; turn < 5; turn++) await new Promise((r) => setTimeout(r, 5));
    assert.equal(settled, false, 'timers ran while the transaction waited for the lock');
    other.exec('commit');
    await done;
    assert.deepEqual(other.prepare('select v from t order by id').pluck().all(), [
      'from the other process',
      'after 1',
    ]);
    assert.equal(
      handle.sqlite!.pragma('busy_timeout', { simple: true }),
      5000,
      'the busy timeout is back for other statements',
    );
    assert.equal(
      handle.sqlite!.pragma('wal_autocheckpoint', { simple: true }),
      0,
      'checkpoints are left to the process that runs them',
    );
  } finally {
    other.close();
    await handle.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('processes sharing the file hand the write lock over: a steady writer does not starve another', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ow-db-'));
  const file = path.join(dir, 'ow.db');
  const a = openDatabase({ sqliteFile: file, checkpoints: 'elsewhere', sharedFile: true });
  const b = openDatabase({ sqliteFile: file, checkpoints: 'elsewhere', sharedFile: true });
  try {
    await sql`create table t (id integer primary key, who text not null)`.execute(a.db);
    const until = performance.now() + 400;
    // A writes back to back for 400 ms, as a busy process with a full queue would.
    const steady = (async () => {
      let n = 0;
      while (performance.now() < until) {
        await a.db.transaction().execute((trx) => sql`insert into t (who) values ('a')`.execute(trx));
        n++;
      }
      return n;
    })();
    await new Promise((r) => setTimeout(r, 50));
    await b.db.transaction().execute((trx) => sql`insert into t (who) values ('b')`.execute(trx));
    const written = await steady;
    const rows = (await sql<{ who: string }>`select who from t order by id`.execute(a.db)).rows.map(
      (r) => r.who,
    );
    assert.equal(written, rows.length - 1);
    const after = rows.length - 1 - rows.indexOf('b');
    assert.ok(
      after > 10,
      `the other writer got the lock while the steady one was still writing (${after} of ${written} commits came after it)`,
    );
  } finally {
    await a.close();
    await b.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('threads sharing the file: a transaction waiting for the lock does not hold up its own connection', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ow-db-'));
  const file = path.join(dir, 'ow.db');
  const a = openDatabase({ sqliteFile: file, checkpoints: 'elsewhere' });
  await sql`create table t (id integer primary key, who text not null)`.execute(a.db);
  // (two connections of one thread stand for two threads: the lock state is what they share)
  const b = openDatabase({ sqliteFile: file, checkpoints: 'elsewhere', lockState: shareWriteLock(a.db) });
  try {
    // B holds the write lock in a transaction that waits before it commits.
    const slow = await holdTransaction(b.db, (trx) => sql`insert into t (who) values ('b')`.execute(trx));
    // A's writer waits its turn; meanwhile A's reads go on (before, they queued behind that transaction).
    const write = commitGroupOf(a.db)!.run((trx) => sql`insert into t (who) values ('a')`.execute(trx));
    await new Promise((r) => setTimeout(r, 20));
    // The lock is released only after the read is answered, so a read that waited for it would never
    // be: the timer only ends such a test instead of leaving it hanging.
    const read = await Promise.race([
      sql<{ n: number }>`select count(*) as n from t`.execute(a.db),
      new Promise<'stuck'>((r) => setTimeout(() => r('stuck'), 30_000).unref()),
    ]);
    assert.notEqual(
      read,
      'stuck',
      'a read on the waiting side is answered while the other side holds the lock',
    );
    slow.release();
    await slow.done;
    await write;
    const rows = (await sql<{ who: string }>`select who from t order by id`.execute(a.db)).rows.map(
      (r) => r.who,
    );
    assert.deepEqual(rows, ['b', 'a'], 'the waiting writer wrote once the other committed');
  } finally {
    await b.close();
    await a.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test("outside a transaction, a prepared read on a file goes to the read-only connection: committed rows at once, never the open transaction's", async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ow-db-'));
  const file = path.join(dir, 'ow.db');
  const handle = openDatabase({ sqliteFile: file, checkpoints: 'elsewhere' });
  const memory = openDatabase({});
  try {
    await sql`create table t (id integer primary key, v text not null)`.execute(handle.db);
    const all = prepared((db, min: number) =>
      db
        .selectFrom('t' as never)
        .select('v' as never)
        .where('id' as never, '>=', min as never)
        .orderBy('id' as never),
    );
    const add = prepared((db, v: string) =>
      db
        .insertInto('t' as never)
        .values({ v } as never)
        .returning('id' as never),
    );
    await add(handle.db, 'first');
    assert.deepEqual(await all(handle.db, 0), [{ v: 'first' }], 'committed: seen at once');
    assert.ok(readStatements(handle.db), 'a file has a reader');
    assert.equal(
      readStatements(memory.db),
      undefined,
      'memory has none (another connection could not see it)',
    );
    const writerOnly = openDatabase({
      sqliteFile: path.join(dir, 'w.db'),
      checkpoints: 'elsewhere',
      reader: false,
    });
    assert.equal(readStatements(writerOnly.db), undefined, 'reader: false opens none');
    await writerOnly.close();

    const trx = await holdTransaction(handle.db, async (t) => {
      await add(t, 'uncommitted');
      assert.equal(readStatements(t), undefined, 'a transaction reads on its own connection');
      assert.deepEqual(
        await all(t, 0),
        [{ v: 'first' }, { v: 'uncommitted' }],
        'the transaction sees its own row',
      );
    });
    // The transaction holds the Kysely connection across awaits: a read through it would wait.
    // (the transaction commits only after this read is answered: the timer only ends a read that waits)
    const read = await Promise.race([
      all(handle.db, 0),
      new Promise((r) => setTimeout(() => r('waited'), 30_000).unref()),
    ]);
    assert.deepEqual(
      read,
      [{ v: 'first' }],
      'the read did not wait for the transaction, and did not see its row',
    );
    trx.release();
    await trx.done;
    assert.deepEqual(
      await all(handle.db, 0),
      [{ v: 'first' }, { v: 'uncommitted' }],
      'after the commit the row is seen',
    );
    assert.deepEqual(
      await add(handle.db, 'written outside'),
      [{ id: 3 }],
      'a write is not a read: it goes the usual way',
    );
  } finally {
    await memory.close();
    await handle.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
