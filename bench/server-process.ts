/** Starts the real server as a child process (its own core), waits until it is ready, and stops it. */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';

export const PG_URL =
  process.env.BENCH_DATABASE_URL ||
  process.env.TEST_DATABASE_URL ||
  'postgres://postgres@127.0.0.1:5432/test';

export async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

export async function pgReachable(): Promise<boolean> {
  const c = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 2000 });
  try {
    await c.connect();
    await c.end();
    return true;
  } catch {
    return false;
  }
}

/** The token a bench's server asks for at /metrics (metricsHeaders sends it). */
export const BENCH_METRICS_TOKEN = 'bench-metrics-token-0123456789';
export const metricsHeaders = { authorization: `Bearer ${BENCH_METRICS_TOKEN}` };

export interface RunningServer {
  port: number;
  /** The server's process id (its CPU time: /proc/<pid>/stat, what process.cpuUsage() counts inside it). */
  pid: number;
  dataDir: string;
  /** The DATABASE_URL it runs on ('' on SQLite). */
  databaseUrl: string;
  /** SIGTERM, wait for the exit, then remove what startServer made (not what the caller gave it). */
  stop: () => Promise<void>;
  /** kill -9 of the server and every process it started (HTTP_WORKERS), then wait for the exit; removes nothing. */
  kill: () => Promise<void>;
  /** The process has exited (for drills that stop it themselves). */
  exited: Promise<number | null>;
}

export interface ServerOptions {
  /** Run on this DATA_DIR (kept afterwards) instead of a new one. */
  dataDir?: string;
  /** Run in this PostgreSQL schema (kept afterwards) instead of a new one. */
  pgSchema?: string;
  /** Run as this user (a drill on file permissions: root may write any file). */
  uid?: number;
  gid?: number;
  /** Wait for /readyz (default), or only for an answer from /healthz (a drill that starts it not ready). */
  waitFor?: 'ready' | 'live';
}

/** The URL of PG_URL with a search_path of this schema. */
export function pgSchemaUrl(schema: string): string {
  const u = new URL(PG_URL);
  u.searchParams.set('options', `-c search_path=${schema}`);
  // Its connections are told apart from everyone else's in pg_stat_activity (a drill ends them).
  u.searchParams.set('application_name', `onewindow/${schema}`);
  return u.toString();
}

export async function pgQuery<R extends pg.QueryResultRow>(
  text: string,
  params: unknown[] = [],
): Promise<R[]> {
  const c = new pg.Client({ connectionString: PG_URL });
  await c.connect();
  try {
    return (await c.query<R>(text, params)).rows;
  } finally {
    await c.end();
  }
}

export async function startServer(
  dialect: 'sqlite' | 'postgres',
  extraEnv: Record<string, string> = {},
  opts: ServerOptions = {},
): Promise<RunningServer> {
  const root = path.resolve(import.meta.dirname, '..');
  const dataDir = opts.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'ow-bench-srv-'));
  const port = await freePort();
  let schema: string | undefined;
  let databaseUrl = '';
  if (dialect === 'postgres') {
    schema = opts.pgSchema ?? `benchsrv_${randomBytes(4).toString('hex')}`;
    if (!opts.pgSchema) await pgQuery(`create schema ${schema}`);
    databaseUrl = pgSchemaUrl(schema);
  }
  // BENCH_SERVER_NODE_ARGS passes flags to the server's node, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof" to profile it under load.
  const nodeArgs = (process.env.BENCH_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const child: ChildProcess = spawn(
    process.execPath,
    [...nodeArgs, path.join(root, 'bin/onewindow.mjs'), 'serve'],
    {
      env: {
        ...process.env,
        DATA_DIR: dataDir,
        PORT: String(port),
        HOST: '127.0.0.1',
        LOG_LEVEL: 'warn',
        SUPERVISION_INTERVAL_MS: '3600000',
        DATABASE_URL: databaseUrl,
        METRICS_TOKEN: BENCH_METRICS_TOKEN,
        ...extraEnv,
      },
      stdio: ['ignore', 'ignore', 'inherit'],
      // A group of its own, so kill() reaches the HTTP processes it forks too.
      detached: true,
      ...(opts.uid !== undefined ? { uid: opts.uid, gid: opts.gid ?? opts.uid } : {}),
    },
  );
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  const deadline = Date.now() + 120_000;
  const probe = opts.waitFor === 'live' ? '/healthz' : '/readyz';
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    try {
      const r = await fetch(`http://127.0.0.1:${port}${probe}`);
      if (r.ok) break;
    } catch {
      /* not yet */
    }
    if (Date.now() > deadline) throw new Error('server did not become ready');
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    port,
    pid: child.pid!,
    dataDir,
    databaseUrl,
    exited,
    kill: async () => {
      if (child.exitCode === null) process.kill(-child.pid!, 'SIGKILL');
      await exited;
    },
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
      if (!opts.dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
      if (schema && !opts.pgSchema) await pgQuery(`drop schema ${schema} cascade`);
    },
  };
}

export async function login(
  port: number,
  username: string,
  password: string,
): Promise<{ cookie: string; csrf: string }> {
  const r = await fetch(`http://127.0.0.1:${port}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (!r.ok) throw new Error(`login ${username}: ${r.status}`);
  const cookies = r.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  return { cookie: cookies, csrf: ((await r.json()) as { csrfToken: string }).csrfToken };
}
