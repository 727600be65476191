import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { loadConfig } from '../src/config/config.js';
import { openDatabase } from '../src/db/database.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { ManualClock } from '../src/shared/clock.js';
import { buildApp, type App } from '../src/server/app.js';
import type { AppContext } from '../src/server/context.js';
import { composeContext } from '../src/server/compose.js';
import type { DestinationStream } from 'pino';

/**
 * Every server test runs against the database named by TEST_DATABASE_URL (PostgreSQL) or, without
 * it, an in-memory SQLite. On PostgreSQL each context gets a schema of its own, dropped at the end.
 */
export const TEST_DIALECT = process.env.TEST_DATABASE_URL ? 'postgres' : 'sqlite';

export interface TestContext extends AppContext {
  clock: ManualClock;
  app: App;
  /** The context the app was built with (module wiring is kept per context object). */
  appContext: AppContext;
  close(): Promise<void>;
}

export async function createTestContext(
  opts: {
    logStream?: DestinationStream;
    start?: string;
    testTimeMode?: boolean;
    env?: Record<string, string>;
    sqliteFile?: string;
  } = {},
): Promise<TestContext> {
  // A test of the embedded database's own machinery (a file, threads) names its file: SQLite then.
  const url = opts.sqliteFile ? undefined : process.env.TEST_DATABASE_URL;
  let schema: string | undefined;
  if (url) {
    schema = `t_${randomBytes(6).toString('hex')}`;
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    await c.query(`create schema ${schema}`);
    await c.end();
  }
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'onewindow-test-'));
  // TEST_SQLITE=file runs on a file, as the server does (WAL, the read-only connection, the intake
  // thread); otherwise SQLite tests run in memory.
  const sqliteFile =
    opts.sqliteFile ?? (process.env.TEST_SQLITE === 'file' ? path.join(dataDir, 'onewindow.db') : ':memory:');
  const database = openDatabase({ databaseUrl: url, sqliteFile, pgSchema: schema, pgPoolSize: 4 });
  await migrateToLatest(database.db);
  const config = loadConfig({
    LOG_LEVEL: opts.logStream ? 'info' : 'silent',
    DATA_DIR: dataDir,
    PUBLIC_BASE_URL: 'https://zwfw.qinghe.example',
    ...(opts.testTimeMode ? { ONEWINDOW_TIME_MODE: 'test' } : {}),
    ...opts.env,
  });
  const clock = new ManualClock(opts.start ?? '2026-11-26T02:00:00.000Z');
  // In test time mode the server keeps its own movable clock, as `npm start` would.
  const ctx: AppContext = composeContext(config, database, opts.testTimeMode ? undefined : clock);
  const app = await buildApp(ctx, { logStream: opts.logStream });
  await app.ready();
  return {
    ...ctx,
    clock,
    app,
    appContext: ctx,
    close: async () => {
      await app.close();
      await database.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
      if (url && schema) {
        const c = new pg.Client({ connectionString: url });
        await c.connect();
        await c.query(`drop schema ${schema} cascade`);
        await c.end();
      }
    },
  };
}
