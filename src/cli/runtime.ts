import { loadConfig, ConfigError, type Config } from '../config/config.js';
import { openDatabase, type DatabaseHandle } from '../db/database.js';
import { migrateToLatest } from '../db/migrate.js';
import { withStartupLock } from '../db/startup-lock.js';
import path from 'node:path';

/** Opens the configured database and brings its schema up to date. */
export async function openRuntime(env = process.env): Promise<{ config: Config; database: DatabaseHandle }> {
  const config = loadConfig(env);
  const database = openDatabase({
    databaseUrl: config.databaseUrl,
    pgPoolSize: config.pgPoolSize,
    pgPreparedStatements: config.pgPreparedStatements,
    sqliteFile: path.join(config.dataDir, 'onewindow.db'),
    sharedFile: config.httpWorkers > 0,
  });
  // Instances started together on one PostgreSQL migrate one after another.
  await withStartupLock(database.db, () => migrateToLatest(database.db));
  return { config, database };
}

/** One line on stderr naming what is wrong, then exit: for configuration and usage errors. */
export function fail(message: string, code = 1): never {
  process.stderr.write(`onewindow: ${message}\n`);
  process.exit(code);
}

export function describeStartupError(e: unknown): string {
  if (e instanceof ConfigError) return `configuration error: ${e.message}`;
  return (e as Error).message ?? String(e);
}

/** A progress line that rewrites itself on a terminal and prints whole lines elsewhere. */
export function progressPrinter(stream: NodeJS.WriteStream = process.stderr) {
  let last = '';
  return (stage: string, done: number, total: number) => {
    const line = `${stage}: ${done}/${total}`;
    if (stream.isTTY) {
      stream.write(`\r${line.padEnd(40)}${done === total ? '\n' : ''}`);
    } else if (done === total || (stage !== last && done === 0)) {
      stream.write(`${line}\n`);
    }
    last = stage;
  };
}

/** Which code runs, as bin/onewindow.mjs chose it (unset when the CLI is imported some other way). */
export function runtimeLabel(): string {
  const r = process.env.ONEWINDOW_RUNTIME;
  return r === 'dist'
    ? 'dist (compiled)'
    : r === 'tsx'
      ? 'tsx (src/ compiled on load; npm run build:server makes dist/)'
      : 'tsx (src/)';
}
