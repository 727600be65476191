import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase } from '../db/database.js';
import { migrateToLatest } from '../db/migrate.js';
import { withStartupLock } from '../db/startup-lock.js';
import { ManualClock } from '../shared/clock.js';
import { seedDemoOnFirstStart } from './first-start.js';

const url = process.env.TEST_DATABASE_URL;

test(
  'three instances starting at once on an empty PostgreSQL schema: all start, the demo data is loaded once',
  {
    skip: !url && 'instances sharing a database: PostgreSQL (one process starts the work on an SQLite file)',
  },
  async () => {
    const schema = `t_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`create schema ${schema}`);
    const instances = Array.from({ length: 3 }, () =>
      openDatabase({ databaseUrl: url, pgSchema: schema, pgPoolSize: 4 }),
    );
    try {
      const clock = new ManualClock('2026-11-26T02:00:00.000Z');
      // What `serve` does on start, in each instance at once.
      const starts = await Promise.allSettled(
        instances.map(async ({ db }) => {
          await withStartupLock(db, () => migrateToLatest(db));
          return seedDemoOnFirstStart(db, clock);
        }),
      );
      const failed = starts.flatMap((s) => (s.status === 'rejected' ? [String(s.reason)] : []));
      assert.deepEqual(failed, [], 'every instance started');
      assert.deepEqual(
        starts.map((s) => (s.status === 'fulfilled' ? s.value : null)).sort(),
        [false, false, true],
        'one instance loaded the demo data',
      );
      const users = await admin.query<{ username: string; n: string }>(
        `select username, count(*) as n from ${schema}.users group by username having count(*) > 1`,
      );
      assert.deepEqual(users.rows, [], 'no account twice');
    } finally {
      await Promise.all(instances.map((i) => i.close()));
      await admin.query(`drop schema ${schema} cascade`);
      await admin.end();
    }
  },
);
