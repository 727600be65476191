// End-to-end harness: the real server on a free port with a fresh database, and Debian's Chromium
// driven by playwright-core. Nothing is downloaded; the browser must be at CHROMIUM_PATH.
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { after, before } from 'node:test';
import { fileURLToPath } from 'node:url';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SHOTS = path.join(ROOT, 'test-output', 'screenshots');

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

export interface RunningServer {
  baseUrl: string;
  stop: () => Promise<void>;
}

export type E2eDatabase = 'sqlite' | 'postgres';

/**
 * The PostgreSQL server the stories also run on: E2E_DATABASE_URL, else TEST_DATABASE_URL (as the
 * server suite takes it). Unset: the stories run on SQLite only.
 */
export const E2E_PG_URL = process.env.E2E_DATABASE_URL || process.env.TEST_DATABASE_URL || '';

/** The databases a story runs on: SQLite always, PostgreSQL when a server is named. */
export const E2E_DATABASES: readonly E2eDatabase[] = E2E_PG_URL ? ['sqlite', 'postgres'] : ['sqlite'];

async function pgQuery(text: string): Promise<void> {
  const c = new pg.Client({ connectionString: E2E_PG_URL });
  await c.connect();
  try {
    await c.query(text);
  } finally {
    await c.end();
  }
}

/**
 * A schema of its own on the PostgreSQL server (parallel runs do not meet), and the server's URL
 * with it as the search path; the schema is dropped when the server stops.
 */
async function pgSchema(): Promise<{ url: string; drop: () => Promise<void> }> {
  const schema = `e2e_${randomBytes(6).toString('hex')}`;
  await pgQuery(`create schema ${schema}`);
  const u = new URL(E2E_PG_URL);
  u.searchParams.set('options', `-c search_path=${schema}`);
  return { url: u.toString(), drop: () => pgQuery(`drop schema if exists ${schema} cascade`) };
}

/** Starts `onewindow serve` (demo data, test time mode) and waits until /readyz answers 200. */
export async function startServer(database: E2eDatabase = 'sqlite'): Promise<RunningServer> {
  if (!fs.existsSync(path.join(ROOT, 'web/dist/index.html')))
    throw new Error('web/dist is not built: run `npm run build:web` first');
  if (database === 'postgres' && !E2E_PG_URL)
    throw new Error('a story on PostgreSQL needs E2E_DATABASE_URL or TEST_DATABASE_URL');
  const pgDb = database === 'postgres' ? await pgSchema() : undefined;
  const port = await freePort();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'onewindow-e2e-'));
  const log: string[] = [];
  const child: ChildProcess = spawn(process.execPath, [path.join(ROOT, 'bin/onewindow.mjs'), 'serve'], {
    cwd: ROOT,
    // PUBLIC_BASE_URL: the links the server prints (the simulated gateway's checkout) must reach it.
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      PUBLIC_BASE_URL: `http://127.0.0.1:${port}`,
      DATA_DIR: dataDir,
      ONEWINDOW_TIME_MODE: 'test',
      LOG_LEVEL: 'warn',
      DATABASE_URL: pgDb?.url ?? '',
      NODE_ENV: 'test',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (d: Buffer) => log.push(d.toString()));
  child.stderr!.on('data', (d: Buffer) => log.push(d.toString()));
  const baseUrl = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null) {
      child.kill('SIGTERM');
      await new Promise((r) => {
        child.once('exit', r);
        setTimeout(r, 5000);
      });
    }
    fs.rmSync(dataDir, { recursive: true, force: true });
    await pgDb?.drop();
  };
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) break;
    try {
      const res = await fetch(`${baseUrl}/readyz`);
      if (res.ok) return { baseUrl, stop };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  await stop();
  throw new Error(`the server did not become ready:\n${log.join('').slice(-4000)}`);
}

export async function launchBrowser(): Promise<Browser> {
  // chromium.launch gives every run a fresh, temporary user-data-dir.
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}

/**
 * A page that records console errors and uncaught exceptions. `allow` names browser messages a step
 * provokes on purpose (Chromium logs every non-2xx fetch, e.g. a 409 the test asks for).
 */
export interface WatchedPage {
  page: Page;
  context: BrowserContext;
  errors: string[];
  allow: (pattern: RegExp) => void;
  close: () => Promise<void>;
}

export async function openPage(
  browser: Browser,
  baseUrl: string,
  opts: { width?: number; height?: number; language?: 'zh-CN' | 'en' } = {},
): Promise<WatchedPage> {
  const context = await browser.newContext({
    baseURL: baseUrl,
    viewport: { width: opts.width ?? 1280, height: opts.height ?? 900 },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    // The reader has asked for less motion, so dialogs and popups open in place at once (the app
    // honours the setting): a click then never lands while a dialog is still zooming in or a popup is
    // being placed, which lost a click now and then when the machine was busy.
    reducedMotion: 'reduce',
  });
  if (opts.language)
    await context.addInitScript((lang) => {
      if (!localStorage.getItem('onewindow.language')) localStorage.setItem('onewindow.language', lang);
    }, opts.language);
  const page = await context.newPage();
  const errors: string[] = [];
  const allowed: RegExp[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' && !allowed.some((a) => a.test(m.text())))
      errors.push(`console.error: ${m.text()} (${m.location().url})`);
  });
  page.on('pageerror', (e) => errors.push(`page error: ${e.message}`));
  page.setDefaultTimeout(15_000);
  return { page, context, errors, allow: (p) => allowed.push(p), close: () => context.close() };
}

