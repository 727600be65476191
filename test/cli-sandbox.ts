import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase } from '../src/db/database.js';

const root = path.resolve(import.meta.dirname, '..');

/**
 * A place for CLI tests: a fresh DATA_DIR, and on PostgreSQL (TEST_DATABASE_URL) a schema of its
 * own that the spawned `onewindow` reaches through DATABASE_URL's search_path.
 */
export async function cliSandbox(prefix: string) {
  const pgUrl = process.env.TEST_DATABASE_URL;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `onewindow-${prefix}-`));
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dir, LOG_LEVEL: 'silent', DATABASE_URL: '' };
  let schema: string | undefined;
  const admin = async (statement: string) => {
    const c = new pg.Client({ connectionString: pgUrl });
    await c.connect();
    await c.query(statement);
    await c.end();
  };
  if (pgUrl) {
    schema = `${prefix.replace(/\W/g, '_')}_${randomBytes(5).toString('hex')}`;
    await admin(`create schema ${schema}`);
    const u = new URL(pgUrl);
    u.searchParams.set('options', `-c search_path=${schema}`);
    env.DATABASE_URL = u.toString();
  }
  return {
    dir,
    env,
    cli: (args: string[], extraEnv: Record<string, string> = {}) =>
      spawnSync(process.execPath, [path.join(root, 'bin/onewindow.mjs'), ...args], {
        env: { ...env, ...extraEnv },
        encoding: 'utf8',
        timeout: 60_000,
      }),
    /** The same database the CLI uses, opened in-process. */
    open: () =>
      openDatabase({ databaseUrl: pgUrl, sqliteFile: path.join(dir, 'onewindow.db'), pgSchema: schema }),
    cleanup: async () => {
      fs.rmSync(dir, { recursive: true, force: true });
      if (pgUrl && schema) await admin(`drop schema ${schema} cascade`);
    },
  };
}
