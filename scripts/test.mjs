#!/usr/bin/env node
// `npm test`: lint, typecheck (server and web), the web's generated API types checked against the
// server's OpenAPI document (these four side by side), the web unit tests (vitest), the whole server
// suite on SQLite (in memory, and on a file as the server runs it) and on PostgreSQL — the three
// passes at once, each printed whole when it ends — then the browser end-to-end stories
// (playwright-core + Chromium), the web application built while the passes run.
// PostgreSQL comes from TEST_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/test). When it
// cannot be reached the run still passes on SQLite and says plainly that the PostgreSQL half did not
// run — unless REQUIRE_POSTGRES=1 (CI sets it), which turns that into a failure.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import pg from 'pg';

// A test file that has not finished in 10 minutes is failed and its process stopped, so a hang
// (node's assert spins when it builds the message of some failing assert.ok under tsx) ends the
// run with a failure instead of running into CI's time limit.
const FILE_TIMEOUT_MS = 10 * 60_000;

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
process.chdir(root);
const only = process.argv.slice(2);

const totals = { passed: 0, failed: 0, skipped: 0 };
const seconds = (since) => `${Math.round((performance.now() - since) / 1000)} s`;

/** Adds a node:test run's summary lines (ℹ pass N, …) to the totals. */
function count(out) {
  const num = (k) => Number((out.match(new RegExp(`^ℹ ${k} (\\d+)$`, 'm')) ?? [])[1] ?? 0);
  totals.passed += num('pass');
  totals.failed += num('fail');
  totals.skipped += num('skipped') + num('todo');
}

/**
 * Starts a stage as a child process and buffers what it prints (stdout and stderr, in order), so
 * stages that run at once do not interleave; resolves when it ends, without printing anything.
 */
function start(label, cmd, args, env = {}) {
  const t0 = performance.now();
  return new Promise((resolve) => {
    const chunks = [];
    const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } });
    child.stdout.on('data', (d) => chunks.push(d));
    child.stderr.on('data', (d) => chunks.push(d));
    child.on('error', (e) => chunks.push(Buffer.from(`${e.message}\n`)));
    child.on('close', (code, signal) =>
      resolve({ label, status: code ?? 1, signal, out: Buffer.concat(chunks).toString(), took: seconds(t0) }),
    );
  });
}

/**
 * Stages started together: each one's output is printed whole, with its label and time, as it
 * ends; with `counted`, node:test summaries go into the totals. Any stage failing fails the run,
 * after every stage has ended and been printed.
 */
async function together(stages, counted = false) {
  const failed = [];
  await Promise.all(
    stages.map((p) =>
      p.then((r) => {
        process.stdout.write(`\n=== ${r.label} (${r.took}) ===\n${r.out}`);
        if (counted) count(r.out);
        if (r.status !== 0) failed.push(r);
      }),
    ),
  );
  if (failed.length === 0) return;
  for (const r of failed) process.stdout.write(`\n${r.label} failed (exit ${r.signal ?? r.status})\n`);
  process.stdout.write(`${totals.passed} passed, ${Math.max(totals.failed, 1)} failed\n`);
  process.exit(failed[0].status || 1);
}

function run(label, cmd, args, env = {}, counted = false) {
  process.stdout.write(`\n=== ${label} ===\n`);
  const r = spawnSync(cmd, args, {
    stdio: counted ? ['inherit', 'pipe', 'inherit'] : 'inherit',
    env: { ...process.env, ...env },
    maxBuffer: 256 * 1024 * 1024,
  });
  if (counted) {
    const out = r.stdout.toString();
    process.stdout.write(out);
    count(out);
  }
  if (r.status !== 0) {
    process.stdout.write(`\n${label} failed (exit ${r.status ?? r.signal})\n`);
    if (counted) process.stdout.write(`${totals.passed} passed, ${Math.max(totals.failed, 1)} failed\n`);
    process.exit(r.status || 1);
  }
}

function testFiles(dir) {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.test\.ts$/.test(e.name))
    .map((e) => path.join(e.parentPath ?? e.path, e.name))
    .sort();
}

async function reachable(url) {
  const c = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await c.connect();
    await c.query('select 1');
    return null;
  } catch (e) {
    return e.message;
  } finally {
    await c.end().catch(() => {});
  }
}