export async function screenshot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
}

/** Logs in through the login page (opened here unless the app already redirected to it). */
export async function login(page: Page, username: string, opts: { open?: boolean } = {}): Promise<void> {
  if (opts.open !== false) await page.goto('/login');
  await page.locator('#username').fill(username); // the form's field ids: the same in both languages
  await page.locator('#password').fill('OneWindow2026');
  await page.locator('#password').press('Enter');
  await page.waitForURL((u) => !u.pathname.startsWith('/login'));
}

/** A minimal but real PDF (the server checks uploaded files by their content). */
export const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);
export const pdfFile = (name: string) => ({ name: `${name}.pdf`, mimeType: 'application/pdf', buffer: PDF });

export type ApiCall = <T>(
  method: string,
  path: string,
  body?: unknown,
  headers?: Record<string, string>,
) => Promise<T>;

/** An API session from Node (test setup only): logs in, then sends the cookie and CSRF token with every call. */
export async function apiSession(baseUrl: string, username: string): Promise<ApiCall> {
  const res = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: 'OneWindow2026' }),
  });
  assert.equal(res.status, 200, `login ${username}`);
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const csrf = /ow_csrf=([^;]+)/.exec(cookie)![1]!;
  return async <T>(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<T> => {
    const r = await fetch(`${baseUrl}/api/v1${path}`, {
      method,
      headers: {
        cookie,
        'x-csrf-token': csrf,
        ...(body instanceof FormData ? {} : { 'content-type': 'application/json' }),
        ...headers,
      },
      body: body instanceof FormData ? body : body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await r.text();
    if (!r.ok) throw new Error(`${method} ${path} → ${r.status} ${text}`);
    return (text ? JSON.parse(text) : undefined) as T;
  };
}

export type PageOptions = Parameters<typeof openPage>[2];

/** What a test file shares: the running server, the browser, pages that fail on console errors. */
export interface E2eSuite {
  readonly baseUrl: string;
  readonly browser: Browser;
  /** Runs `body` on a fresh page; fails when the browser logged an error, with a screenshot of the page. */
  withPage: (opts: PageOptions, body: (w: WatchedPage) => Promise<void>) => Promise<void>;
  api: (username: string) => Promise<ApiCall>;
}

/**
 * Registers node:test `before`/`after` hooks that start the server and the browser for this file (or,
 * called inside a describe, for that suite) and stop them afterwards; `setup` runs once both are up
 * (e.g. to create users through the API). The server runs on SQLite unless `database` says otherwise.
 */
export function e2eSuite(
  setup?: (suite: E2eSuite) => Promise<void>,
  opts: { database?: E2eDatabase } = {},
): E2eSuite {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  const suite: E2eSuite = {
    get baseUrl() {
      if (!server) throw new Error('the server is not started yet (use the suite inside tests)');
      return server.baseUrl;
    },
    get browser() {
      if (!browser) throw new Error('the browser is not launched yet (use the suite inside tests)');
      return browser;
    },
    withPage: async (opts, body) => {
      const w = await openPage(suite.browser, suite.baseUrl, opts);
      try {
        await body(w);
        assert.deepEqual(w.errors, [], 'no errors in the browser console');
      } catch (e) {
        await screenshot(w.page, `FAILED-${Date.now()}`).catch(() => undefined);
        throw e;
      } finally {
        await w.close();
      }
    },
    api: (username) => apiSession(suite.baseUrl, username),
  };
  before(async () => {
    server = await startServer(opts.database);
    browser = await launchBrowser();
    if (setup) await setup(suite);
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });
  return suite;
}

const AXE_SOURCE = path.join(ROOT, 'node_modules/axe-core/axe.min.js');

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[]; failureSummary?: string }[];
}

/**
 * Runs axe-core (WCAG 2.0/2.1 A and AA rules) on the page as it stands and fails on any serious or
 * critical violation, naming the rule and the first elements it found.
 */
export async function checkA11y(page: Page, where: string): Promise<void> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE_SOURCE });
  // A page is judged at rest: mid-fade text has a lighter colour than it ends with, and a closing
  // dropdown's list is still in the page. Endless animations (spinners) are not waited for.
  await page
    .waitForFunction(
      () =>
        document
          .getAnimations()
          .every((a) => a.playState !== 'running' || a.effect?.getTiming().iterations === Infinity),
      undefined,
      { timeout: 5_000 },
    )
    .catch(() => undefined);
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: unknown[] }> };
      }
    ).axe;
    const r = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
      resultTypes: ['violations'],
    });
    return r.violations;
  });
  const bad = (violations as AxeViolation[]).filter((v) => v.impact === 'serious' || v.impact === 'critical');
  assert.deepEqual(
    bad.map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} — ${v.nodes
          .slice(0, 3)
          .map((n) => `${JSON.stringify(n.target)} ${n.failureSummary ?? ''}`)
          .join(' | ')}`,
    ),
    [],
    `accessibility of ${where}`,
  );
}