/** The web unit and component tests; their counts come from vitest's JSON report. */
function runVitest() {
  const report = path.join(root, 'test-output', 'vitest.json');
  fs.mkdirSync(path.dirname(report), { recursive: true });
  fs.rmSync(report, { force: true });
  process.stdout.write('\n=== web unit and component tests (vitest) ===\n');
  const r = spawnSync(
    'npx',
    [
      'vitest',
      'run',
      '--config',
      'web/vitest.config.ts',
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${report}`,
    ],
    { stdio: 'inherit', env: process.env },
  );
  if (fs.existsSync(report)) {
    const j = JSON.parse(fs.readFileSync(report, 'utf8'));
    totals.passed += j.numPassedTests ?? 0;
    totals.failed += j.numFailedTests ?? 0;
    totals.skipped += (j.numPendingTests ?? 0) + (j.numTodoTests ?? 0);
  }
  if (r.status !== 0) {
    process.stdout.write(
      `\nweb unit tests failed (exit ${r.status ?? r.signal})\n${totals.passed} passed, ${Math.max(totals.failed, 1)} failed\n`,
    );
    process.exit(r.status || 1);
  }
}

const chromium = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const runsE2e = !only.length && fs.existsSync(chromium);
// The browser stories test what the sources say now, not an older build. The build goes to a side
// directory while the server passes run (a server test may serve web/dist meanwhile) and takes
// web/dist's place when they have ended.
const NEXT_DIST = 'web/dist.next';
const buildWeb = () =>
  start('build web application (vite)', 'npx', [
    'vite',
    'build',
    '--config',
    'web/vite.config.ts',
    '--logLevel',
    'warn',
    '--outDir',
    'dist.next',
    '--emptyOutDir',
  ]);
let webBuild;

/**
 * The browser stories: skipped (saying so) only on a developer machine without Chromium; CI must run
 * them. E2E_CONCURRENCY (default 2) files at once, each with its own server and browser.
 */
async function runE2e(pgUrl) {
  if (!runsE2e) {
    if (!process.env.CI) {
      process.stdout.write(
        `\n=== end-to-end (browser) ===\nskipped: ${chromium} is not installed (apt-get install chromium); CI runs this stage\n`,
      );
      return;
    }
    process.stdout.write(
      `\n${chromium} is missing and CI is set: the end-to-end stage must run.\n${totals.passed} passed, 1 failed\n`,
    );
    process.exit(1);
  }
  await together([webBuild]);
  fs.rmSync('web/dist', { recursive: true, force: true });
  fs.renameSync(NEXT_DIST, 'web/dist');
  const e2eFiles = fs
    .readdirSync('web/e2e')
    .filter((f) => f.endsWith('.e2e.ts'))
    .sort()
    .map((f) => path.join('web/e2e', f));
  const concurrency = process.env.E2E_CONCURRENCY || '2';
  run(
    `end-to-end in Chromium (${e2eFiles.length} files, ${concurrency} at a time)`,
    process.execPath,
    [
      '--import',
      'tsx',
      '--test',
      '--test-reporter=spec',
      `--test-timeout=${FILE_TIMEOUT_MS}`,
      `--test-concurrency=${concurrency}`,
      ...e2eFiles,
    ],
    // The stories that run on both databases (web/e2e/harness.ts E2E_DATABASES) get PostgreSQL when it answered.
    { TEST_DATABASE_URL: '', E2E_DATABASE_URL: pgUrl },
    true,
  );
}

const files = only.length ? only : [...testFiles('src'), ...testFiles('test')];
// TEST_CONCURRENCY: files run at once within each pass (node's default: the cores less one). Every
// test context has its own database (test/test-context.ts: memory, a file in a directory of its
// own, or a PostgreSQL schema of its own), so files and passes do not meet.
const nodeTest = () => [
  '--import',
  'tsx',
  '--test',
  '--test-reporter=spec',
  `--test-timeout=${FILE_TIMEOUT_MS}`,
  ...(process.env.TEST_CONCURRENCY ? [`--test-concurrency=${process.env.TEST_CONCURRENCY}`] : []),
  ...files,
];

if (!only.length) {
  // Four single-threaded checks, side by side on the machine's cores.
  await together([
    start('lint (prettier, eslint)', 'npm', ['run', 'lint', '--silent']),
    start('typecheck (tsc --noEmit)', 'npx', ['tsc', '-p', '.']),
    start('typecheck web (tsc -p web)', 'npx', ['tsc', '-p', 'web']),
    // The web's API types are generated from the server's OpenAPI document; a stale copy fails here.
    start('web API types match the server (npm run gen:api)', process.execPath, [
      '--import',
      'tsx',
      'scripts/gen-api-types.ts',
      '--check',
    ]),
  ]);
  runVitest();
}

const url = process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';
const why = await reachable(url);
// The three passes at once, each a process of its own; each is printed whole when it ends.
const passes = [
  start(`server tests on SQLite (${files.length} files)`, process.execPath, nodeTest(), {
    TEST_DATABASE_URL: '',
  }),
  // Again on an SQLite file, as the server runs: WAL, the read-only connection for reads, the intake thread.
  start(`server tests on an SQLite file (${files.length} files)`, process.execPath, nodeTest(), {
    TEST_DATABASE_URL: '',
    TEST_SQLITE: 'file',
  }),
];
if (!why)
  passes.push(
    start(`server tests on PostgreSQL (${files.length} files)`, process.execPath, nodeTest(), {
      TEST_DATABASE_URL: url,
    }),
  );
// The web application builds meanwhile, for the browser stories after them.
if (runsE2e) webBuild = buildWeb();
await together(passes, true);
if (why) {
  const msg = `PostgreSQL half did NOT run: ${url.replace(/:[^:@/]*@/, ':***@')} is not reachable (${why}).`;
  if (process.env.REQUIRE_POSTGRES === '1') {
    process.stdout.write(`\n${msg}\nREQUIRE_POSTGRES=1, so this is a failure.\n`);
    process.exit(1);
  }
  process.stdout.write(`\n*** ${msg} Only SQLite was tested. ***\n`);
}
if (!only.length) await runE2e(why ? '' : url);
process.stdout.write(
  `\nall test stages passed\n${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped\n`,
);
